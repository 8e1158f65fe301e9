package org.ringfence.identity.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.ringfence.identity.AccountService;
import org.ringfence.identity.AccountService.AccountView;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.NewAccount;
import org.ringfence.identity.Role;
import org.ringfence.identity.Roles;
import org.ringfence.identity.Scope;
import org.ringfence.platform.DomainRuleViolation;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "The logged-in user and accounts")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
class AccountController {

	private final AccountService accounts;

	private final CurrentAccess access;

	AccountController(AccountService accounts, CurrentAccess access) {
		this.accounts = accounts;
		this.access = access;
	}

	@GetMapping("/me")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "The logged-in user: role and scopes")
	AccountView me() {
		return this.accounts.get(this.access.user().username());
	}

	@GetMapping("/users")
	@PreAuthorize(Roles.ADMIN)
	@Operation(summary = "All accounts (administrators)")
	List<AccountView> users() {
		return this.accounts.all();
	}

	record CreateAccount(@NotBlank String username, @NotBlank String displayName, @NotBlank String password,
			@NotNull Role role, @NotEmpty Set<Scope> scopes, Long personId) {
	}

	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.ADMIN)
	@Operation(summary = "Create an account (administrators)")
	@ApiResponse(responseCode = "400", description = "Invalid account")
	@ApiResponse(responseCode = "422", description = "Account exists, or role and scope do not fit")
	AccountView create(@Valid @RequestBody CreateAccount body) {
		NewAccount account;
		try {
			account = new NewAccount(body.username(), body.displayName(), body.password(), body.role(), body.scopes(),
					Optional.ofNullable(body.personId()));
		}
		catch (IllegalArgumentException ex) {
			throw new DomainRuleViolation("invalid-account", ex.getMessage());
		}
		return this.accounts.create(account);
	}

	record ChangeAccess(@NotNull Role role, @NotEmpty Set<Scope> scopes, boolean enabled) {
	}

	@PutMapping("/users/{username}/access")
	@PreAuthorize(Roles.ADMIN)
	@Operation(summary = "Change an account's role, scopes, enabled (administrators; never their own)")
	@ApiResponse(responseCode = "404", description = "No such account")
	@ApiResponse(responseCode = "422", description = "Role and scope do not fit")
	AccountView changeAccess(@PathVariable String username, @Valid @RequestBody ChangeAccess body) {
		return this.accounts.changeAccess(this.access.user().username(), username, body.role(), body.scopes(),
				body.enabled());
	}

}
