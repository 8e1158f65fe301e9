package org.ringfence.allocation.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.ringfence.allocation.OfficerAllocation;
import org.ringfence.allocation.OfficerAllocationRequest;
import org.ringfence.allocation.OfficerAllocations;
import org.ringfence.identity.Roles;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/allocation")
@Tag(name = "Allocation of officers", description = "Extra officers shared among wards by demand, beside the 2007 rule")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or area does not allow this (all London and BCUs need force-wide access)")
@ApiResponse(responseCode = "404", description = "No such borough or BCU")
class AllocationController {

	private final OfficerAllocations allocations;

	AllocationController(OfficerAllocations allocations) {
		this.allocations = allocations;
	}

	record AllocationBody(@NotNull OfficerAllocationRequest.Scope scope, String code, @NotNull Integer total,
			Integer minimumPerWard, Integer cap, Map<String, Integer> wardCaps, Boolean noLoss,
			@NotNull OfficerAllocationRequest.Measure measure, @NotNull OfficerAllocationRequest.Method method,
			LocalDate from, LocalDate to) {
	}

	@PostMapping("/officers")
	@PreAuthorize(Roles.ALLOCATION_READERS)
	@Operation(summary = "Share officers among the wards of the force, a BCU or a borough by demand",
			description = "scope FORCE (no code), BCU (code = its name, e.g. \"Central North\") or BOROUGH (code = "
					+ "E09...). total: the officers the scope's wards should have in all; minimumPerWard (default 0), "
					+ "cap and wardCaps (per ward code), noLoss (no ward below its team's DWOs and PCs today). measure: "
					+ "TNO, ASB, CALLS, SN (TNO + ASB + local factors) or POPULATION, over from..to (default the last "
					+ "twelve complete months). method: HAMILTON (largest remainder), DHONDT, SAINTE_LAGUE (Webster) or "
					+ "HUNTINGTON_HILL. Each ward comes back with its demand share, its quota (total x share), the "
					+ "quota once bounds are kept, and its allocation; beside it the 2007 rule (wards over 14,000 "
					+ "residents enhanced) with the same total, and per borough which wards gain and lose. Nothing is "
					+ "stored.")
	@ApiResponse(responseCode = "422", description = "A constraint cannot hold (the code names it: minimum-infeasible, "
			+ "no-loss-infeasible, no-loss-above-cap, cap-below-minimum, caps-infeasible), or no demand data")
	OfficerAllocation allocateOfficers(@Valid @RequestBody AllocationBody body) {
		return this.allocations.allocate(new OfficerAllocationRequest(body.scope(), Optional.ofNullable(body.code()),
				body.total(), body.minimumPerWard() == null ? 0 : body.minimumPerWard(), Optional.ofNullable(body.cap()),
				body.wardCaps() == null ? Map.of() : body.wardCaps(), Boolean.TRUE.equals(body.noLoss()), body.measure(),
				body.method(), Optional.ofNullable(body.from()), Optional.ofNullable(body.to())));
	}

}
