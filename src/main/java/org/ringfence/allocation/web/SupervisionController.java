package org.ringfence.allocation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ringfence.allocation.SharedSupervision;
import org.ringfence.allocation.SupervisionPlan;
import org.ringfence.allocation.SupervisionPlan.ConsulteeType;
import org.ringfence.allocation.SupervisionPlan.Stance;
import org.ringfence.allocation.SupervisionRecommendation;
import org.ringfence.identity.Roles;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "Shared supervision", description = "Which wards share a sergeant: recommendation from demand, the borough's "
		+ "plan, its consultation log, the borough commander's decision and the letter")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or borough does not allow this")
@ApiResponse(responseCode = "404", description = "No such borough or plan")
class SupervisionController {

	private final SharedSupervision supervision;

	private final SupervisionLetter letter;

	SupervisionController(SharedSupervision supervision, SupervisionLetter letter) {
		this.supervision = supervision;
		this.letter = letter;
	}

	@GetMapping("/recommendation")
	@PreAuthorize(Roles.ALLOCATION_READERS)
	@Operation(summary = "Recommend which adjacent wards share a sergeant, with the figures behind each pairing",
			description = "With W wards and N sergeants, W − N sergeants are saved by pairs (or, with maxGroupSize=3, "
					+ "groups of three) of adjacent wards in the same cluster sharing one. No cluster gives up more than "
					+ "its share of the borough's wards (rounded up); then the heaviest shared group's combined SN demand "
					+ "(TNO + ASB + local factors) is as low as possible, then the total under shared supervision. Demand "
					+ "over from..to (inclusive; default the last twelve complete months).")
	@ApiResponse(responseCode = "422", description = "No demand data for the period (import crime or calls first), or "
			+ "too few sergeants to share in pairs")
	SupervisionRecommendation supervisionRecommendation(@RequestParam String borough, @RequestParam int sergeants,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to,
			@Parameter(description = "2: pairs only (default); 3: groups of three allowed") @RequestParam(defaultValue = "2") int maxGroupSize) {
		return this.supervision.recommend(new SharedSupervision.Request(borough, sergeants, from, to, maxGroupSize));
	}

	record PlanBody(@NotBlank String borough, @NotNull Integer sergeants, LocalDate from, LocalDate to,
			Integer maxGroupSize, List<List<String>> groups, String rationale) {
	}

	@PostMapping("/plans")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.ALLOCATION_WRITERS)
	@Operation(summary = "Propose a shared supervision plan: the recommendation's groups, or groups given by hand "
			+ "(ward codes; adjacent wards of the borough; saving exactly wards − sergeants)")
	@ApiResponse(responseCode = "422", description = "No demand data, or the groups cannot be used (and why)")
	SupervisionPlan proposeSupervisionPlan(@Valid @RequestBody PlanBody body) {
		SharedSupervision.Request request = new SharedSupervision.Request(body.borough(), body.sergeants(),
				Optional.ofNullable(body.from()), Optional.ofNullable(body.to()),
				body.maxGroupSize() == null ? 2 : body.maxGroupSize());
		return this.supervision.propose(new SharedSupervision.Proposal(request,
				Optional.ofNullable(body.groups()).filter(g -> !g.isEmpty()), body.rationale()));
	}

	@GetMapping("/plans")
	@PreAuthorize(Roles.ALLOCATION_READERS)
	@Operation(summary = "Plans in your boroughs, newest first (without groups and consultation)")
	List<SupervisionPlan> supervisionPlans(@RequestParam Optional<String> borough) {
		return this.supervision.plans(borough.filter(b -> !b.isBlank()));
	}

	@GetMapping("/plans/{id}")
	@PreAuthorize(Roles.ALLOCATION_READERS)
	@Operation(summary = "A plan with its groups, figures, consultation log and decision")
	SupervisionPlan supervisionPlan(@PathVariable long id) {
		return this.supervision.plan(id);
	}

	record ConsultationBody(@NotNull ConsulteeType consulteeType, @NotBlank String consultee,
			@NotNull LocalDate consultedOn, @NotNull Stance stance, String response) {
	}

	@PostMapping("/plans/{id}/consultations")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.ALLOCATION_WRITERS)
	@Operation(summary = "Record who was consulted (WARD_PANEL, KIN, LOCAL_AUTHORITY, MP, OVERSIGHT_LINK_MEMBER, "
			+ "COUNCILLOR, OTHER), when, their stance (SUPPORTS, OBJECTS, COMMENTS, NO_RESPONSE) and response")
	@ApiResponse(responseCode = "409", description = "The plan is decided: it is final")
	SupervisionPlan recordConsultation(@PathVariable long id, @Valid @RequestBody ConsultationBody body) {
		return this.supervision.consult(id, new SharedSupervision.NewConsultation(body.consulteeType(), body.consultee(),
				body.consultedOn(), body.stance(), body.response()));
	}

	record DecisionBody(@NotBlank String note, @NotNull LocalDate effectiveFrom) {
	}

	@PostMapping("/plans/{id}/decision")
	@PreAuthorize(Roles.SUPERVISION_DECIDERS)
	@Operation(summary = "The borough commander's decision (a superintendent of the borough): reasons and the day it "
			+ "starts; needs a consultation entry first. The plan becomes final and its letter no longer a draft")
	@ApiResponse(responseCode = "409", description = "Decided already")
	@ApiResponse(responseCode = "422", description = "Nobody has been consulted yet")
	SupervisionPlan decideSupervisionPlan(@PathVariable long id, @Valid @RequestBody DecisionBody body) {
		return this.supervision.decide(id, body.note(), body.effectiveFrom());
	}

	@GetMapping(path = "/plans/{id}/letter.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@PreAuthorize(Roles.ALLOCATION_READERS)
	@Operation(summary = "The letter to stakeholders (ward panels, KINs, local authority, MPs) as a PDF: which wards "
			+ "share a sergeant and why, who was consulted and the decision (marked draft until decided)")
	ResponseEntity<byte[]> supervisionLetter(@PathVariable long id) {
		SupervisionPlan plan = this.supervision.plan(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "attachment; filename=\"" + SupervisionLetter.fileName(plan) + "\"")
			.body(this.letter.pdf(plan));
	}

}
