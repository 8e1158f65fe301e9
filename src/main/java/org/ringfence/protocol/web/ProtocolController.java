package org.ringfence.protocol.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ringfence.identity.Roles;
import org.ringfence.protocol.NewRuleSet;
import org.ringfence.protocol.ProtocolRuleSet;
import org.ringfence.protocol.ProtocolRules;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/protocol")
@Tag(name = "Protocol", description = "The SN Deployment Protocol's flex rules as versioned, effective-dated rule sets")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role does not allow this")
class ProtocolController {

	private final ProtocolRules rules;

	ProtocolController(ProtocolRules rules) {
		this.rules = rules;
	}

	@GetMapping("/rule-sets")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(operationId = "listProtocolRuleSets", summary = "Every protocol rule set, oldest first, each in force from its date until the next")
	List<ProtocolRuleSet> ruleSets() {
		return this.rules.ruleSets();
	}

	@GetMapping("/rule-sets/in-force")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(operationId = "getProtocolRuleSetInForce", summary = "The rule set in force on a date (default today, London)")
	@ApiResponse(responseCode = "422", description = "No rule set is in force on that date (before the first)")
	ProtocolRuleSet inForce(@RequestParam Optional<LocalDate> date) {
		return this.rules.inForceOn(date.orElse(LocalDate.now(ZoneId.of("Europe/London"))));
	}

	/** A new rule set as sent. */
	record RuleSetBody(@NotBlank String name, @NotNull LocalDate effectiveFrom, String note, String source,
			@NotNull Integer minConstables, @NotNull Integer minPcsos, Boolean withinBoroughOnly, Integer maxFlexDays,
			Integer reviewAfterDays, Integer fairnessWindowDays, Double fairnessMaxToMean) {

		NewRuleSet toNewRuleSet() {
			return new NewRuleSet(this.name, this.effectiveFrom, this.note, this.source, this.minConstables, this.minPcsos,
					this.withinBoroughOnly == null || this.withinBoroughOnly, this.maxFlexDays == null ? 28 : this.maxFlexDays,
					this.reviewAfterDays == null ? 14 : this.reviewAfterDays,
					this.fairnessWindowDays == null ? 84 : this.fairnessWindowDays,
					this.fairnessMaxToMean == null ? 1.5 : this.fairnessMaxToMean);
		}

	}

	@PostMapping("/rule-sets")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.ADMIN)
	@Operation(operationId = "addProtocolRuleSet", summary = "Add a rule set (administrators): in force from its date (today or later, after the latest set) "
			+ "until a later one; flex limits default to 28 days, review after 14, fairness over 84 days at 1.5 x the mean")
	@ApiResponse(responseCode = "422", description = "Backdated, out of order, or the name is taken")
	ProtocolRuleSet add(@Valid @RequestBody RuleSetBody body) {
		return this.rules.add(body.toNewRuleSet());
	}

}
