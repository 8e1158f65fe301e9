package org.ringfence.allocation;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ringfence.allocation.SupervisionPlan.Consultation;
import org.ringfence.allocation.SupervisionPlan.ConsulteeType;
import org.ringfence.allocation.SupervisionPlan.Stance;
import org.ringfence.allocation.SupervisionRecommendation.ClusterReduction;
import org.ringfence.allocation.domain.SupervisionPlanner;
import org.ringfence.allocation.persistence.SupervisionQueries;
import org.ringfence.allocation.persistence.SupervisionQueries.PlanRow;
import org.ringfence.demand.WardDemandFigures;
import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.platform.Actor;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import org.ringfence.platform.StateConflict;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shared supervision: recommends which wards of a borough share a sergeant (see
 * {@link SupervisionPlanner} for the rules), records a plan with its consultation log, and the
 * borough commander's decision. Access is checked here against the borough.
 */
@Service
public class SharedSupervision {

	static final String OBJECTIVE = "Pairs (or groups of three, when allowed) of adjacent wards in the same cluster "
			+ "share a sergeant, so one inspector line-manages each shared sergeant. Fairness first: no cluster gives "
			+ "up more than its share of the borough's wards (rounded up) of the sergeants saved. Then the heaviest "
			+ "shared group is made as light as it can be (its combined SN demand: TNO + ASB + local factors), and "
			+ "then the total demand under shared supervision as low as it can be. The search is exact.";

	private final SupervisionQueries queries;

