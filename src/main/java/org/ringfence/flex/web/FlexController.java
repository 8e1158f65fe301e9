package org.ringfence.flex.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.ringfence.flex.FlexAction;
import org.ringfence.flex.FlexCheckReport;
import org.ringfence.flex.FlexCommand;
import org.ringfence.flex.FlexRequestSummary;
import org.ringfence.flex.FlexRequestView;
import org.ringfence.flex.FlexRequests;
import org.ringfence.flex.FlexStatus;
import org.ringfence.flex.NewFlexRequest;
import org.ringfence.flex.ReviewOutcome;
import org.ringfence.flex.Tours;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;
import org.ringfence.workforce.WorkforceService;

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
@RequestMapping("/api/v1/flex-requests")
@Tag(name = "Flex", description = "PSP 302 flex requests, their workflow under the SN Deployment Protocol, and the checks")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
@ApiResponse(responseCode = "404", description = "No such flex request")
class FlexController {

	private final FlexRequests requests;

	private final WorkforceService workforce;

	FlexController(FlexRequests requests, WorkforceService workforce) {
		this.requests = requests;
		this.workforce = workforce;
	}

	/** A resource plan line as sent: the officer by person id (or service number). */
	record OfficerBody(Long personId, String serviceNumber, @NotNull String providingWard, @NotNull LocalDate firstDay,
			@NotNull LocalDate lastDay, @Schema(description = "ALL (default), EARLY (tours starting before noon) or LATE") Tours tours) {
	}

	/** A PSP 302 as sent. */
	record RequestBody302(@NotNull String receivingWard,
			@Schema(description = "Crime or ASB type of the problem, e.g. ASB - youth") @NotNull String problemType,
			@NotNull String intelligenceSummary, @NotNull String aims, @NotNull String objectives,
			@NotNull String expectedResults, @Schema(description = "Reference of the problem record") String problemReference,
			@NotNull LocalDate firstDay, @NotNull LocalDate lastDay,
			@Schema(description = "Reasons to run past the protocol's limit (ideally 4 weeks)") String durationException,
			@NotNull List<@NotNull @Valid OfficerBody> officers) {

		NewFlexRequest toRequest(WorkforceService workforce) {
			List<NewFlexRequest.Officer> lines = new java.util.ArrayList<>();
			for (int i = 0; i < this.officers.size(); i++) {
				OfficerBody o = this.officers.get(i);
				long person;
				if (o.personId() != null) {
					person = o.personId();
				}
				else if (o.serviceNumber() != null && !o.serviceNumber().isBlank()) {
					String field = "officers[" + i + "].serviceNumber";
					person = workforce.personIdByServiceNumber(o.serviceNumber().strip().toUpperCase(java.util.Locale.ROOT))
						.orElseThrow(() -> new InvalidInput("No officer has service number " + o.serviceNumber() + ".",
								List.of(new InvalidInput.FieldError(field, "no such service number"))));
				}
				else {
					throw new InvalidInput("Name each officer by personId or serviceNumber.",
							List.of(new InvalidInput.FieldError("officers[" + i + "]", "personId or serviceNumber required")));
				}
				lines.add(new NewFlexRequest.Officer(person, o.providingWard(), o.firstDay(), o.lastDay(), o.tours()));
			}
			return new NewFlexRequest(this.receivingWard, this.problemType, this.intelligenceSummary, this.aims,
					this.objectives, this.expectedResults, this.problemReference, this.firstDay, this.lastDay,
					Optional.ofNullable(this.durationException), lines);
		}

	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.FLEX_DRAFTERS)
	@Operation(operationId = "createFlexRequest", summary = "Draft a PSP 302 flex request for a ward in your scope (sergeant: own ward; inspector: own cluster)")
	@ApiResponse(responseCode = "422", description = "The first day has passed, or no rule set is in force")
	FlexRequestView create(@Valid @RequestBody RequestBody302 body) {
		return this.requests.create(body.toRequest(this.workforce));
	}

	@GetMapping
	@PreAuthorize(Roles.FLEX_READERS)
	@Operation(operationId = "listFlexRequests", summary = "Flex requests you may read (their receiving or a providing ward in your scope), newest first",
			description = "Filter by borough (GSS code) and status. Lists carry no officers' names.")
	List<FlexRequestSummary> list(@RequestParam Optional<String> borough, @RequestParam Optional<FlexStatus> status) {
		return this.requests.list(borough, status);
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.FLEX_READERS)
	@Operation(operationId = "getFlexRequest", summary = "A flex request: the PSP 302, its resource plan, what each step recorded, history, flags, checks")
	FlexRequestView get(@PathVariable long id) {
		return this.requests.view(id);
	}

	@GetMapping("/{id}/duties")
	@PreAuthorize(Roles.FLEX_READERS)
	@Operation(operationId = "getFlexRequestDuties", summary = "The duty records the flex changed (code and ward before, receiving ward, given back or not)")
	List<FlexRequests.FlexedDutyView> duties(@PathVariable long id) {
		return this.requests.flexedDuties(id);
	}

