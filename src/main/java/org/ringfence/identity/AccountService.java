package org.ringfence.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ringfence.identity.persistence.IdentityQueries;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: create them, list them, change what they may do. Every change is audited. */
@Service
public class AccountService {

	private final IdentityQueries queries;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	AccountService(IdentityQueries queries, PasswordEncoder passwords, ApplicationEventPublisher events) {
		this.queries = queries;
		this.passwords = passwords;
		this.events = events;
	}

	/** An account as others may see it: never the password hash. */
	public record AccountView(String username, String displayName, Role role, List<Scope> scopes,
			Optional<Long> personId, boolean enabled) {

		static AccountView of(RingfenceUser user) {
			return new AccountView(user.username(), user.displayName(), user.role(),
					user.scopes().stream().sorted(java.util.Comparator.comparing(Scope::type).thenComparing(Scope::code)).toList(),
					user.personId(), user.enabled());
		}

	}

	@Transactional
	public AccountView create(NewAccount account) {
		if (this.queries.exists(account.username())) {
			throw new DomainRuleViolation("account-exists", "An account named '" + account.username() + "' already exists.");
		}
		RingfenceUser user = new RingfenceUser(account.username(), account.displayName(), account.role(), account.scopes(),
				account.personId().orElse(0L), this.passwords.encode(account.password()), true);
		this.queries.insertUser(user);
		this.events.publishEvent(StateChange.created("user", user.username(), boroughOf(account.scopes()), state(user)));
		return AccountView.of(user);
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return this.queries.exists(username);
	}

	@Transactional(readOnly = true)
	public List<AccountView> all() {
		return this.queries.allUsers().stream().map(AccountView::of).toList();
	}

	@Transactional(readOnly = true)
	public AccountView get(String username) {
		return this.queries.findUser(username).map(AccountView::of)
			.orElseThrow(() -> new NotFound("No account named '" + username + "'."));
	}

	/**
	 * Changes an account's role, scopes and whether it is enabled. Nobody changes their own access:
	 * another administrator must (segregation of duties).
	 */
	@Transactional
	public AccountView changeAccess(String actingUsername, String username, Role role, Set<Scope> scopes, boolean enabled) {
		if (actingUsername.equals(username)) {
			throw new ScopeDenied("You cannot change your own access; ask another administrator.");
		}
		RingfenceUser before = this.queries.findUser(username)
			.orElseThrow(() -> new NotFound("No account named '" + username + "'."));
		try {
			NewAccount.AccessRules.check(role, scopes, before.personId());
		}
		catch (IllegalArgumentException ex) {
			throw new DomainRuleViolation("invalid-access", ex.getMessage());
		}
		this.queries.updateAccess(username, role, scopes, enabled);
		RingfenceUser after = new RingfenceUser(before.username(), before.displayName(), role, scopes, before.personRef(),
				"", enabled);
		this.events.publishEvent(StateChange.changed("account access changed", "user", username, boroughOf(scopes),
				state(before), state(after)));
		return AccountView.of(after);
	}

	private static String boroughOf(Set<Scope> scopes) {
		return scopes.stream().filter(s -> s.type() == ScopeType.BOROUGH).map(Scope::code).findFirst().orElse(null);
	}

	private static Map<String, Object> state(RingfenceUser user) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("role", user.role().name());
		state.put("scopes", user.scopes().stream().map(s -> s.type() + ":" + s.code()).sorted().collect(Collectors.toList()));
		state.put("enabled", user.enabled());
		user.personId().ifPresent(id -> state.put("personId", id));
		return state;
	}

}
