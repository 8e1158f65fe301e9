package org.ringfence.performance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ringfence.deflection.CallDeflection;
import org.ringfence.deflection.DeflectionDecision;
import org.ringfence.demand.WardDemand;
import org.ringfence.demand.WardDemandFigures;
import org.ringfence.flex.FlexRequestView;
import org.ringfence.flex.FlexRequests;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.Place;
import org.ringfence.performance.domain.PriorityLinking;
import org.ringfence.performance.domain.StageRule;
import org.ringfence.performance.persistence.ProblemQueries;
import org.ringfence.performance.persistence.ProblemQueries.ProblemRow;
import org.ringfence.platform.Actor;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import org.ringfence.platform.StateConflict;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem-solving database: problems of a ward worked through the seven stages, with partners,
 * actions, links to ward priorities, flex requests and deflected calls, and an evaluation at close
 * that compares the ward's demand in equal periods before and after. Stage changes are kept in
 * order and audited; an illegal change is refused with 409.
 */
@Service
public class Problems {

	/** The longest period compared before and after a problem (the demand module's limit is wider). */
	static final int MAX_EVALUATION_DAYS = 365;

	public static final int MAX_PAGE_SIZE = 100;

	private final ProblemQueries queries;

	private final GeographyService geography;

	private final PerformanceScope scope;

	private final ObjectProvider<PriorityLookup> priorities;

	private final FlexRequests flex;

	private final CallDeflection deflection;

	private final WardDemand demand;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectMapper json = new ObjectMapper();

	Problems(ProblemQueries queries, GeographyService geography, PerformanceScope scope,
			ObjectProvider<PriorityLookup> priorities, FlexRequests flex, CallDeflection deflection, WardDemand demand,
			ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.geography = geography;
		this.scope = scope;
		this.priorities = priorities;
		this.flex = flex;
		this.deflection = deflection;
		this.demand = demand;
		this.events = events;
		this.clock = clock;
	}

	public record NewProblem(String wardCode, String title, String category, String description, Optional<LocalDate> openedOn) {

		public NewProblem {
			openedOn = openedOn == null ? Optional.empty() : openedOn;
			description = description == null ? "" : description;
		}

	}

	public record Page(List<ProblemView> items, long total, int page, int size) {
	}

	public enum LinkKind {

