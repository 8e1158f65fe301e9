package org.ringfence.tasking.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ringfence.identity.Roles;
import org.ringfence.tasking.Meeting;
import org.ringfence.tasking.SupportBid;
import org.ringfence.tasking.SupportBids;
import org.ringfence.tasking.SupportUnit;
import org.ringfence.tasking.TaskingMeetings;

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
@RequestMapping("/api/v1/tasking")
@Tag(name = "Tasking", description = "Borough tasking meetings: agenda, decisions, minutes; bids for pan-London support units")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or borough does not allow this")
@ApiResponse(responseCode = "404", description = "No such meeting, item or bid")
class TaskingController {

	private final TaskingMeetings meetings;

	private final SupportBids bids;

	private final MinutesDocument minutes;

	TaskingController(TaskingMeetings meetings, SupportBids bids, MinutesDocument minutes) {
		this.meetings = meetings;
		this.bids = bids;
		this.minutes = minutes;
	}

	record MeetingBody(@NotBlank String boroughCode, @NotNull LocalDate heldOn, @NotBlank String chair) {
	}

	@PostMapping("/meetings")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.TASKING_SECRETARIES)
	@Operation(summary = "Plan a borough tasking meeting (one a day per borough)")
	@ApiResponse(responseCode = "409", description = "The borough has a meeting that day already")
	Meeting plan(@Valid @RequestBody MeetingBody body) {
		return this.meetings.plan(body.boroughCode(), body.heldOn(), body.chair());
	}

	@GetMapping("/meetings")
	@PreAuthorize(Roles.TASKING_READERS)
	@Operation(summary = "Meetings in your boroughs, newest first (without their agenda)")
	List<Meeting> meetings(@RequestParam Optional<String> borough) {
		return this.meetings.meetings(borough);
	}

	@GetMapping("/meetings/{id}")
	@PreAuthorize(Roles.TASKING_READERS)
	@Operation(summary = "A meeting with its agenda and decisions")
	Meeting meeting(@PathVariable long id) {
		return this.meetings.meeting(id);
	}

	@PostMapping("/meetings/{id}/agenda")
	@PreAuthorize(Roles.TASKING_SECRETARIES)
	@Operation(summary = "Build (or refresh) the agenda: flex requests to present, flexes due for review, significant "
			+ "events, open support bids. Decided items are never changed; safe to repeat")
	@ApiResponse(responseCode = "409", description = "The meeting is closed")
	Meeting buildAgenda(@PathVariable long id) {
		return this.meetings.buildAgenda(id);
	}

	record ItemBody(@NotBlank String title, String summary) {
	}

	@PostMapping("/meetings/{id}/items")
	@PreAuthorize(Roles.TASKING_SECRETARIES)
	@Operation(summary = "Add an item of other business")
	@ApiResponse(responseCode = "409", description = "The meeting is closed")
	Meeting addItem(@PathVariable long id, @Valid @RequestBody ItemBody body) {
		return this.meetings.addOtherBusiness(id, body.title(), body.summary());
	}

	record DecisionBody(@NotBlank String outcome, @NotBlank String note, Integer hoursGranted) {
	}

	@PostMapping("/meetings/{id}/items/{itemId}/decision")
	@PreAuthorize(Roles.TASKING_CHAIRS)
	@Operation(summary = "Record the meeting's decision on an item (one of the item's outcomes, with reasons). The "
			+ "decision is handed to the module that put the item forward in the same transaction: a flex authorised "
			+ "here is authorised, a bid granted here is granted")
	@ApiResponse(responseCode = "409", description = "Decided already, meeting closed, or refused by the item's module")
	@ApiResponse(responseCode = "422", description = "The item's module refused it under a rule")
	Meeting decideItem(@PathVariable long id, @PathVariable long itemId, @Valid @RequestBody DecisionBody body) {
		return this.meetings.decide(id, itemId, body.outcome(), body.note(), Optional.ofNullable(body.hoursGranted()));
	}

	record CloseBody(String minutesNote) {
	}

	@PostMapping("/meetings/{id}/close")
	@PreAuthorize(Roles.TASKING_CHAIRS)
	@Operation(summary = "Close the meeting: every item needs a decision; the minutes become final")
	@ApiResponse(responseCode = "409", description = "Items are undecided, or it is closed already")
	Meeting close(@PathVariable long id, @RequestBody(required = false) CloseBody body) {
		return this.meetings.close(id, body == null ? "" : body.minutesNote());
	}

	@GetMapping(path = "/meetings/{id}/minutes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@PreAuthorize(Roles.TASKING_READERS)
	@Operation(summary = "The minutes as a PDF (marked draft while the meeting is open)")
	ResponseEntity<byte[]> minutes(@PathVariable long id) {
		Meeting meeting = this.meetings.meeting(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "attachment; filename=\"" + MinutesDocument.fileName(meeting) + "\"")
			.body(this.minutes.pdf(meeting));
	}

	record BidBody(@NotBlank String boroughCode, @NotNull SupportUnit unit, String wardCode, @NotBlank String purpose,
			@NotNull LocalDate wantedFrom, @NotNull LocalDate wantedTo, @NotNull Integer hoursRequested) {
	}

	@PostMapping("/bids")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.TASKING_SECRETARIES)
	@Operation(summary = "Bid for a pan-London support unit; it goes on the borough's next tasking agenda")
	SupportBid bid(@Valid @RequestBody BidBody body) {
		return this.bids.bid(new SupportBids.NewBid(body.boroughCode(), body.unit(),
				Optional.ofNullable(body.wardCode()).filter(w -> !w.isBlank()), body.purpose(), body.wantedFrom(),
				body.wantedTo(), body.hoursRequested()));
	}

	@GetMapping("/bids")
	@PreAuthorize(Roles.TASKING_READERS)
	@Operation(summary = "Bids in your boroughs (status: REQUESTED, GRANTED, PARTLY_GRANTED, REFUSED, DEFERRED)")
	List<SupportBid> bids(@RequestParam Optional<String> borough, @RequestParam Optional<String> status) {
		return this.bids.list(borough, status);
	}

	@GetMapping("/bids/{id}")
	@PreAuthorize(Roles.TASKING_READERS)
	@Operation(summary = "One bid")
	SupportBid supportBid(@PathVariable long id) {
		return this.bids.get(id);
	}

	record DebriefBody(@NotBlank String debrief, @NotNull Boolean operationsOfficeInformed, String notInformedReason) {
	}

	@PostMapping("/bids/{id}/debrief")
	@PreAuthorize(Roles.TASKING_SECRETARIES)
	@Operation(summary = "Debrief a granted bid: what the unit did, and whether the borough operations office was told "
			+ "(if not, why: only when telling it would compromise an operation)")
	@ApiResponse(responseCode = "409", description = "The bid was not granted, or the reason is missing")
	SupportBid debrief(@PathVariable long id, @Valid @RequestBody DebriefBody body) {
		return this.bids.debrief(id, body.debrief(), body.operationsOfficeInformed(), body.notInformedReason());
	}

}