	/**
	 * A workflow step. Which fields each action reads: APPROVE_WARDS dialogues; PRESENT meetingDate and
	 * meetingReference; REJECT reasons; REVIEW heldOn, outcome, notes, newLastDay (CHANGE, END),
	 * exceptionReason; END lastDay (default: its last day, or today if earlier), note; RECORD_FEEDBACK
	 * feedback. Every action may carry a note and the version read.
	 */
	@Schema(description = "A workflow step: the action and what it records")
	record TransitionBody(@NotNull @Schema(description = "The step to take") FlexAction action,
			@Schema(description = "The version read; refused with 409 if the request changed since") Integer version,
			String note, @Schema(description = "REJECT: why") String reasons,
			@Schema(description = "APPROVE_WARDS: the dialogue with the panel of the receiving and every providing ward") List<FlexCommand.WardDialogue> dialogues,
			@Schema(description = "PRESENT: the borough tasking meeting's date") LocalDate meetingDate,
			@Schema(description = "PRESENT: the meeting's reference") String meetingReference,
			@Schema(description = "REVIEW: the day of the tasking meeting") LocalDate heldOn,
			@Schema(description = "REVIEW: CONTINUE, CHANGE or END") ReviewOutcome outcome,
			@Schema(description = "REVIEW CHANGE or END: the new last day") LocalDate newLastDay,
			@Schema(description = "REVIEW: reasons to run past the protocol's limit") String exceptionReason,
			@Schema(description = "END: the last day the flex runs; later days are given back") LocalDate lastDay,
			@Schema(description = "RECORD_FEEDBACK: feedback given to ward panels") List<FlexCommand.WardFeedback> feedback) {

		FlexCommand toCommand() {
			return switch (this.action) {
				case SUBMIT -> new FlexCommand.Submit(this.note);
				case ESCALATE -> new FlexCommand.Escalate(this.note);
				case APPROVE_WARDS -> new FlexCommand.ApproveWards(this.dialogues, this.note);
				case PRESENT -> new FlexCommand.Present(this.meetingDate, this.meetingReference, this.note);
				case AUTHORISE -> new FlexCommand.Authorise(this.note);
				case REJECT -> new FlexCommand.Reject(this.reasons != null ? this.reasons : this.note);
				case ENDORSE -> new FlexCommand.Endorse(this.note);
				case REVIEW -> new FlexCommand.Review(this.heldOn, this.outcome, this.note, Optional.ofNullable(this.newLastDay),
						Optional.ofNullable(this.exceptionReason));
				case END -> new FlexCommand.End(Optional.ofNullable(this.lastDay), this.note);
				case RECORD_FEEDBACK -> new FlexCommand.RecordFeedback(this.feedback, this.note);
				case CLOSE -> new FlexCommand.Close(this.note);
			};
		}

	}

	@PostMapping("/{id}/transitions")
	@PreAuthorize(Roles.FLEX_ACTORS)
	@Operation(operationId = "transitionFlexRequest", summary = "Take a step of the flex workflow: SUBMIT, ESCALATE, APPROVE_WARDS, PRESENT, AUTHORISE, REJECT, "
			+ "ENDORSE, REVIEW, END, RECORD_FEEDBACK, CLOSE",
			description = "Each step is for its role within the receiving ward's scope: SUBMIT sergeant or inspector; "
					+ "ESCALATE inspector; APPROVE_WARDS SMT lead; PRESENT SMT lead or superintendent; AUTHORISE, REJECT, "
					+ "ENDORSE, REVIEW superintendent; END superintendent or SMT lead; RECORD_FEEDBACK, CLOSE SMT lead or "
					+ "inspector. AUTHORISE runs the checks and, if none fails, gives the named officers' planned on-ward "
					+ "duties the Authorised SNT flex code and the receiving ward in the same transaction.")
	@ApiResponse(responseCode = "200", description = "The request after the step")
	@ApiResponse(responseCode = "409", description = "The request's state does not allow the step, or it changed since the version read")
	@ApiResponse(responseCode = "422", description = "A rule is broken: an authorisation whose checks fail (each failing finding "
			+ "with ward, day and shortfall in reasons), closing before feedback to every ward panel")
	FlexRequestView transition(@PathVariable long id, @Valid @RequestBody TransitionBody body) {
		return this.requests.transition(id, body.toCommand(), Optional.ofNullable(body.version()));
	}

	@PostMapping("/what-if")
	@PreAuthorize(Roles.FLEX_READERS)
	@Operation(operationId = "whatIfFlexDraft", summary = "What if this draft PSP 302 were authorised today? The checks, each by name with ward, dates and "
			+ "shortfall; nothing is stored")
	FlexCheckReport whatIf(@Valid @RequestBody RequestBody302 body) {
		return this.requests.whatIf(body.toRequest(this.workforce));
	}

	@PostMapping("/{id}/what-if")
	@PreAuthorize(Roles.FLEX_READERS)
	@Operation(operationId = "whatIfFlexRequest", summary = "What if this request were authorised now? For a live flex: the re-check against today's duty "
			+ "records. Nothing is stored")
	FlexCheckReport whatIfStored(@PathVariable long id) {
		return this.requests.whatIf(id);
	}

}
