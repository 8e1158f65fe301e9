package org.ringfence.flex;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.ringfence.duties.FlexDuties;
import org.ringfence.duties.FlexDuties.FlexedDuty;
import org.ringfence.duties.FlexDuties.PlannedDuty;
import org.ringfence.flex.FlexRequestView.Flag;
import org.ringfence.flex.domain.FlexChecks;
import org.ringfence.flex.domain.FlexChecks.WardInfo;
import org.ringfence.flex.domain.FlexFlags;
import org.ringfence.flex.domain.FlexWorkflow;
import org.ringfence.flex.persistence.FlexQueries;
import org.ringfence.flex.persistence.FlexQueries.OfficerRow;
import org.ringfence.flex.persistence.FlexQueries.RequestRow;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.Role;
import org.ringfence.identity.Roles;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.platform.Actor;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import org.ringfence.platform.StateConflict;
import org.ringfence.protocol.ProtocolRuleSet;
import org.ringfence.protocol.ProtocolRules;
import org.ringfence.protocol.RuleSetTimeline;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.PersonDetail;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The flex module's public API: draft a PSP 302, read requests, take the workflow's steps (each by
 * its role within the receiving ward's scope, from the states that allow it), and ask what the checks
 * say without changing anything. The tasking module records presentations and reviews through
 * {@link #transition}. Every step runs in one transaction with the request row locked, records the
 * rule set used, and publishes an audit event; authorisation updates the duty records in the same
 * transaction and changes nothing if any check fails.
 */
@Service
public class FlexRequests {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** The reference of a request: "FLEX-12". */
	public static String reference(long id) {
		return "FLEX-" + id;
	}

	private final FlexQueries queries;

	private final FlexDuties duties;

	private final ProtocolRules protocol;

	private final GeographyService geography;

	private final WorkforceService workforce;

	private final CurrentAccess access;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	private final ObjectProvider<SignificantEventRegister> significantEvents;

	FlexRequests(FlexQueries queries, FlexDuties duties, ProtocolRules protocol, GeographyService geography,
			WorkforceService workforce, CurrentAccess access, org.springframework.context.ApplicationEventPublisher events,
			JsonMapper json, Clock clock, ObjectProvider<SignificantEventRegister> significantEvents) {
		this.queries = queries;
		this.duties = duties;
		this.protocol = protocol;
		this.geography = geography;
		this.workforce = workforce;
		this.access = access;
		this.events = events;
		this.json = json;
		this.clock = clock;
		this.significantEvents = significantEvents;
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(LONDON));
	}

	// ------------------------------------------------------------------ drafting and reading

	/** Drafts a PSP 302 for a ward in the caller's scope (sergeant: own ward; inspector: own cluster). */
	@Transactional
	public FlexRequestView create(NewFlexRequest request) {
		Place place = checkDraft(request);
		if (!this.access.may(Set.of(Role.SERGEANT, Role.INSPECTOR), place)) {
			throw new ScopeDenied("Only the receiving ward's sergeant or cluster inspector may draft its flex request.");
		}
		if (request.firstDay().isBefore(today())) {
			throw new DomainRuleViolation("timescales-past", "The first day (" + request.firstDay()
					+ ") has passed: a flex is planned ahead.");
		}
		ProtocolRuleSet set = this.protocol.inForceOn(request.firstDay());
		String actor = Actor.current();
		long id = this.queries.insert(request, place.boroughCode(), set.id(), actor);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("officers", request.officers().size());
		details.put("firstDay", request.firstDay().toString());
		details.put("lastDay", request.lastDay().toString());
		this.queries.insertTransition(id, "CREATE", null, FlexStatus.DRAFT, actor, set.id(), write(details));
		Map<String, Object> after = new LinkedHashMap<>(details);
		after.put("status", FlexStatus.DRAFT.name());
		after.put("receivingWard", request.receivingWard());
		after.put("people", request.officers().stream().map(NewFlexRequest.Officer::personId).toList());
		after.put("ruleSet", set.name());
		this.events.publishEvent(StateChange.created("flex request", reference(id), place.boroughCode(), after));
		return view(id);
	}

	/** A request the caller may read (its receiving or a providing ward in their scope). */
	@Transactional(readOnly = true)
	public FlexRequestView view(long id) {
		RequestRow row = this.queries.request(id).orElseThrow(() -> new NotFound("No flex request " + id + "."));
		List<OfficerRow> officers = this.queries.officers(id);
		requireReadable(row, officers);
		return view(row, officers);
	}

	/** Requests the caller may read, newest first, of a borough (or every borough they cover) and status. */
	@Transactional(readOnly = true)
	public List<FlexRequestSummary> list(Optional<String> boroughCode, Optional<FlexStatus> status) {
		boroughCode.ifPresent(this.geography::borough);
		List<RequestRow> rows = this.queries.requests(boroughCode, status);
		Map<Long, List<OfficerRow>> officers = this.queries.officersOf(rows.stream().map(RequestRow::id).toList());
		Map<Long, LocalDate> reviews = this.queries.firstReviews(rows.stream().map(RequestRow::id).toList());
		Map<String, String> names = this.geography.wardNames();
		RuleSetTimeline timeline = this.protocol.timeline();
		LocalDate today = today();
		Map<String, Place> places = new HashMap<>(); // one lookup per ward, not per request
		List<FlexRequestSummary> list = new ArrayList<>();
		for (RequestRow row : rows) {
			List<OfficerRow> lines = officers.getOrDefault(row.id(), List.of());
			if (!readable(row, lines, ward -> places.computeIfAbsent(ward, this.geography::placeOfWard))) {
				continue;
			}
			List<String> providing = lines.stream().map(OfficerRow::providingWard).distinct().sorted().toList();
			list.add(new FlexRequestSummary(row.id(), reference(row.id()), row.status(), row.status().label(),
					row.boroughCode(), row.receivingWard(), names.getOrDefault(row.receivingWard(), row.receivingWard()),
					providing, providing.stream().map(w -> names.getOrDefault(w, w)).toList(), lines.size(), row.firstDay(),
					row.lastDay(), row.problemType(), flags(row, Optional.ofNullable(reviews.get(row.id())), timeline, today)));
		}
		return list;
	}

	/** The steps the caller may take on a request now (role, scope and state). */
	@Transactional(readOnly = true)
	public List<FlexAction> actionsFor(FlexRequestView view) {
		Place place = this.geography.placeOfWard(view.receivingWard());
		return this.access.optionalUser()
			.map(user -> FlexWorkflow.actionsIn(view.status())
				.stream()
				.filter(a -> this.access.may(FlexWorkflow.roles(a), place))
				.toList())
			.orElse(List.of());
	}

	/** The duties a request changed (for the resource office), with names, by date. */
	@Transactional(readOnly = true)
	public List<FlexedDutyView> flexedDuties(long id) {
		FlexRequestView view = view(id);
		List<FlexedDuty> flexed = this.duties.flexedDuties(view.reference());
		Map<Long, String> names = this.workforce.names(flexed.stream().map(FlexedDuty::personId).distinct().toList());
		Map<String, String> wards = this.geography.wardNames();
		return flexed.stream()
			.map(f -> new FlexedDutyView(f.dutyId(), f.personId(), names.getOrDefault(f.personId(), ""), f.dutyDate(),
					f.previousCode(), f.previousWard().map(w -> wards.getOrDefault(w, w)).orElse(""),
					wards.getOrDefault(f.receivingWard(), f.receivingWard()), f.releasedAt().isPresent()))
			.toList();
	}

	/** A duty a flex changed, as the resource office sees it. */
	public record FlexedDutyView(long dutyId, long personId, String name, LocalDate dutyDate, String previousCode,
			String previousWard, String receivingWard, boolean released) {
	}

	// ------------------------------------------------------------------ what if

	/** The checks of a draft plan, as if it were authorised today; nothing is stored. */
	@Transactional(readOnly = true)
	public FlexCheckReport whatIf(NewFlexRequest request) {
		Place place = checkDraft(request);
		if (!this.access.may(Roles.FLEX_READER_ROLES, place)) {
			throw new ScopeDenied("The receiving ward is outside your scope.");
		}
		FlexChecks.Plan plan = new FlexChecks.Plan("", request.receivingWard(), request.firstDay(), request.lastDay(),
				request.durationException(), request.officers(), false);
		return check(plan, place.boroughCode()).report();
	}

	/**
	 * The checks of a stored request against today's duty records: "what if we authorise this?" before
	 * authorisation, the on-demand re-check of a live flex after. Nothing is stored.
	 */
	@Transactional(readOnly = true)
	public FlexCheckReport whatIf(long id) {
		RequestRow row = this.queries.request(id).orElseThrow(() -> new NotFound("No flex request " + id + "."));
		List<OfficerRow> officers = this.queries.officers(id);
		requireReadable(row, officers);
		return check(plan(row, officers), row.boroughCode()).report();
	}

	// ------------------------------------------------------------------ the workflow

	/**
	 * Takes a step of the workflow. Refused with 403 to a role that does not take it or outside the
	 * receiving ward's scope, 409 when the request's state does not allow it (or it changed since the
	 * version read), 400 for missing details, 422 when a rule is broken (an authorisation whose checks
	 * fail, closing before every ward panel has had feedback).
	 */
	@Transactional
	public FlexRequestView transition(long id, FlexCommand command, Optional<Integer> expectedVersion) {
		RequestRow row = this.queries.lock(id).orElseThrow(() -> new NotFound("No flex request " + id + "."));
		List<OfficerRow> officers = this.queries.officers(id);
		requireReadable(row, officers);
		FlexAction action = command.action();
		Place place = this.geography.placeOfWard(row.receivingWard());
		if (!this.access.may(FlexWorkflow.roles(action), place)) {
			throw new ScopeDenied("\"" + action.label() + "\" is for " + describe(FlexWorkflow.roles(action))
					+ " of the receiving ward (" + row.receivingWard() + ").");
		}
		FlexWorkflow.refusal(row.status(), action).ifPresent(reason -> {
			throw new StateConflict("illegal-transition", reason);
		});
		if (expectedVersion.isPresent() && expectedVersion.get() != row.version()) {
			throw new OptimisticLockingFailureException("flex request " + id + " is at version " + row.version());
		}
		String actor = Actor.current();
		String reference = reference(id);
		Map<String, Object> details = new LinkedHashMap<>();
		if (command.note() != null && !command.note().isBlank()) {
			details.put("note", command.note().strip());
		}
		Optional<ReviewOutcome> outcome = command instanceof FlexCommand.Review review ? Optional.ofNullable(review.outcome())
				: Optional.empty();
		long ruleSetId = this.protocol.inForceOn(row.firstDay()).id();
		switch (action) {
			case SUBMIT, ESCALATE -> {
			}
			case APPROVE_WARDS -> approveWards(row, officers, (FlexCommand.ApproveWards) command, actor, details);
			case PRESENT -> present(row, (FlexCommand.Present) command, details);
			case AUTHORISE -> ruleSetId = authorise(row, officers, actor, details);
			case REJECT -> reject(row, (FlexCommand.Reject) command, details);
			case ENDORSE -> endorse(row, actor, details);
			case REVIEW -> review(row, officers, (FlexCommand.Review) command, actor, details);
			case END -> end(row, ((FlexCommand.End) command).lastDay(), command.note(), details);
			case RECORD_FEEDBACK -> feedback(row, officers, (FlexCommand.RecordFeedback) command, actor, details);
			case CLOSE -> close(row, officers, details);
		}
		FlexStatus target = FlexWorkflow.target(row.status(), action, outcome);
		if (!this.queries.setStatus(id, row.version(), target)) {
			throw new OptimisticLockingFailureException("flex request " + id + " changed meanwhile");
		}
		this.queries.insertTransition(id, action.name(), row.status(), target, actor, ruleSetId, write(details));
		Map<String, Object> before = Map.of("status", row.status().name(), "version", row.version());
		Map<String, Object> after = new LinkedHashMap<>(details);
		after.remove("checks");
		after.put("status", target.name());
		after.put("version", row.version() + 1);
		after.put("ruleSetId", ruleSetId);
		this.events.publishEvent(StateChange.changed("flex request " + action.name().toLowerCase(java.util.Locale.ROOT)
			.replace('_', ' '), "flex request", reference, row.boroughCode(), before, after));
		return view(this.queries.request(id).orElseThrow(), this.queries.officers(id));
	}

	private void approveWards(RequestRow row, List<OfficerRow> officers, FlexCommand.ApproveWards command, String actor,
			Map<String, Object> details) {
		Set<String> providing = new TreeSet<>();
		officers.forEach(o -> providing.add(o.providingWard()));
		Set<String> involved = new LinkedHashSet<>();
		involved.add(row.receivingWard());
		involved.addAll(providing);
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		Set<String> told = new HashSet<>();
		for (int i = 0; i < command.dialogues().size(); i++) {
			FlexCommand.WardDialogue dialogue = command.dialogues().get(i);
			String field = "dialogues[" + i + "]";
			if (dialogue.wardCode() == null || !involved.contains(dialogue.wardCode())) {
				errors.add(new InvalidInput.FieldError(field + ".wardCode", "not a ward involved in this flex"));
			}
			if (dialogue.heldOn() == null) {
				errors.add(new InvalidInput.FieldError(field + ".heldOn", "required"));
			}
			if (blank(dialogue.summary()) || dialogue.summary().length() > NewFlexRequest.MAX_TEXT) {
				errors.add(new InvalidInput.FieldError(field + ".summary", "required, at most 4000 characters"));
			}
			told.add(dialogue.wardCode());
		}
		for (String ward : involved) {
			if (!told.contains(ward)) {
				errors.add(new InvalidInput.FieldError("dialogues", "no dialogue recorded with the panel of " + ward
						+ (ward.equals(row.receivingWard()) ? " (receiving ward)" : " (providing ward)")));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("Record the dialogue with the panel of the receiving ward and of every providing ward.",
					errors);
		}
		List<Map<String, Object>> recorded = new ArrayList<>();
		for (FlexCommand.WardDialogue dialogue : command.dialogues()) {
			String role = dialogue.wardCode().equals(row.receivingWard()) ? "RECEIVING" : "PROVIDING";
			this.queries.insertDialogue(row.id(), dialogue.wardCode(), role, dialogue.heldOn(), dialogue.summary().strip(),
					actor);
			recorded.add(Map.of("ward", dialogue.wardCode(), "role", role, "heldOn", dialogue.heldOn().toString()));
		}
		details.put("providingWards", List.copyOf(providing));
		details.put("dialogues", recorded);
	}

	private void present(RequestRow row, FlexCommand.Present command, Map<String, Object> details) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (command.meetingDate() == null) {
			errors.add(new InvalidInput.FieldError("meetingDate", "required"));
		}
		if (blank(command.meetingReference()) || command.meetingReference().strip().length() > 100) {
			errors.add(new InvalidInput.FieldError("meetingReference", "required, at most 100 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("Give the borough tasking meeting's date and reference.", errors);
		}
		this.queries.setMeeting(row.id(), command.meetingDate(), command.meetingReference().strip());
		details.put("meetingDate", command.meetingDate().toString());
		details.put("meetingReference", command.meetingReference().strip());
	}

	private long authorise(RequestRow row, List<OfficerRow> officers, String actor, Map<String, Object> details) {
		this.queries.lockBorough(row.boroughCode());
		FlexChecks.Result result = check(plan(row, officers), row.boroughCode());
		FlexCheckReport report = result.report();
		if (!report.passed()) {
			List<String> failures = report.failures();
			throw new DomainRuleViolation("flex-checks-failed", "Authorisation refused: " + failures.size()
					+ " check finding(s) fail. " + String.join("; ", failures.subList(0, Math.min(3, failures.size())))
					+ (failures.size() > 3 ? "; ..." : "") + ".", failures);
		}
		long ruleSetId = this.protocol.inForceOn(row.firstDay()).id();
		this.queries.setAuthorised(row.id(), actor, ruleSetId);
		this.queries.setChecks(row.id(), write(report), true);
		List<FlexedDuty> flexed = this.duties.flex(reference(row.id()), row.boroughCode(), row.receivingWard(),
				result.dutiesToFlex());
		details.put("checks", report);
		details.put("ruleSets", report.ruleSets().stream().map(FlexCheckReport.RuleSetUsed::name).toList());
		details.put("dutiesFlexed", flexed.size());
		return ruleSetId;
	}

	private void reject(RequestRow row, FlexCommand.Reject command, Map<String, Object> details) {
		if (blank(command.reasons()) || command.reasons().length() > NewFlexRequest.MAX_TEXT) {
			throw new InvalidInput("Give the reasons for rejecting it.",
					List.of(new InvalidInput.FieldError("reasons", "required, at most 4000 characters")));
		}
		this.queries.setRejected(row.id(), command.reasons().strip());
		details.put("reasons", command.reasons().strip());
	}

	private void endorse(RequestRow row, String actor, Map<String, Object> details) {
		long carrying = this.duties.flexedDuties(reference(row.id())).stream().filter(f -> f.releasedAt().isEmpty()).count();
		if (carrying == 0) {
			throw new DomainRuleViolation("duties-not-updated",
					"No duty record carries this flex: the PSP 302 cannot be endorsed as updated.");
		}
		this.queries.setEndorsed(row.id(), actor);
		details.put("dutiesCarryingFlex", carrying);
	}

	private void review(RequestRow row, List<OfficerRow> officers, FlexCommand.Review command, String actor,
			Map<String, Object> details) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (command.heldOn() == null) {
			errors.add(new InvalidInput.FieldError("heldOn", "required: the day of the tasking meeting"));
		}
		if (command.outcome() == null) {
			errors.add(new InvalidInput.FieldError("outcome", "required: CONTINUE, CHANGE or END"));
		}
		else if (command.outcome() == ReviewOutcome.CHANGE && command.newLastDay().isEmpty()) {
			errors.add(new InvalidInput.FieldError("newLastDay", "required to change the flex"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("The review is not complete.", errors);
		}
		details.put("heldOn", command.heldOn().toString());
		details.put("outcome", command.outcome().name());
		command.exceptionReason().ifPresent(reason -> {
			this.queries.setDurationException(row.id(), reason.strip());
			details.put("exceptionReason", reason.strip());
		});
		LocalDate newLastDay = null;
		switch (command.outcome()) {
			case CONTINUE -> {
			}
			case CHANGE -> {
				newLastDay = command.newLastDay().get();
				if (newLastDay.isBefore(row.firstDay()) || newLastDay.equals(row.lastDay())) {
					throw new InvalidInput("The new last day must differ from the current one and not be before the first day.",
							List.of(new InvalidInput.FieldError("newLastDay", "invalid")));
				}
				details.put("newLastDay", newLastDay.toString());
				if (newLastDay.isBefore(row.lastDay())) {
					List<FlexedDuty> released = this.duties.release(reference(row.id()), row.boroughCode(),
							newLastDay.plusDays(1));
					this.queries.setLastDay(row.id(), row.lastDay(), newLastDay);
					details.put("dutiesReleased", released.size());
				}
				else {
					this.queries.lockBorough(row.boroughCode());
					this.queries.setLastDay(row.id(), row.lastDay(), newLastDay);
					RequestRow extended = this.queries.request(row.id()).orElseThrow();
					FlexChecks.Result result = check(plan(extended, this.queries.officers(row.id())), row.boroughCode());
					if (!result.report().passed()) {
						List<String> failures = result.report().failures();
						throw new DomainRuleViolation("flex-checks-failed", "The change is refused: " + failures.size()
								+ " check finding(s) fail. " + String.join("; ", failures.subList(0, Math.min(3, failures.size())))
								+ ".", failures);
					}
					List<FlexedDuty> flexed = this.duties.flex(reference(row.id()), row.boroughCode(), row.receivingWard(),
							result.dutiesToFlex());
					this.queries.setChecks(row.id(), write(result.report()), true);
					details.put("dutiesFlexed", flexed.size());
				}
			}
			case END -> {
				newLastDay = command.newLastDay().orElse(command.heldOn());
				end(row, Optional.of(newLastDay), command.notes(), details);
			}
		}
		this.queries.insertReview(row.id(), command.heldOn(), command.outcome(), command.notes() == null ? ""
				: command.notes().strip(), newLastDay, command.exceptionReason().map(String::strip).orElse(null), actor);
	}

	private void end(RequestRow row, Optional<LocalDate> lastDay, String reason, Map<String, Object> details) {
		LocalDate today = today();
		LocalDate last = lastDay.orElse(row.lastDay().isBefore(today) ? row.lastDay() : today);
		if (last.isBefore(row.firstDay().minusDays(1)) || last.isAfter(row.lastDay())) {
			throw new InvalidInput("The flex can end from the day before its first day (" + row.firstDay().minusDays(1)
					+ ") to its last day (" + row.lastDay() + ").", List.of(new InvalidInput.FieldError("lastDay", "out of range")));
		}
		List<FlexedDuty> released = this.duties.release(reference(row.id()), row.boroughCode(), last.plusDays(1));
		this.queries.setEnded(row.id(), last, reason == null || reason.isBlank() ? null : reason.strip());
		details.put("endedOn", last.toString());
		details.put("dutiesReleased", released.size());
	}

	private void feedback(RequestRow row, List<OfficerRow> officers, FlexCommand.RecordFeedback command, String actor,
			Map<String, Object> details) {
		List<String> involved = involved(row, officers);
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (command.feedback().isEmpty()) {
			errors.add(new InvalidInput.FieldError("feedback", "give the feedback to at least one ward panel"));
		}
		for (int i = 0; i < command.feedback().size(); i++) {
			FlexCommand.WardFeedback f = command.feedback().get(i);
			if (f.wardCode() == null || !involved.contains(f.wardCode())) {
				errors.add(new InvalidInput.FieldError("feedback[" + i + "].wardCode", "not a ward involved in this flex"));
			}
			if (f.givenOn() == null) {
				errors.add(new InvalidInput.FieldError("feedback[" + i + "].givenOn", "required"));
			}
			if (blank(f.summary()) || f.summary().length() > NewFlexRequest.MAX_TEXT) {
				errors.add(new InvalidInput.FieldError("feedback[" + i + "].summary", "required, at most 4000 characters"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("The feedback is not complete.", errors);
		}
		for (FlexCommand.WardFeedback f : command.feedback()) {
			this.queries.upsertFeedback(row.id(), f.wardCode(), f.givenOn(), f.summary().strip(), actor);
		}
		details.put("wards", command.feedback().stream().map(FlexCommand.WardFeedback::wardCode).toList());
	}

	private void close(RequestRow row, List<OfficerRow> officers, Map<String, Object> details) {
		Set<String> given = new HashSet<>();
		this.queries.feedback(row.id()).forEach(f -> given.add(f.wardCode()));
		List<String> missing = involved(row, officers).stream().filter(w -> !given.contains(w)).toList();
		if (!missing.isEmpty()) {
			Map<String, String> names = this.geography.wardNames();
			throw new DomainRuleViolation("feedback-missing", "Feedback to every ward panel involved comes first: none "
					+ "recorded for " + String.join(", ", missing.stream().map(w -> names.getOrDefault(w, w)).toList()) + ".",
					missing);
		}
		this.queries.setClosed(row.id());
		details.put("wardsGivenFeedback", given.size());
	}

	// ------------------------------------------------------------------ checks

	/** The plan as stored: officers' days capped by the request's last day (or the day it ended). */
	FlexChecks.Plan plan(RequestRow row, List<OfficerRow> officers) {
		LocalDate last = row.endedOn().filter(e -> e.isBefore(row.lastDay())).orElse(row.lastDay());
		List<NewFlexRequest.Officer> lines = new ArrayList<>();
		for (OfficerRow o : officers) {
			LocalDate to = o.lastDay().isAfter(last) ? last : o.lastDay();
			if (!to.isBefore(o.firstDay())) {
				lines.add(new NewFlexRequest.Officer(o.personId(), o.providingWard(), o.firstDay(), to, o.tours()));
			}
		}
		return new FlexChecks.Plan(reference(row.id()), row.receivingWard(), row.firstDay(), last.isBefore(row.firstDay())
				? row.firstDay() : last, row.durationException(), lines, row.status().deployed());
	}

	/** Reads what the checks need and runs them (today's duty records, the sets in force on the plan's days). */
	FlexChecks.Result check(FlexChecks.Plan plan, String boroughCode) {
		RuleSetTimeline timeline = this.protocol.timeline();
		ProtocolRuleSet set = timeline.inForceOn(plan.firstDay())
			.orElseThrow(() -> new DomainRuleViolation("no-rule-set", "No protocol rule set is in force on " + plan.firstDay() + "."));
		Set<String> boroughs = new TreeSet<>();
		boroughs.add(boroughCode);
		Map<String, String> names = this.geography.wardNames();
		for (NewFlexRequest.Officer officer : plan.officers()) {
			boroughs.add(this.geography.placeOfWard(officer.providingWard()).boroughCode());
		}
		Map<String, WardInfo> wards = new LinkedHashMap<>();
		for (String borough : boroughs) {
			for (WardSummary ward : this.geography.wards(Optional.of(borough))) {
				wards.put(ward.code(), new WardInfo(ward.code(), ward.name(), ward.boroughCode(), ward.clusterId()));
			}
		}
		if (!wards.containsKey(plan.receivingWard())) {
			Place place = this.geography.placeOfWard(plan.receivingWard());
			wards.put(plan.receivingWard(), new WardInfo(plan.receivingWard(), names.getOrDefault(plan.receivingWard(), ""),
					place.boroughCode(), place.clusterCode().orElse(null)));
		}
		List<Long> people = plan.officers().stream().map(NewFlexRequest.Officer::personId).toList();
		List<PlannedDuty> officerDuties = this.duties.plannedDutiesOf(people, plan.firstDay(), plan.lastDay());
		List<PlannedDuty> onWard = this.duties.onWardDuties(wards.keySet(), plan.firstDay().minusDays(1), plan.lastDay());
		LocalDate windowFrom = FlexChecks.windowFrom(plan.firstDay(), set.fairness());
		List<FlexDuties.WardLoad> loads = this.duties.wardLoads(boroughCode, windowFrom, plan.lastDay(), today());
		boolean crossBorough = boroughs.size() > 1;
		Optional<String> event = crossBorough ? Optional.ofNullable(this.significantEvents.getIfAvailable())
			.flatMap(r -> r.eventCovering(boroughCode, plan.firstDay(), plan.lastDay())) : Optional.empty();
		Set<Long> named = new HashSet<>(people);
		onWard.forEach(d -> named.add(d.personId()));
		Map<Long, String> personNames = this.workforce.names(named);
		FlexChecks.Context context = new FlexChecks.Context(today(), timeline, wards, officerDuties, onWard, event, loads,
				windowFrom, plan.lastDay(), personNames);
		return FlexChecks.run(plan, context);
	}

	// ------------------------------------------------------------------ views and access

	private Place checkDraft(NewFlexRequest request) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		request.problems().forEach(p -> errors.add(new InvalidInput.FieldError(p[0], p[1])));
		if (!errors.isEmpty()) {
			throw new InvalidInput("The flex request is not complete: " + errors.size() + " problem(s).", errors);
		}
		Place place = wardPlace("receivingWard", request.receivingWard());
		for (int i = 0; i < request.officers().size(); i++) {
			NewFlexRequest.Officer officer = request.officers().get(i);
			wardPlace("officers[" + i + "].providingWard", officer.providingWard());
			try {
				this.workforce.person(officer.personId());
			}
			catch (NotFound ex) {
				throw new InvalidInput("There is no person " + officer.personId() + ".",
						List.of(new InvalidInput.FieldError("officers[" + i + "].personId", "no such person")));
			}
		}
		return place;
	}

	private Place wardPlace(String field, String ward) {
		try {
			return this.geography.placeOfWard(ward);
		}
		catch (NotFound | InvalidInput ex) {
			throw new InvalidInput("There is no Metropolitan Police ward " + ward + ".",
					List.of(new InvalidInput.FieldError(field, "no such ward")));
		}
	}

	private boolean readable(RequestRow row, List<OfficerRow> officers) {
		return readable(row, officers, this.geography::placeOfWard);
	}

	private boolean readable(RequestRow row, List<OfficerRow> officers, java.util.function.Function<String, Place> placeOfWard) {
		if (this.access.may(Roles.FLEX_READER_ROLES, placeOfWard.apply(row.receivingWard()))) {
			return true;
		}
		for (OfficerRow officer : officers) {
			if (this.access.may(Roles.FLEX_READER_ROLES, placeOfWard.apply(officer.providingWard()))) {
				return true;
			}
		}
		return false;
	}

	private void requireReadable(RequestRow row, List<OfficerRow> officers) {
		if (!readable(row, officers)) {
			throw new ScopeDenied("That flex request is outside your role or scope.");
		}
	}

	private static List<String> involved(RequestRow row, List<OfficerRow> officers) {
		LinkedHashSet<String> wards = new LinkedHashSet<>();
		wards.add(row.receivingWard());
		officers.forEach(o -> wards.add(o.providingWard()));
		return List.copyOf(wards);
	}

	List<Flag> flags(RequestRow row, Optional<LocalDate> firstReview, RuleSetTimeline timeline, LocalDate asOf) {
		ProtocolRuleSet set = timeline.inForceOn(row.firstDay()).orElse(null);
		if (set == null) {
			return List.of();
		}
		FlexFlags.Facts facts = new FlexFlags.Facts(row.status(), row.firstDay(), row.lastDay(), firstReview, row.endedOn(),
				row.durationException().isPresent());
		List<Flag> flags = new ArrayList<>(
				FlexFlags.flags(facts, set.duration(), asOf).stream().map(f -> new Flag(f.code(), f.text())).toList());
		if (row.status().deployed() && row.lastCheckPassed().map(passed -> !passed).orElse(false)) {
			flags.add(new Flag("CHECKS_FAIL", "Since authorisation a duty change makes a check fail: see the re-check."));
		}
		return flags;
	}

	FlexRequestView view(RequestRow row, List<OfficerRow> officers) {
		Map<String, String> wardNames = this.geography.wardNames();
		Map<Long, PersonDetail> people = new HashMap<>();
		for (OfficerRow o : officers) {
			people.put(o.personId(), this.workforce.person(o.personId()));
		}
		RuleSetTimeline timeline = this.protocol.timeline();
		ProtocolRuleSet set = timeline.sets()
			.stream()
			.filter(s -> s.id() == row.ruleSetId())
			.findFirst()
			.orElseGet(() -> timeline.require(row.firstDay()));
		List<FlexQueries.ReviewRow> reviews = this.queries.reviews(row.id());
		Optional<LocalDate> firstReview = reviews.stream().map(FlexQueries.ReviewRow::heldOn).min(LocalDate::compareTo);
		List<FlexedDuty> flexed = this.duties.flexedDuties(reference(row.id()));
		Place place = this.geography.placeOfWard(row.receivingWard());
		return new FlexRequestView(row.id(), reference(row.id()), row.status(), row.status().label(), row.boroughCode(),
				this.geography.borough(row.boroughCode()).name(), row.receivingWard(),
				wardNames.getOrDefault(row.receivingWard(), row.receivingWard()), place.clusterCode().orElse(""),
				row.problemType(), row.intelligenceSummary(), row.aims(), row.objectives(), row.expectedResults(),
				row.problemReference(), row.firstDay(), row.lastDay(), row.durationException(),
				set.duration().reviewDue(row.firstDay()), set.duration().latestLastDay(row.firstDay()),
				new FlexRequestView.RuleSetRef(set.id(), set.name(), set.effectiveFrom()),
				officers.stream().map(o -> {
					PersonDetail person = people.get(o.personId());
					return new FlexRequestView.OfficerLine(o.personId(), person.givenName() + " " + person.familyName(),
							person.serviceNumber(), person.roleTitle(), o.providingWard(),
							wardNames.getOrDefault(o.providingWard(), o.providingWard()), o.firstDay(), o.lastDay(), o.tours());
				}).toList(),
				this.queries.dialogues(row.id())
					.stream()
					.map(d -> new FlexRequestView.Dialogue(d.wardCode(), wardNames.getOrDefault(d.wardCode(), d.wardCode()),
							d.wardRole(), d.heldOn(), d.summary(), d.recordedBy(), d.recordedAt()))
					.toList(),
				row.meetingDate().map(d -> new FlexRequestView.Meeting(d, row.meetingReference().orElse(""))),
				row.authorisedBy().map(by -> new FlexRequestView.Signed(by, row.authorisedAt().orElseThrow())),
				row.rejectionReasons(),
				row.endorsedBy().map(by -> new FlexRequestView.Signed(by, row.endorsedAt().orElseThrow())),
				reviews.stream()
					.map(r -> new FlexRequestView.Review(r.heldOn(), r.outcome(), r.notes(), r.newLastDay(), r.exceptionReason(),
							r.recordedBy(), r.recordedAt()))
					.toList(),
				row.endedOn(), row.endReason(), row.closedAt(),
				this.queries.feedback(row.id())
					.stream()
					.map(f -> new FlexRequestView.Feedback(f.wardCode(), wardNames.getOrDefault(f.wardCode(), f.wardCode()),
							f.givenOn(), f.summary(), f.recordedBy(), f.recordedAt()))
					.toList(),
				this.queries.transitions(row.id())
					.stream()
					.map(t -> new FlexRequestView.HistoryEntry(t.action(), t.fromStatus(), t.toStatus(), t.actor(), t.at(),
							t.ruleSetId(), read(t.detailsJson())))
					.toList(),
				flags(row, firstReview, timeline, today()), row.lastChecksJson().map(this::readReport), row.lastCheckedAt(),
				(int) flexed.stream().filter(f -> f.releasedAt().isEmpty()).count(),
				(int) flexed.stream().filter(f -> f.releasedAt().isPresent()).count(), row.version(), row.createdBy(),
				row.createdAt());
	}

	private String write(Object value) {
		return this.json.writeValueAsString(value);
	}

	private Map<String, Object> read(String json) {
		return this.json.readValue(json, new TypeReference<Map<String, Object>>() {
		});
	}

	private FlexCheckReport readReport(String json) {
		return this.json.readValue(json, FlexCheckReport.class);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	static String describe(Collection<Role> roles) {
		List<String> names = roles.stream()
			.sorted()
			.map(r -> switch (r) {
				case SERGEANT -> "the ward sergeant";
				case INSPECTOR -> "the cluster inspector";
				case SMT_LEAD -> "the SN SMT lead";
				case SUPERINTENDENT -> "the superintendent";
				default -> r.name().toLowerCase(java.util.Locale.ROOT);
			})
			.toList();
		return names.size() == 1 ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
	}

}
