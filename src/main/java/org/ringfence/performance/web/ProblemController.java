package org.ringfence.performance.web;

import java.time.LocalDate;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ringfence.performance.PerformanceRoles;
import org.ringfence.performance.ProblemStage;
import org.ringfence.performance.ProblemView;
import org.ringfence.performance.Problems;
import org.ringfence.performance.persistence.ProblemQueries;

import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/performance/problems")
@Tag(name = "Performance: problem solving", description = "The problem-solving database (seven-stage model)")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
@ApiResponse(responseCode = "404", description = "No such problem")
class ProblemController {

	private final Problems problems;

	ProblemController(Problems problems) {
		this.problems = problems;
	}

	@GetMapping
	@PreAuthorize(PerformanceRoles.PROBLEM_READERS)
	@Operation(operationId = "performanceProblemSearch", summary = "Search problems across London (borough users: their borough), newest first, paged",
			description = "Filters: ward, borough, stage (e.g. PLAN_AND_ACTION), status (OPEN|CLOSED), category (exact, any "
					+ "case), text (in title, description, category), openedFrom/openedTo (YYYY-MM-DD); page from 0, size 1-100.")
	@ApiResponse(responseCode = "200", description = "A page of problems")
	Problems.Page search(@RequestParam Optional<String> ward, @RequestParam Optional<String> borough,
			@RequestParam Optional<String> stage, @RequestParam Optional<String> status,
			@RequestParam Optional<String> category, @RequestParam Optional<String> text,
			@RequestParam Optional<LocalDate> openedFrom, @RequestParam Optional<LocalDate> openedTo,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.problems.search(filter(ward, borough, stage, status, category, text, openedFrom, openedTo), page, size);
	}

	static ProblemQueries.Filter filter(Optional<String> ward, Optional<String> borough, Optional<String> stage,
			Optional<String> status, Optional<String> category, Optional<String> text, Optional<LocalDate> openedFrom,
			Optional<LocalDate> openedTo) {
		Optional<String> stageName = blank(stage).map(s -> ProblemStage.parse(s)
			.orElseThrow(() -> Params.invalid("stage", "unknown stage"))
			.name());
		Optional<String> statusName = blank(status).map(s -> s.toUpperCase(java.util.Locale.ROOT));
		statusName.filter(s -> !s.equals("OPEN") && !s.equals("CLOSED")).ifPresent(s -> {
			throw Params.invalid("status", "status must be OPEN or CLOSED");
		});
		return new ProblemQueries.Filter(Optional.empty(), blank(ward), blank(borough), stageName, statusName,
				blank(category), blank(text), openedFrom, openedTo);
	}

	static Optional<String> blank(Optional<String> s) {
		return s.map(String::strip).filter(x -> !x.isEmpty());
	}

	record OpenRequest(String wardCode, String title, String category, String description, LocalDate openedOn) {
	}