		PRIORITY, FLEX_REQUEST, DEFLECTED_CALL

	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(ZoneId.of("Europe/London")));
	}

	@Transactional
	public ProblemView open(NewProblem problem) {
		if (problem.wardCode() == null || !this.geography.wardNames().containsKey(problem.wardCode())) {
			throw invalid("wardCode", "no such ward");
		}
		text("title", problem.title(), 200);
		text("category", problem.category(), 80);
		Place place = this.scope.requireWard(problem.wardCode());
		LocalDate opened = problem.openedOn().orElse(today());
		long id = this.queries.insert(problem.wardCode(), place.boroughCode(), problem.title().strip(),
				problem.category().strip(), problem.description().strip(), opened, Actor.current());
		ProblemView view = view(id);
		this.events.publishEvent(StateChange.created("problem", Long.toString(id), place.boroughCode(), state(view)));
		return view;
	}

	@Transactional(readOnly = true)
	public ProblemView view(long id) {
		ProblemRow row = this.queries.find(id).orElseThrow(() -> new NotFound("No problem " + id + "."));
		this.scope.requireBorough(row.boroughCode());
		return view(row, true);
	}

	/** Moves a problem to another stage: forward one stage, or back with a reason (409 otherwise). */
	@Transactional
	public ProblemView move(long id, ProblemStage to, String reason, Optional<Integer> expectedVersion) {
		ProblemRow row = writable(id, expectedVersion);
		ProblemStage from = ProblemStage.valueOf(row.stage());
		StageRule.refusal(from, to, reason).ifPresent(r -> {
			throw new StateConflict("illegal-stage-change", capitalise(r) + ".");
		});
		this.queries.moveTo(id, to.name());
		this.queries.stageChange(id, from.name(), to.name(), reason == null || reason.isBlank() ? null : reason.strip(),
				Actor.current());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("stage", to.name());
		if (reason != null && !reason.isBlank()) {
			after.put("reason", reason.strip());
		}
		this.events.publishEvent(StateChange.changed(to.ordinal() > from.ordinal() ? "problem moved forward" : "problem moved back",
				"problem", Long.toString(id), row.boroughCode(), Map.of("stage", from.name()), after));
		return view(id);
	}

	@Transactional
	public ProblemView addPartner(long id, String organisation, String role) {
		ProblemRow row = writable(id, Optional.empty());
		text("organisation", organisation, 120);
		this.queries.addPartner(id, organisation.strip(), role == null ? "" : role.strip());
		this.events.publishEvent(StateChange.changed("problem partner added", "problem", Long.toString(id), row.boroughCode(),
				Map.of(), Map.of("organisation", organisation.strip(), "role", role == null ? "" : role.strip())));
		return view(id);
	}

	@Transactional
	public ProblemView addAction(long id, String action, String owner, Optional<LocalDate> due) {
		ProblemRow row = writable(id, Optional.empty());
		text("action", action, 500);
		long actionId = this.queries.addAction(id, action.strip(), owner == null ? "" : owner.strip(), due.orElse(null),
				Actor.current());
		this.events.publishEvent(StateChange.changed("problem action added", "problem", Long.toString(id), row.boroughCode(),
				Map.of(), Map.of("actionId", actionId, "action", action.strip())));
		return view(id);
	}

	@Transactional
	public ProblemView completeAction(long id, long actionId, Optional<LocalDate> doneOn) {
		ProblemRow row = writable(id, Optional.empty());
		LocalDate done = doneOn.orElse(today());
		if (this.queries.completeAction(id, actionId, done) == 0) {
			throw new NotFound("No action " + actionId + " on problem " + id + ".");
		}
		this.events.publishEvent(StateChange.changed("problem action done", "problem", Long.toString(id), row.boroughCode(),
				Map.of(), Map.of("actionId", actionId, "doneOn", done.toString())));
		return view(id);
	}

	/**
	 * Links a priority (of the same ward; 422 "priorities are not available" while the neighbourhood
	 * module is absent), a flex request (receiving ward in the same borough, readable by the caller)
	 * or a deflected call (deflected to the SNT, on the same ward).
	 */
	@Transactional
	public ProblemView link(long id, LinkKind kind, long refId) {
		ProblemRow row = writable(id, Optional.empty());
		switch (kind) {
			case PRIORITY -> PriorityLinking
				.refusal(Optional.ofNullable(this.priorities.getIfAvailable()), row.wardCode(), refId)
				.ifPresent(r -> {
					throw new DomainRuleViolation(PriorityLinking.NOT_AVAILABLE.equals(r) ? "priorities-not-available"
							: "priority-link-refused", r, List.of(r));
				});
			case FLEX_REQUEST -> {
				FlexRequestView request;
				try {
					request = this.flex.view(refId);
				}
				catch (NotFound ex) {
					throw refused("no flex request " + refId);
				}
				if (!request.boroughCode().equals(row.boroughCode())) {
					throw refused("flex request " + request.reference() + " is in another borough");
				}
			}
			case DEFLECTED_CALL -> {
				DeflectionDecision decision;
				try {
					decision = this.deflection.decision(refId);
				}
				catch (NotFound ex) {
					throw refused("no deflection decision " + refId);
				}
				if (!decision.deflect()) {
					throw refused("call " + decision.cadReference() + " was not deflected to the SNT");
				}
				if (!decision.wardCode().equals(row.wardCode())) {
					throw refused("call " + decision.cadReference() + " was on ward " + decision.wardCode() + ", not "
							+ row.wardCode());
				}
			}
		}
		if (this.queries.link(id, kind.name(), refId, Actor.current())) {
			this.events.publishEvent(StateChange.changed("problem linked", "problem", Long.toString(id), row.boroughCode(),
					Map.of(), Map.of("kind", kind.name(), "refId", refId)));
		}
		return view(id);
	}

	/** Closes a problem after its review, with the evaluation (demand before and after from the demand module). */
	@Transactional
	public ProblemView close(long id, String whatWasDone, String whatChanged, Optional<LocalDate> closedOn,
			Optional<Integer> expectedVersion) {
		ProblemRow row = writable(id, expectedVersion);
		ProblemStage stage = ProblemStage.valueOf(row.stage());
		StageRule.closeRefusal(stage).ifPresent(r -> {
			throw new StateConflict("illegal-stage-change", capitalise(r) + ".");
		});
		text("whatWasDone", whatWasDone, 4000);
		LocalDate closed = closedOn.orElse(today());
		if (closed.isBefore(row.openedOn())) {
			throw invalid("closedOn", "a problem cannot close before it opened (" + row.openedOn() + ")");
		}
		Map<String, Object> demandFigures = demandBeforeAfter(row.wardCode(), row.boroughCode(), row.openedOn(), closed);
		this.queries.close(id, closed, Actor.current(), whatWasDone.strip(), whatChanged == null ? "" : whatChanged.strip(),
				this.json.writeValueAsString(demandFigures));
		this.queries.stageChange(id, stage.name(), "CLOSED", null, Actor.current());
		this.events.publishEvent(StateChange.changed("problem closed", "problem", Long.toString(id), row.boroughCode(),
				Map.of("stage", stage.name()), Map.of("closedOn", closed.toString(), "whatWasDone", whatWasDone.strip(),
						"demand", demandFigures)));
		return view(id);
	}

	/**
	 * The ward's demand in two equal periods: the L days before the problem opened and the L days
	 * ending on its close, L = days open (at most a year); "not available" when the demand module
	 * holds no record for the ward in either period.
	 */
	Map<String, Object> demandBeforeAfter(String ward, String borough, LocalDate opened, LocalDate closed) {
		long days = Math.min(MAX_EVALUATION_DAYS, ChronoUnit.DAYS.between(opened, closed) + 1);
		LocalDate afterFrom = closed.minusDays(days - 1);
		LocalDate beforeTo = opened.minusDays(1);
		LocalDate beforeFrom = beforeTo.minusDays(days - 1);
		Optional<WardDemandFigures> before = figures(ward, borough, beforeFrom, beforeTo);
		Optional<WardDemandFigures> after = figures(ward, borough, afterFrom, closed);
		Map<String, Object> out = new LinkedHashMap<>();
		long total = before.map(f -> f.tno() + f.asb() + f.calls()).orElse(0L) + after.map(f -> f.tno() + f.asb() + f.calls()).orElse(0L);
		if (before.isEmpty() || after.isEmpty() || total == 0) {
			out.put("available", false);
			out.put("reason", "the demand module holds no crime, ASB or call records for the ward in " + beforeFrom + " to "
					+ closed);
			return out;
		}
		out.put("available", true);
		out.put("days", days);
		out.put("before", Map.of("from", beforeFrom.toString(), "to", beforeTo.toString(), "tno", before.get().tno(), "asb",
				before.get().asb(), "calls", before.get().calls()));
		out.put("after", Map.of("from", afterFrom.toString(), "to", closed.toString(), "tno", after.get().tno(), "asb",
				after.get().asb(), "calls", after.get().calls()));
		long b = before.get().tno() + before.get().asb();
		long a = after.get().tno() + after.get().asb();
		out.put("tnoPlusAsbChange", a - b);
		out.put("tnoPlusAsbChangeShare", b == 0 ? null : Math.round(10_000.0 * (a - b) / b) / 10_000.0);
		return out;
	}

	private Optional<WardDemandFigures> figures(String ward, String borough, LocalDate from, LocalDate to) {
		return this.demand.figures(Optional.of(borough), from, to).stream().filter(f -> f.wardCode().equals(ward)).findFirst();
	}

	/** Search across London (a user outside force scope searches the boroughs of their scope), paged. */
	@Transactional(readOnly = true)
	public Page search(ProblemQueries.Filter filter, int page, int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw invalid("page/size", "page must be 0 or more and size 1 to " + MAX_PAGE_SIZE);
		}
		Optional<Set<String>> boroughs = this.scope.readableBoroughs();
		filter.borough().ifPresent(this.scope::requireBorough);
		ProblemQueries.Filter scoped = new ProblemQueries.Filter(boroughs.map(b -> (java.util.Collection<String>) b),
				filter.ward(), filter.borough(), filter.stage(), filter.status(), filter.category(), filter.text(),
				filter.openedFrom(), filter.openedTo());
		long total = this.queries.count(scoped);
		List<ProblemView> items = this.queries.search(scoped, page * size, size).stream().map(r -> view(r, false)).toList();
		return new Page(items, total, page, size);
	}

	private ProblemRow writable(long id, Optional<Integer> expectedVersion) {
		ProblemRow row = this.queries.findForUpdate(id).orElseThrow(() -> new NotFound("No problem " + id + "."));
		this.scope.requireWard(row.wardCode());
		if (row.closedOn() != null) {
			throw new StateConflict("problem-closed", "Problem " + id + " is closed.");
		}
		expectedVersion.ifPresent(v -> {
			if (v != row.version()) {
				throw new StateConflict("stale-version", "Problem " + id + " has changed since version " + v
						+ " (now " + row.version() + "): reload it.");
			}
		});
		return row;
	}

	private ProblemView view(ProblemRow row, boolean full) {
		long id = row.id();
		ProblemStage stage = ProblemStage.valueOf(row.stage());
		Optional<ProblemView.Evaluation> evaluation = Optional.empty();
		if (row.closedOn() != null) {
			@SuppressWarnings("unchecked")
			Map<String, Object> demandFigures = row.evaluationDemand() == null ? Map.of()
					: this.json.readValue(row.evaluationDemand(), Map.class);
			evaluation = Optional.of(new ProblemView.Evaluation(row.evaluationDone(), row.evaluationChanged(), demandFigures));
		}
		String wardName = this.geography.wardNames().getOrDefault(row.wardCode(), row.wardCode());
		if (!full) {
			return new ProblemView(id, row.wardCode(), wardName, row.boroughCode(), row.title(), row.category(),
					row.description(), stage, stage.label(), stage.number(), row.closedOn() == null ? "OPEN" : "CLOSED",
					row.openedOn(), row.openedBy(), Optional.ofNullable(row.closedOn()), evaluation, List.of(), List.of(),
					List.of(), List.of(), row.version());
		}
		List<ProblemView.Partner> partners = this.queries.partners(id)
			.stream()
			.map(p -> new ProblemView.Partner(p.id(), p.organisation(), p.role()))
			.toList();
		List<ProblemView.Action> actions = this.queries.actions(id)
			.stream()
			.map(a -> new ProblemView.Action(a.id(), a.action(), a.owner(), Optional.ofNullable(a.dueOn()),
					Optional.ofNullable(a.doneOn()), a.addedBy()))
			.toList();
		List<ProblemView.Link> links = this.queries.links(id)
			.stream()
			.map(l -> new ProblemView.Link(l.kind(), l.refId(), describe(l.kind(), l.refId()), l.linkedBy(), l.linkedAt()))
			.toList();
		List<ProblemView.StageChange> history = this.queries.history(id)
			.stream()
			.map(h -> new ProblemView.StageChange(h.fromStage(), h.toStage(), h.reason(), h.changedBy(), h.changedAt()))
			.toList();
		return new ProblemView(id, row.wardCode(), wardName, row.boroughCode(), row.title(), row.category(),
				row.description(), stage, stage.label(), stage.number(), row.closedOn() == null ? "OPEN" : "CLOSED",
				row.openedOn(), row.openedBy(), Optional.ofNullable(row.closedOn()), evaluation, partners, actions, links,
				history, row.version());
	}

	/** What the owning module says of a linked record, as far as the caller may read it. */
	private String describe(String kind, long refId) {
		try {
			return switch (kind) {
				case "PRIORITY" -> Optional.ofNullable(this.priorities.getIfAvailable())
					.map(l -> l.find(refId).map(p -> p.category() + ": " + p.issue() + " (" + p.status() + ")").orElse("priority "
							+ refId + " (not found)"))
					.orElse("priority " + refId + " (priorities: not available)");
				case "FLEX_REQUEST" -> {
					FlexRequestView v = this.flex.view(refId);
					yield v.reference() + ", " + v.statusLabel() + ", " + v.firstDay() + " to " + v.lastDay();
				}
				case "DEFLECTED_CALL" -> {
					DeflectionDecision d = this.deflection.decision(refId);
					yield d.cadReference() + ", " + d.callCategoryName() + ", tagged " + String.join(",", d.tags());
				}
				default -> kind + " " + refId;
			};
		}
		catch (RuntimeException ex) {
			return kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + refId + " (not readable by you)";
		}
	}

	private static Map<String, Object> state(ProblemView v) {
		return Map.of("ward", v.wardCode(), "title", v.title(), "category", v.category(), "stage", v.stage().name(),
				"openedOn", v.openedOn().toString());
	}

	private static void text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw invalid(field, "is required");
		}
		if (value.strip().length() > max) {
			throw invalid(field, "at most " + max + " characters");
		}
	}

	private static DomainRuleViolation refused(String reason) {
		return new DomainRuleViolation("link-refused", capitalise(reason) + ".", List.of(reason));
	}

	private static InvalidInput invalid(String field, String message) {
		return new InvalidInput(capitalise(field) + ": " + message + ".", List.of(new InvalidInput.FieldError(field, message)));
	}

	private static String capitalise(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

}
