package org.ringfence.flex.web;

import java.time.LocalDate;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import org.ringfence.flex.FlexDashboard;
import org.ringfence.flex.FlexMonitoring;
import org.ringfence.flex.FlexRotation;
import org.ringfence.flex.FlexRotations;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Flex monitoring", description = "The flex dashboard and rotation proposals for long-term problems")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
class FlexMonitoringController {

	private final FlexMonitoring monitoring;

	private final FlexRotations rotations;

	private final CurrentAccess access;

	FlexMonitoringController(FlexMonitoring monitoring, FlexRotations rotations, CurrentAccess access) {
		this.monitoring = monitoring;
		this.rotations = rotations;
		this.access = access;
	}

	@GetMapping("/api/v1/flex-dashboard")
	@PreAuthorize(Roles.FLEX_MONITORS)
	@Operation(operationId = "getFlexDashboard", summary = "Flex at a glance for a borough or London on a day (asOf, default today): deployed flexes, "
			+ "flags (review overdue, past the limit without an exception, not ended), wards over the fairness threshold, "
			+ "flex share of duty time by month, arrows from providing to receiving wards. No officers' names")
	FlexDashboard dashboard(@RequestParam Optional<String> borough, @RequestParam Optional<LocalDate> asOf) {
		Optional<String> scoped = this.access.boroughOrLondon(borough);
		return this.monitoring.dashboard(scoped, asOf.orElse(this.monitoring.today()));
	}

	/** A long-term problem as sent. */
	record ProblemBody(@NotNull String receivingWard, @NotNull LocalDate firstDay, @NotNull Integer weeks,
			Integer constables, Integer pcsos) {
	}

	@PostMapping("/api/v1/flex-rotations/proposals")
	@PreAuthorize(Roles.FLEX_PLANNERS)
	@Operation(operationId = "proposeFlexRotation", summary = "Propose a rotation for a long-term problem: successive flex periods within the protocol's limit, "
			+ "drawing on different wards, every ward kept within its ring-fence, the load spread evenly. Nothing is stored",
			description = "constables and pcsos: officers asked for in each period (default 2 and 0)")
	@ApiResponse(responseCode = "422", description = "The first day has passed")
	FlexRotation propose(@jakarta.validation.Valid @RequestBody ProblemBody body) {
		return this.rotations.propose(new FlexRotations.Problem(body.receivingWard(), body.firstDay(), body.weeks(),
				body.constables() == null ? 2 : body.constables(), body.pcsos() == null ? 0 : body.pcsos()));
	}

}
