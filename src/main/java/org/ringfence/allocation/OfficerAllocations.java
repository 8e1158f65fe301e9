package org.ringfence.allocation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ringfence.allocation.OfficerAllocation.BoroughComparison;
import org.ringfence.allocation.OfficerAllocation.Rule2007;
import org.ringfence.allocation.OfficerAllocation.WardAllocation;
import org.ringfence.allocation.OfficerAllocationRequest.Measure;
import org.ringfence.allocation.domain.Apportioned;
import org.ringfence.allocation.domain.Apportionment;
import org.ringfence.allocation.domain.ApportionmentInfeasible;
import org.ringfence.allocation.domain.ApportionmentProblem;
import org.ringfence.allocation.domain.PopulationThresholdRule;
import org.ringfence.demand.WardDemandFigures;
import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.workforce.Posting;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allocation of extra officers to wards by demand (2007 inspection, recommendation 1; the 2017 One
 * Met model's extra DWOs "allocated to higher demand wards"): the request's total is shared among
 * the scope's wards by the chosen apportionment method, keeping the minimum per ward, the caps,
 * and, if asked, what each ward has now. Computed on request; nothing is stored. Beside it, the
 * 2007 rule ({@link PopulationThresholdRule}) with the same total, minimums and caps, and per
 * borough which wards gain and lose.
 */
@Service
public class OfficerAllocations {

	/** The roles that make up a ward's officer strength for "no ward loses what it has". */
	static final List<WorkforceRole> STRENGTH_ROLES = List.of(WorkforceRole.DWO, WorkforceRole.PC);

	private final GeographyService geography;

	private final WorkforceService workforce;

	private final DemandData demand;

	private final CurrentAccess access;

	private final Clock clock;

	OfficerAllocations(GeographyService geography, WorkforceService workforce, DemandData demand, CurrentAccess access,
			Clock clock) {
		this.geography = geography;
		this.workforce = workforce;
		this.demand = demand;
		this.access = access;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public OfficerAllocation allocate(OfficerAllocationRequest request) {
		long started = System.nanoTime();
		validate(request);
		// the scope: which boroughs, checked against the caller's access
		List<BoroughSummary> all = this.geography.boroughs();
		List<BoroughSummary> boroughs;
		String scopeName;
		switch (request.scope()) {
			case FORCE -> {
				if (!this.access.user().hasForceScope()) {
					throw new ScopeDenied("An allocation across London needs force-wide access; choose your borough.");
				}
				boroughs = all;
				scopeName = "All London";
			}
			case BCU -> {
				String bcu = request.code().orElseThrow(() -> missing("code", "the BCU's name, e.g. Central North"));
				boroughs = all.stream().filter(b -> b.bcu().equalsIgnoreCase(bcu.strip())).toList();
				if (boroughs.isEmpty()) {
					throw new NotFound("No BCU named " + bcu + ".");
				}
				scopeName = boroughs.get(0).bcu() + " BCU";
			}
			default -> {
				String code = request.code().orElseThrow(() -> missing("code", "the borough's code, e.g. E09000007"));
				boroughs = List.of(this.geography.borough(code.strip()));
				scopeName = boroughs.get(0).name();
			}
		}
		boroughs.forEach(b -> this.access.require(Place.borough(b.code())));
		Map<String, BoroughSummary> boroughByCode = new HashMap<>();
		boroughs.forEach(b -> boroughByCode.put(b.code(), b));
		List<WardSummary> wards = (request.scope() == OfficerAllocationRequest.Scope.BOROUGH
				? this.geography.wards(Optional.of(boroughs.get(0).code())) : this.geography.wards(Optional.empty()))
			.stream()
			.filter(w -> boroughByCode.containsKey(w.boroughCode()))
			.sorted(Comparator.comparing(WardSummary::code))
			.toList();
		int n = wards.size();
		request.wardCaps().keySet().forEach(code -> {
			if (wards.stream().noneMatch(w -> w.code().equals(code))) {
				throw new InvalidInput("wardCaps names " + code + ", which is not a ward of " + scopeName + ".",
						List.of(new InvalidInput.FieldError("wardCaps", code + " not in scope")));
			}
		});
		// demand
		LocalDate[] period = period(request);
		double[] weights = new double[n];
		if (request.measure() == Measure.POPULATION) {
			for (int i = 0; i < n; i++) {
				weights[i] = wards.get(i).population() == null ? 0 : wards.get(i).population();
			}
		}
		else {
			Optional<String> borough = request.scope() == OfficerAllocationRequest.Scope.BOROUGH
					? Optional.of(boroughs.get(0).code()) : Optional.empty();
			Map<String, WardDemandFigures> figures = this.demand.figures(borough, period[0], period[1], scopeName);
			for (int i = 0; i < n; i++) {
				WardDemandFigures f = figures.get(wards.get(i).code());
				weights[i] = f == null ? 0 : switch (request.measure()) {
					case TNO -> f.tno();
					case ASB -> f.asb();
					case CALLS -> f.calls();
					default -> Math.max(0, f.snDemand());
				};
			}
		}
		double demandTotal = 0;
		for (double w : weights) {
			demandTotal += w;
		}
		if (demandTotal <= 0) {
			throw DemandData.noData(scopeName, period[0], period[1],
					"no " + request.measure().label().toLowerCase(Locale.UK) + " is recorded for its wards");
		}
		// strength today, minimums and caps
		Map<String, Integer> strength = strength();
		int[] current = new int[n];
		int[] minimums = new int[n];
		int[] caps = new int[n];
		for (int i = 0; i < n; i++) {
			String code = wards.get(i).code();
			current[i] = strength.getOrDefault(code, 0);
			minimums[i] = request.noLoss() ? Math.max(request.minimumPerWard(), current[i]) : request.minimumPerWard();
			Integer cap = request.wardCaps().getOrDefault(code, request.cap().orElse(null));
			caps[i] = cap == null ? ApportionmentProblem.NO_CAP : cap;
		}
		checkConstraints(request, wards, current, minimums, caps, scopeName);
		Apportionment method = Apportionment.Method.valueOf(request.method().name()).implementation();
		Apportioned result = method.apportion(new ApportionmentProblem(weights, request.total(), minimums, caps));
		int[] populations = new int[n];
		for (int i = 0; i < n; i++) {
			populations[i] = wards.get(i).population() == null ? -1 : wards.get(i).population();
		}
		PopulationThresholdRule.Result rule = PopulationThresholdRule.apply(populations, request.total(), minimums, caps,
				PopulationThresholdRule.THRESHOLD_2007);
		// the answer
		List<WardAllocation> rows = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			WardSummary ward = wards.get(i);
			BoroughSummary borough = boroughByCode.get(ward.boroughCode());
			rows.add(new WardAllocation(ward.code(), ward.name(), borough.code(), borough.name(), ward.population(),
					weights[i], weights[i] / demandTotal, result.quota(i), result.boundedQuota(i), current[i], minimums[i],
					caps[i] == ApportionmentProblem.NO_CAP ? null : caps[i], result.seats(i), result.seats(i) - current[i],
					rule.seats(i), result.seats(i) - rule.seats(i)));
		}
		rows.sort(Comparator.comparing(WardAllocation::boroughName).thenComparing(WardAllocation::name));
		Map<String, List<WardAllocation>> byBorough = new LinkedHashMap<>();
		rows.forEach(r -> byBorough.computeIfAbsent(r.boroughCode(), b -> new ArrayList<>()).add(r));
		List<BoroughComparison> comparisons = new ArrayList<>();
		byBorough.forEach((code, list) -> {
			BoroughSummary borough = boroughByCode.get(code);
			comparisons.add(new BoroughComparison(code, borough.name(), borough.bcu(), list.size(),
					list.stream().mapToDouble(WardAllocation::share).sum(),
					list.stream().mapToInt(WardAllocation::current).sum(),
					list.stream().mapToInt(WardAllocation::allocation).sum(),
					list.stream().mapToInt(WardAllocation::rule2007).sum(),
					list.stream().mapToInt(WardAllocation::versus2007).sum(),
					(int) list.stream().filter(r -> r.versus2007() > 0).count(),
					(int) list.stream().filter(r -> r.versus2007() < 0).count(),
					(int) list.stream()
						.filter(r -> r.population() != null && r.population() > PopulationThresholdRule.THRESHOLD_2007)
						.count()));
		});
		Rule2007 rule2007 = new Rule2007(PopulationThresholdRule.THRESHOLD_2007, rule.enhanced(), rule.unplaced(),
				"2007 rule: every ward keeps the same minimum" + (request.noLoss() ? " (and what it has)" : "")
						+ "; what is left is shared equally among the " + rule.enhanced() + " wards over "
						+ PopulationThresholdRule.THRESHOLD_2007 + " residents (the enhanced 1-2-6 teams), the most "
						+ "populous first, none beyond its cap"
						+ (rule.unplaced() > 0 ? "; " + rule.unplaced() + " could not be placed by it" : "") + ".");
		long elapsed = (System.nanoTime() - started) / 1_000_000;
		return new OfficerAllocation(request.scope().name(), scopeName, request.method().name(),
				Apportionment.Method.valueOf(request.method().name()).label(), request.measure().name(),
				request.measure().label(), request.measure() == Measure.POPULATION ? null : period[0],
				request.measure() == Measure.POPULATION ? null : period[1], request.total(), request.minimumPerWard(),
				request.cap().orElse(null), request.noLoss(), demandTotal, result.lastPriority(), List.copyOf(rows),
				List.copyOf(comparisons), rule2007, elapsed);
	}

	/** Each ward's officer strength today: its team's dedicated ward officers and PCs. */
	private Map<String, Integer> strength() {
		Map<String, Integer> strength = new HashMap<>();
		for (Posting posting : this.workforce.currentPostings(LocalDate.now(this.clock))) {
			if (posting.unit().kind() == Unit.Kind.WARD && STRENGTH_ROLES.contains(posting.role())) {
				strength.merge(posting.unit().code(), 1, Integer::sum);
			}
		}
		return strength;
	}

	/** Refuses what cannot hold, naming the constraint, before the method is run. */
	private static void checkConstraints(OfficerAllocationRequest request, List<WardSummary> wards, int[] current,
			int[] minimums, int[] caps, String scopeName) {
		int n = wards.size();
		long minimumOnly = (long) request.minimumPerWard() * n;
		if (minimumOnly > request.total()) {
			throw new ApportionmentInfeasible("minimum-infeasible", "A minimum of " + request.minimumPerWard()
					+ " per ward needs " + minimumOnly + " officers for the " + n + " wards of " + scopeName
					+ ", more than the total of " + request.total() + ".");
		}
		List<String> belowMinimum = new ArrayList<>();
		List<String> belowCurrent = new ArrayList<>();
		long capSum = 0;
		long minimumSum = 0;
		for (int i = 0; i < n; i++) {
			if (caps[i] < request.minimumPerWard()) {
				belowMinimum.add(wards.get(i).name() + " (" + wards.get(i).code() + ")");
			}
			else if (request.noLoss() && caps[i] < current[i]) {
				belowCurrent.add(wards.get(i).name() + " has " + current[i] + ", cap " + caps[i]);
			}
			capSum = Math.min(Long.MAX_VALUE / 4, capSum + caps[i]);
			minimumSum += minimums[i];
		}
		if (!belowMinimum.isEmpty()) {
			throw new ApportionmentInfeasible("cap-below-minimum", "The cap is below the minimum of "
					+ request.minimumPerWard() + " per ward for " + summary(belowMinimum) + ".");
		}
		if (!belowCurrent.isEmpty()) {
			throw new ApportionmentInfeasible("no-loss-above-cap",
					"No ward may lose what it has, but the cap is below what some have now: " + summary(belowCurrent) + ".");
		}
		if (minimumSum > request.total()) {
			throw new ApportionmentInfeasible("no-loss-infeasible", "No ward may lose what it has: keeping every ward's "
					+ "current strength (with the minimum of " + request.minimumPerWard() + ") needs " + minimumSum
					+ " officers in " + scopeName + ", more than the total of " + request.total() + ".");
		}
		if (capSum < request.total()) {
			throw new ApportionmentInfeasible("caps-infeasible", "The caps allow at most " + capSum + " officers in the "
					+ n + " wards of " + scopeName + ", fewer than the total of " + request.total() + ".");
		}
	}

	private static String summary(List<String> items) {
		return items.size() <= 5 ? String.join("; ", items)
				: String.join("; ", items.subList(0, 5)) + " and " + (items.size() - 5) + " more";
	}

	private static void validate(OfficerAllocationRequest request) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (request.scope() == null) {
			errors.add(new InvalidInput.FieldError("scope", "FORCE, BCU or BOROUGH"));
		}
		if (request.measure() == null) {
			errors.add(new InvalidInput.FieldError("measure", "one of " + List.of(Measure.values())));
		}
		if (request.method() == null) {
			errors.add(new InvalidInput.FieldError("method", "one of " + List.of(OfficerAllocationRequest.Method.values())));
		}
		if (request.total() < 0 || request.total() > 100_000) {
			errors.add(new InvalidInput.FieldError("total", "0 to 100,000"));
		}
		if (request.minimumPerWard() < 0 || request.minimumPerWard() > 100) {
			errors.add(new InvalidInput.FieldError("minimumPerWard", "0 to 100"));
		}
		if (request.cap().isPresent() && (request.cap().get() < 0 || request.cap().get() > 10_000)) {
			errors.add(new InvalidInput.FieldError("cap", "0 to 10,000"));
		}
		request.wardCaps().forEach((ward, cap) -> {
			if (cap == null || cap < 0 || cap > 10_000) {
				errors.add(new InvalidInput.FieldError("wardCaps." + ward, "0 to 10,000"));
			}
		});
		if (!errors.isEmpty()) {
			throw new InvalidInput("The allocation request has " + errors.size() + " invalid field(s).", errors);
		}
	}

	private static InvalidInput missing(String field, String what) {
		return new InvalidInput("Name the scope: " + what + ".", List.of(new InvalidInput.FieldError(field, what)));
	}

	private LocalDate[] period(OfficerAllocationRequest request) {
		LocalDate[] defaults = DemandData.lastTwelveMonths(LocalDate.now(this.clock));
		LocalDate from = request.from().orElse(defaults[0]);
		LocalDate to = request.to().orElse(request.from().isPresent() ? from.plusYears(1).minusDays(1) : defaults[1]);
		DemandData.checkPeriod(from, to);
		return new LocalDate[] { from, to };
	}

}