	private final DemandData demand;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SharedSupervision(SupervisionQueries queries, DemandData demand, GeographyService geography, CurrentAccess access,
			ApplicationEventPublisher events, Clock clock) {
		this.queries = queries;
		this.demand = demand;
		this.geography = geography;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	/** A request for a recommendation; period defaults to the last twelve complete months. */
	public record Request(String boroughCode, int sergeants, Optional<LocalDate> from, Optional<LocalDate> to,
			int maxGroupSize) {
	}

	@Transactional(readOnly = true)
	public SupervisionRecommendation recommend(Request request) {
		BoroughSummary borough = borough(request.boroughCode());
		checkSizes(request.sergeants(), request.maxGroupSize());
		LocalDate[] period = period(request.from(), request.to());
		Context context = context(borough, period[0], period[1]);
		List<SupervisionPlanner.Ward> wards = context.wards()
			.stream()
			.map(w -> new SupervisionPlanner.Ward(w.code(), w.clusterCode(), w.snDemand()))
			.toList();
		SupervisionPlanner.Plan plan = SupervisionPlanner.plan(wards, context.adjacency(), request.sergeants(),
				request.maxGroupSize());
		Map<String, WardFigures> byCode = context.byCode();
		double boroughDemand = context.wards().stream().mapToDouble(WardFigures::snDemand).sum();
		double mean = context.wards().isEmpty() ? 0 : boroughDemand / context.wards().size();
		Map<String, ClusterReduction> clusters = new LinkedHashMap<>();
		for (SupervisionPlanner.ClusterShare share : plan.clusters()) {
			clusters.put(share.cluster(), new ClusterReduction(share.cluster(), context.clusterNames().get(share.cluster()),
					share.wards(), share.reductions(), share.fairShare(), share.limit()));
		}
		List<SharedGroup> groups = new ArrayList<>();
		for (SupervisionPlanner.Group group : plan.groups()) {
			List<WardFigures> members = group.wardCodes().stream().map(byCode::get).toList();
			String explanation = explain(members, group.combinedDemand(), group.rankAmongPairs(), plan.candidatePairs(),
					mean, clusters.get(group.cluster()));
			groups.add(new SharedGroup(members, group.cluster(), context.clusterNames().get(group.cluster()),
					group.combinedDemand(), group.rankAmongPairs(), explanation));
		}
		List<WardFigures> own = plan.ownSergeant().stream().map(byCode::get).toList();
		return new SupervisionRecommendation(borough.code(), borough.name(), period[0], period[1], request.sergeants(),
				plan.wards(), plan.reductions(), request.maxGroupSize(), OBJECTIVE, List.copyOf(groups), own,
				List.copyOf(clusters.values()), plan.heaviestShared(), plan.sharedDemand(), boroughDemand,
				plan.fairnessRelaxedBy(), plan.candidatePairs());
	}

	/**
	 * A proposal: the recommendation's groups, or groups given by hand (each of adjacent wards of the
	 * borough, no ward twice, saving exactly wards − sergeants).
	 */
	public record Proposal(Request request, Optional<List<List<String>>> groups, String rationale) {
	}

	@Transactional
	public SupervisionPlan propose(Proposal proposal) {
		Request request = proposal.request();
		BoroughSummary borough = borough(request.boroughCode());
		String rationale = proposal.rationale() == null ? "" : proposal.rationale().strip();
		if (rationale.length() > 4000) {
			throw new InvalidInput("The rationale is longer than 4,000 characters.",
					List.of(new InvalidInput.FieldError("rationale", "at most 4,000 characters")));
		}
		List<SharedGroup> groups;
		LocalDate[] period = period(request.from(), request.to());
		if (proposal.groups().isEmpty()) {
			groups = recommend(request).groups();
		}
		else {
			checkSizes(request.sergeants(), request.maxGroupSize());
			groups = byHand(borough, request, period, proposal.groups().get());
		}
		long id = this.queries.insertPlan(borough.code(), request.sergeants(), request.maxGroupSize(), period[0],
				period[1], rationale, Actor.current());
		int position = 1;
		for (SharedGroup group : groups) {
			this.queries.insertGroup(id, position++, group);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("sergeants", request.sergeants());
		after.put("groups", groups.stream().map(g -> g.wards().stream().map(WardFigures::code).toList()).toList());
		after.put("demandFrom", period[0].toString());
		after.put("demandTo", period[1].toString());
		this.events.publishEvent(StateChange.created("supervision plan", Long.toString(id), borough.code(), after));
		return plan(id);
	}

	@Transactional(readOnly = true)
	public SupervisionPlan plan(long id) {
		PlanRow row = this.queries.plan(id).orElseThrow(() -> new NotFound("No shared supervision plan " + id + "."));
		this.access.require(Place.borough(row.boroughCode()));
		return assemble(row);
	}

	/** Plans in the caller's boroughs, newest first (without groups and consultation). */
	@Transactional(readOnly = true)
	public List<SupervisionPlan> plans(Optional<String> boroughCode) {
		boroughCode.ifPresent(b -> borough(b));
		Map<String, String> names = new HashMap<>();
		this.geography.boroughs().forEach(b -> names.put(b.code(), b.name()));
		Map<String, Integer> wardCounts = new HashMap<>();
		this.geography.boroughs().forEach(b -> wardCounts.put(b.code(), b.wardCount()));
		return this.queries.plans(this.access.boroughsOrAll(), boroughCode)
			.stream()
			.map(row -> toPlan(row, names.get(row.boroughCode()), wardCounts.getOrDefault(row.boroughCode(), 0), List.of(),
					List.of()))
			.toList();
	}

	/** An entry of the consultation log. */
	public record NewConsultation(ConsulteeType consulteeType, String consultee, LocalDate consultedOn, Stance stance,
			String response) {
	}

	@Transactional
	public SupervisionPlan consult(long id, NewConsultation entry) {
		PlanRow row = lockedProposed(id);
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (entry.consulteeType() == null) {
			errors.add(new InvalidInput.FieldError("consulteeType", "required: " + List.of(ConsulteeType.values())));
		}
		String consultee = entry.consultee() == null ? "" : entry.consultee().strip();
		if (consultee.isEmpty() || consultee.length() > 200) {
			errors.add(new InvalidInput.FieldError("consultee", "who was consulted, 1-200 characters"));
		}
		if (entry.consultedOn() == null) {
			errors.add(new InvalidInput.FieldError("consultedOn", "required"));
		}
		else if (entry.consultedOn().isAfter(LocalDate.now(this.clock))) {
			errors.add(new InvalidInput.FieldError("consultedOn", "not in the future"));
		}
		if (entry.stance() == null) {
			errors.add(new InvalidInput.FieldError("stance", "required: " + List.of(Stance.values())));
		}
		String response = entry.response() == null ? "" : entry.response().strip();
		if (response.length() > 4000) {
			errors.add(new InvalidInput.FieldError("response", "at most 4,000 characters"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("The consultation entry has " + errors.size() + " problem(s): "
					+ errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse("")
					+ ".", errors);
		}
		long entryId = this.queries.insertConsultation(id, entry.consulteeType(), consultee, entry.consultedOn(),
				entry.stance(), response, Actor.current());
		this.queries.touch(id);
		this.events.publishEvent(StateChange.changed("supervision consultation recorded", "supervision plan",
				Long.toString(id), row.boroughCode(), Map.of(),
				Map.of("consultation", entryId, "consulteeType", entry.consulteeType().name(), "consultee", consultee,
						"consultedOn", entry.consultedOn().toString(), "stance", entry.stance().name())));
		return plan(id);
	}

	/**
	 * The borough commander's decision: the plan becomes final and its letter is no longer a draft.
	 * Needs at least one consultation entry, reasons, and the day it starts (not in the past).
	 */
	@Transactional
	public SupervisionPlan decide(long id, String note, LocalDate effectiveFrom) {
		PlanRow row = lockedProposed(id);
		String reasons = note == null ? "" : note.strip();
		if (reasons.isEmpty() || reasons.length() > 4000) {
			throw new InvalidInput("Record the decision with its reasons (at most 4,000 characters).",
					List.of(new InvalidInput.FieldError("note", "required, at most 4,000 characters")));
		}
		if (effectiveFrom == null || effectiveFrom.isBefore(LocalDate.now(this.clock))) {
			throw new InvalidInput("Say from which day the shared supervision applies (today or later).",
					List.of(new InvalidInput.FieldError("effectiveFrom", "today or later")));
		}
		if (this.queries.consultations(id).isEmpty()) {
			throw new DomainRuleViolation("not-consulted", "Consult first: record who was consulted (ward panels, KINs, "
					+ "the local authority, MPs) and their response before deciding.");
		}
		this.queries.decide(id, Actor.current(), reasons, effectiveFrom);
		this.events.publishEvent(StateChange.changed("supervision plan decided", "supervision plan", Long.toString(id),
				row.boroughCode(), Map.of("status", row.status()),
				Map.of("status", "DECIDED", "note", reasons, "effectiveFrom", effectiveFrom.toString())));
		return plan(id);
	}

	// ------------------------------------------------------------------ helpers

	private record Context(List<WardFigures> wards, Map<String, WardFigures> byCode, Map<String, String> clusterNames,
			Map<String, List<String>> adjacency) {
	}

	private Context context(BoroughSummary borough, LocalDate from, LocalDate to) {
		List<WardSummary> wards = this.geography.wards(Optional.of(borough.code()));
		Map<String, WardDemandFigures> figures = this.demand.figures(Optional.of(borough.code()), from, to,
				borough.name());
		Map<String, String> clusterNames = new HashMap<>();
		this.geography.clusters(Optional.of(borough.code())).forEach(c -> clusterNames.put(c.id(), c.name()));
		List<WardFigures> result = new ArrayList<>();
		Map<String, WardFigures> byCode = new LinkedHashMap<>();
		for (WardSummary ward : wards) {
			WardDemandFigures f = figures.get(ward.code());
			WardFigures figure = f == null ? new WardFigures(ward.code(), ward.name(), ward.clusterId(), 0, 0, 0, 0, 0)
					: new WardFigures(ward.code(), ward.name(), ward.clusterId(), f.tno(), f.asb(), f.calls(),
							f.localFactors(), f.snDemand());
			result.add(figure);
			byCode.put(ward.code(), figure);
		}
		return new Context(List.copyOf(result), byCode, clusterNames, this.geography.adjacency());
	}

	private List<SharedGroup> byHand(BoroughSummary borough, Request request, LocalDate[] period,
			List<List<String>> given) {
		Context context = context(borough, period[0], period[1]);
		List<String> problems = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int saved = 0;
		List<SharedGroup> groups = new ArrayList<>();
		List<Double> pairs = candidatePairs(context);
		double mean = context.wards().stream().mapToDouble(WardFigures::snDemand).average().orElse(0);
		for (List<String> group : given) {
			List<String> codes = group == null ? List.of() : group.stream().map(c -> c == null ? "" : c.strip()).toList();
			if (codes.size() < 2 || codes.size() > request.maxGroupSize()) {
				problems.add("a group has " + codes.size() + " wards (2 to " + request.maxGroupSize() + ")");
				continue;
			}
			boolean known = true;
			for (String code : codes) {
				if (!context.byCode().containsKey(code)) {
					problems.add(code + " is not a ward of " + borough.name());
					known = false;
				}
				else if (!seen.add(code)) {
					problems.add(code + " is in two groups");
				}
			}
			if (!known) {
				continue;
			}
			if (!SupervisionPlanner.connected(codes, context.adjacency())) {
				problems.add(String.join(" + ", codes) + " do not share boundaries");
				continue;
			}
			saved += codes.size() - 1;
			List<WardFigures> members = codes.stream().sorted().map(context.byCode()::get).toList();
			Set<String> clusters = new HashSet<>();
			members.forEach(m -> clusters.add(m.clusterCode() == null ? "" : m.clusterCode()));
			String cluster = clusters.size() == 1 && !clusters.contains("") ? members.get(0).clusterCode() : null;
			double combined = members.stream().mapToDouble(WardFigures::snDemand).sum();
			int rank = members.size() == 2 && cluster != null
					? 1 + (int) pairs.stream().filter(d -> d < combined - 1e-9).count() : 0;
			String explanation = explain(members, combined, rank, pairs.size(), mean, null)
					+ (cluster == null ? " Chosen by hand across clusters." : " Chosen by hand.");
			groups.add(new SharedGroup(members, cluster, cluster == null ? null : context.clusterNames().get(cluster),
					combined, rank, explanation));
		}
		int needed = context.wards().size() - request.sergeants();
		if (problems.isEmpty() && saved != Math.max(0, needed)) {
			problems.add("the groups save " + saved + " sergeant(s) but " + context.wards().size() + " wards with "
					+ request.sergeants() + " sergeants need " + Math.max(0, needed) + " saved");
		}
		if (!problems.isEmpty()) {
			throw new DomainRuleViolation("groups-invalid", "The groups cannot be used: " + String.join("; ", problems) + ".",
					problems);
		}
		return groups;
	}

	private static List<Double> candidatePairs(Context context) {
		List<Double> pairs = new ArrayList<>();
		List<WardFigures> wards = context.wards();
		for (int i = 0; i < wards.size(); i++) {
			for (int j = i + 1; j < wards.size(); j++) {
				WardFigures a = wards.get(i);
				WardFigures b = wards.get(j);
				if (a.clusterCode() != null && a.clusterCode().equals(b.clusterCode())
						&& SupervisionPlanner.connected(List.of(a.code(), b.code()), context.adjacency())) {
					pairs.add(a.snDemand() + b.snDemand());
				}
			}
		}
		return pairs;
	}

	static String explain(List<WardFigures> members, double combined, int rank, int candidates, double mean,
			ClusterReduction cluster) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < members.size(); i++) {
			WardFigures w = members.get(i);
			text.append(i == 0 ? "" : i == members.size() - 1 ? " and " : ", ")
				.append(w.name())
				.append(" (TNO ")
				.append(number(w.tno()))
				.append(", ASB ")
				.append(number(w.asb()))
				.append(", local factors ")
				.append(number(w.localFactors()))
				.append(": ")
				.append(number(w.snDemand()))
				.append(")");
		}
		text.append(" share a sergeant: combined demand ").append(number(combined));
		if (rank > 0) {
			text.append(", the ").append(ordinal(rank)).append(" lowest of ").append(candidates)
				.append(" adjacent pairs within the borough's clusters");
		}
		text.append("; the borough's average ward is ").append(number(mean)).append(", so ")
			.append(members.size() == 2 ? "two" : "three").append(" average wards would be ")
			.append(number(mean * members.size())).append(".");
		if (cluster != null) {
			text.append(" ").append(cluster.clusterName()).append(" gives up ").append(cluster.sergeantsSaved())
				.append(" sergeant(s) against a fair share of ").append(number(cluster.fairShare())).append(".");
		}
		return text.toString();
	}

	static String number(double value) {
		NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
		format.setMaximumFractionDigits(1);
		return format.format(value);
	}

	static String ordinal(int n) {
		int mod100 = n % 100;
		String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch (n % 10) {
			case 1 -> "st";
			case 2 -> "nd";
			case 3 -> "rd";
			default -> "th";
		};
		return n + suffix;
	}

	private PlanRow lockedProposed(long id) {
		PlanRow row = this.queries.lockPlan(id).orElseThrow(() -> new NotFound("No shared supervision plan " + id + "."));
		this.access.require(Place.borough(row.boroughCode()));
		if (!"PROPOSED".equals(row.status())) {
			throw new StateConflict("plan-decided", "Plan " + id + " was decided on "
					+ row.decidedAt().map(Object::toString).orElse("?") + ": it is final. Propose a new plan to change it.");
		}
		return row;
	}

	private SupervisionPlan assemble(PlanRow row) {
		BoroughSummary borough = this.geography.borough(row.boroughCode());
		Map<String, String> clusterNames = new HashMap<>();
		this.geography.clusters(Optional.of(row.boroughCode())).forEach(c -> clusterNames.put(c.id(), c.name()));
		return toPlan(row, borough.name(), borough.wardCount(), this.queries.groups(row.id(), clusterNames),
				this.queries.consultations(row.id()));
	}

	private static SupervisionPlan toPlan(PlanRow row, String boroughName, int wards, List<SharedGroup> groups,
			List<Consultation> consultations) {
		return new SupervisionPlan(row.id(), row.boroughCode(), boroughName, row.sergeants(), wards, row.maxGroupSize(),
				row.demandFrom(), row.demandTo(), row.status(), row.rationale(), groups, consultations, row.proposedBy(),
				row.proposedAt(), row.decidedBy(), row.decidedAt(), row.decisionNote(), row.effectiveFrom(), row.version());
	}

	private BoroughSummary borough(String code) {
		BoroughSummary borough = this.geography.borough(code);
		this.access.require(Place.borough(borough.code()));
		return borough;
	}

	private static void checkSizes(int sergeants, int maxGroupSize) {
		if (sergeants < 1 || sergeants > 200) {
			throw new InvalidInput("sergeants must be 1 to 200.", List.of(new InvalidInput.FieldError("sergeants", "1-200")));
		}
		if (maxGroupSize < 2 || maxGroupSize > 3) {
			throw new InvalidInput("maxGroupSize must be 2 (pairs) or 3.",
					List.of(new InvalidInput.FieldError("maxGroupSize", "2 or 3")));
		}
	}

	private LocalDate[] period(Optional<LocalDate> from, Optional<LocalDate> to) {
		LocalDate[] defaults = DemandData.lastTwelveMonths(LocalDate.now(this.clock));
		LocalDate start = from.orElse(defaults[0]);
		LocalDate end = to.orElse(from.isPresent() ? start.plusYears(1).minusDays(1) : defaults[1]);
		DemandData.checkPeriod(start, end);
		return new LocalDate[] { start, end };
	}


}