	@PostMapping
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "performanceProblemOpen", summary = "Open a problem of a ward in the caller's scope (stage 1, research)")
	@ApiResponse(responseCode = "201", description = "Opened")
	ProblemView open(@RequestBody OpenRequest r) {
		return this.problems.open(new Problems.NewProblem(r.wardCode(), r.title(), r.category(), r.description(),
				Optional.ofNullable(r.openedOn())));
	}

	@GetMapping("/{id}")
	@PreAuthorize(PerformanceRoles.PROBLEM_READERS)
	@Operation(operationId = "performanceProblemView", summary = "A problem with its stages, partners, actions, links and evaluation")
	@ApiResponse(responseCode = "200", description = "The problem")
	ProblemView view(@PathVariable long id) {
		return this.problems.view(id);
	}

	record StageRequest(String stage, String reason, Integer version) {
	}

	@PostMapping("/{id}/stage")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	@Operation(operationId = "performanceProblemStage", summary = "Move a problem to another stage: forward to the next stage, or back with a reason",
			description = "409 for an illegal move (skipping ahead, staying, going back without a reason, a closed problem, "
					+ "a stale version).")
	@ApiResponse(responseCode = "200", description = "Moved")
	@ApiResponse(responseCode = "409", description = "Illegal stage change")
	ProblemView stage(@PathVariable long id, @RequestBody StageRequest r) {
		ProblemStage to = ProblemStage.parse(r.stage()).orElseThrow(() -> Params.invalid("stage", "unknown stage"));
		return this.problems.move(id, to, r.reason(), Optional.ofNullable(r.version()));
	}

	record PartnerRequest(String organisation, String role) {
	}

	@PostMapping("/{id}/partners")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	@Operation(operationId = "performanceProblemPartner", summary = "Add a partner organisation involved in the problem")
	@ApiResponse(responseCode = "200", description = "Added")
	ProblemView partner(@PathVariable long id, @RequestBody PartnerRequest r) {
		return this.problems.addPartner(id, r.organisation(), r.role());
	}

	record ActionRequest(String action, String owner, LocalDate dueOn) {
	}

	@PostMapping("/{id}/actions")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	@Operation(operationId = "performanceProblemAction", summary = "Add an action to the problem")
	@ApiResponse(responseCode = "200", description = "Added")
	ProblemView action(@PathVariable long id, @RequestBody ActionRequest r) {
		return this.problems.addAction(id, r.action(), r.owner(), Optional.ofNullable(r.dueOn()));
	}

	record DoneRequest(LocalDate doneOn) {
	}

	@PostMapping("/{id}/actions/{actionId}/done")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	@Operation(operationId = "performanceProblemDone", summary = "Mark an action done")
	@ApiResponse(responseCode = "200", description = "Done")
	ProblemView done(@PathVariable long id, @PathVariable long actionId, @RequestBody(required = false) DoneRequest r) {
		return this.problems.completeAction(id, actionId, Optional.ofNullable(r == null ? null : r.doneOn()));
	}

	record LinkRequest(String kind, Long refId) {
	}

	@PostMapping("/{id}/links")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	@Operation(operationId = "performanceProblemLink", summary = "Link a priority, flex request or deflected call (kind PRIORITY|FLEX_REQUEST|DEFLECTED_CALL)",
			description = "422 when the target does not exist, is elsewhere, or (priorities) the neighbourhood module is "
					+ "absent: \"priorities are not available\".")
	@ApiResponse(responseCode = "200", description = "Linked")
	@ApiResponse(responseCode = "422", description = "Link refused")
	ProblemView link(@PathVariable long id, @RequestBody LinkRequest r) {
		Problems.LinkKind kind;
		try {
			kind = Problems.LinkKind.valueOf(r.kind() == null ? "" : r.kind().strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Params.invalid("kind", "kind must be PRIORITY, FLEX_REQUEST or DEFLECTED_CALL");
		}
		if (r.refId() == null || r.refId() <= 0) {
			throw Params.invalid("refId", "refId must be a positive id");
		}
		return this.problems.link(id, kind, r.refId());
	}

	record CloseRequest(String whatWasDone, String whatChanged, LocalDate closedOn, Integer version) {
	}

	@PostMapping("/{id}/close")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	@Operation(operationId = "performanceProblemClose", summary = "Close a problem after its review, with the evaluation",
			description = "The ward's demand (TNO, ASB, calls) is compared in equal periods before opening and up to closing, "
					+ "from the demand module, or reported as not available. 409 unless the problem is at the review stage.")
	@ApiResponse(responseCode = "200", description = "Closed")
	@ApiResponse(responseCode = "409", description = "Not at the review stage, or already closed")
	ProblemView close(@PathVariable long id, @RequestBody CloseRequest r) {
		return this.problems.close(id, r.whatWasDone(), r.whatChanged(), Optional.ofNullable(r.closedOn()),
				Optional.ofNullable(r.version()));
	}

}
