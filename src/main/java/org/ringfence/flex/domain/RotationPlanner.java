package org.ringfence.flex.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ringfence.duties.ActivityClass;
import org.ringfence.duties.FlexDuties.PlannedDuty;
import org.ringfence.flex.FlexRotation;
import org.ringfence.flex.domain.FlexChecks.WardInfo;
import org.ringfence.protocol.FairnessRule;
import org.ringfence.protocol.ProtocolRuleSet;
import org.ringfence.protocol.Rank;
import org.ringfence.protocol.RuleSetTimeline;

/**
 * Plans a rotation for a long-term problem: the days split into successive periods no longer than
 * the protocol's limit, and for each period the officers asked for (constables and PCSOs), each flexed
 * for all their on-ward tours in the period.
 * <p>
 * Hard rules: every providing ward keeps its ring-fence minimum on every day (under the set in force
 * that day); officers come from the receiving ward's borough, not from the receiving ward. Aims, in
 * order: a ward does not provide in two consecutive periods; the load is spread evenly (the sum of
 * squares of each ward's share of duty time abstracted or flexed, which also lowers the largest
 * share). Officers with fewer than half the on-ward tours of the median candidate in a period are
 * not proposed (they would give little cover).
 * <p>
 * Method: greedy (period by period, slot by slot, the candidate that raises the objective least),
 * then local improvement (replace one officer by the best other feasible candidate while that lowers
 * the objective, until no move helps or 50 rounds).
 */
public final class RotationPlanner {

	/** Weight of a ward providing in two consecutive periods (dominates the load term, which is below 1). */
	static final double REPEAT_WEIGHT = 1.0;

	static final int MAX_ROUNDS = 50;

	private RotationPlanner() {
	}

	/**
	 * The problem.
	 * @param officers how many officers of each rank each period
	 */
	public record Problem(String receivingWard, LocalDate firstDay, LocalDate lastDay, Map<Rank, Integer> officers) {
	}

	/**
	 * What the planner reads.
	 * @param wards the receiving borough's wards
	 * @param onWardDuties planned on-ward duties on the borough's wards over the days
	 * @param dutyMinutes each ward team's duty minutes over the fairness window
	 * @param awayMinutes each ward team's minutes abstracted or flexed over the window
	 */
	public record Context(RuleSetTimeline timeline, Map<String, WardInfo> wards, List<PlannedDuty> onWardDuties,
			Map<String, Long> dutyMinutes, Map<String, Long> awayMinutes, Map<Long, String> names) {
	}

	/** A candidate officer in one period. */
	record Candidate(long personId, Rank rank, String ward, List<LocalDate> days, long minutes) {
	}

	public static FlexRotation plan(Problem problem, Context context) {
		long started = System.nanoTime();
		ProtocolRuleSet set = context.timeline().require(problem.firstDay());
		List<LocalDate[]> periods = split(problem.firstDay(), problem.lastDay(), set.duration().maxDays());
		State state = new State(context);
		List<List<Candidate>> candidates = new ArrayList<>();
		for (LocalDate[] period : periods) {
			candidates.add(candidates(problem, context, period[0], period[1]));
		}
		List<List<Candidate>> chosen = new ArrayList<>();
		List<Integer> shortBy = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (int p = 0; p < periods.size(); p++) {
			List<Candidate> picks = new ArrayList<>();
			chosen.add(picks);
			int missing = 0;
			for (Rank rank : Rank.values()) {
				for (int slot = 0; slot < problem.officers().getOrDefault(rank, 0); slot++) {
					Candidate best = null;
					double bestScore = Double.MAX_VALUE;
					for (Candidate c : candidates.get(p)) {
						if (c.rank() != rank || picks.contains(c) || !state.feasible(c)) {
							continue;
						}
						state.add(c);
						picks.add(c);
						double score = state.objective(chosen) - c.minutes() * 1e-9;
						picks.remove(picks.size() - 1);
						state.remove(c);
						if (score < bestScore) {
							bestScore = score;
							best = c;
						}
					}
					if (best == null) {
						missing++;
					}
					else {
						state.add(best);
						picks.add(best);
					}
				}
			}
			shortBy.add(missing);
			if (missing > 0) {
				notes.add("Period " + (p + 1) + ": " + missing + " officer(s) short: no ward can spare more of that rank "
						+ "on all its days without falling below its ring-fence.");
			}
		}
		int improvements = 0;
		for (int round = 0; round < MAX_ROUNDS; round++) {
			boolean improved = false;
			for (int p = 0; p < chosen.size(); p++) {
				List<Candidate> picks = chosen.get(p);
				for (int i = 0; i < picks.size(); i++) {
					Candidate current = picks.get(i);
					double currentScore = state.objective(chosen);
					state.remove(current);
					Candidate best = current;
					double bestScore = currentScore;
					for (Candidate c : candidates.get(p)) {
						if (c.rank() != current.rank() || c.equals(current) || picks.contains(c) || !state.feasible(c)) {
							continue;
						}
						state.add(c);
						picks.set(i, c);
						double score = state.objective(chosen);
						picks.set(i, current);
						state.remove(c);
						if (score < bestScore - 1e-12) {
							bestScore = score;
							best = c;
						}
					}
					state.add(best);
					picks.set(i, best);
					if (!best.equals(current)) {
						improvements++;
						improved = true;
					}
				}
			}
			if (!improved) {
				break;
			}
		}
		return result(problem, context, set, periods, chosen, shortBy, state, improvements, notes, started);
	}

	/** The days first..last in as few periods of at most maxDays as possible, as equal as possible. */
	static List<LocalDate[]> split(LocalDate first, LocalDate last, int maxDays) {
		long days = java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
		int count = (int) ((days + maxDays - 1) / maxDays);
		List<LocalDate[]> periods = new ArrayList<>();
		LocalDate start = first;
		for (int i = 0; i < count; i++) {
			long length = days / count + (i < days % count ? 1 : 0);
			LocalDate end = start.plusDays(length - 1);
			periods.add(new LocalDate[] { start, end });
			start = end.plusDays(1);
		}
		return periods;
	}

	/** Officers of the borough's other wards with on-ward tours on their own ward in the period. */
	static List<Candidate> candidates(Problem problem, Context context, LocalDate from, LocalDate to) {
		Map<Long, List<PlannedDuty>> byPerson = new TreeMap<>();
		for (PlannedDuty duty : context.onWardDuties()) {
			if (duty.activityClass() != ActivityClass.ON_WARD || duty.dutyDate().isBefore(from) || duty.dutyDate().isAfter(to)
					|| duty.wardCode().isEmpty() || !duty.wardCode().equals(duty.teamWard())
					|| duty.wardCode().get().equals(problem.receivingWard()) || !context.wards().containsKey(duty.wardCode().get())
					|| duty.teamRole().flatMap(Rank::ofRole).isEmpty()) {
				continue;
			}
			byPerson.computeIfAbsent(duty.personId(), p -> new ArrayList<>()).add(duty);
		}
		List<Candidate> all = new ArrayList<>();
		byPerson.forEach((person, duties) -> {
			Rank rank = duties.get(0).teamRole().flatMap(Rank::ofRole).orElseThrow();
			TreeSet<LocalDate> days = new TreeSet<>();
			duties.forEach(d -> days.add(d.dutyDate()));
			all.add(new Candidate(person, rank, duties.get(0).wardCode().get(), List.copyOf(days),
					duties.stream().mapToLong(PlannedDuty::minutes).sum()));
		});
		List<Candidate> kept = new ArrayList<>();
		for (Rank rank : Rank.values()) {
			List<Candidate> ofRank = all.stream().filter(c -> c.rank() == rank).toList();
			if (ofRank.isEmpty()) {
				continue;
			}
			List<Integer> counts = ofRank.stream().map(c -> c.days().size()).sorted().toList();
			int median = counts.get(counts.size() / 2);
			ofRank.stream().filter(c -> c.days().size() * 2 >= median).forEach(kept::add);
		}
		kept.sort(Comparator.comparing(Candidate::ward).thenComparingLong(Candidate::personId));
		return kept;
	}

	/** Who is taken from where, and the objective. */
	static final class State {

		final Context context;

		/** ward -> day -> rank -> people on on-ward duty. */
		final Map<String, Map<LocalDate, Map<Rank, Integer>>> onDuty = new HashMap<>();

		/** ward -> day -> rank -> people taken. */
		final Map<String, Map<LocalDate, Map<Rank, Integer>>> taken = new HashMap<>();

		final Map<String, Long> added = new HashMap<>();

		final Map<LocalDate, ProtocolRuleSet> sets = new HashMap<>();

		State(Context context) {
			this.context = context;
			Map<String, Map<LocalDate, Map<Rank, Set<Long>>>> people = new HashMap<>();
			for (PlannedDuty duty : context.onWardDuties()) {
				if (duty.wardCode().isEmpty() || duty.teamRole().flatMap(Rank::ofRole).isEmpty()) {
					continue;
				}
				people.computeIfAbsent(duty.wardCode().get(), w -> new HashMap<>())
					.computeIfAbsent(duty.dutyDate(), d -> new EnumMap<>(Rank.class))
					.computeIfAbsent(duty.teamRole().flatMap(Rank::ofRole).get(), r -> new HashSet<>())
					.add(duty.personId());
			}
			people.forEach((ward, days) -> days.forEach((day, ranks) -> ranks.forEach((rank, set) -> this.onDuty
				.computeIfAbsent(ward, w -> new HashMap<>())
				.computeIfAbsent(day, d -> new EnumMap<>(Rank.class))
				.put(rank, set.size()))));
		}

		ProtocolRuleSet setOn(LocalDate day) {
			return this.sets.computeIfAbsent(day, d -> this.context.timeline().require(d));
		}

		int count(Map<String, Map<LocalDate, Map<Rank, Integer>>> map, String ward, LocalDate day, Rank rank) {
			return map.getOrDefault(ward, Map.of()).getOrDefault(day, Map.of()).getOrDefault(rank, 0);
		}

		boolean feasible(Candidate c) {
			for (LocalDate day : c.days()) {
				int left = count(this.onDuty, c.ward(), day, c.rank()) - count(this.taken, c.ward(), day, c.rank()) - 1;
				if (setOn(day).ringFence().shortfall(c.rank(), left) > 0) {
					return false;
				}
			}
			return true;
		}

		void add(Candidate c) {
			change(c, 1);
		}

		void remove(Candidate c) {
			change(c, -1);
		}

		private void change(Candidate c, int delta) {
			for (LocalDate day : c.days()) {
				this.taken.computeIfAbsent(c.ward(), w -> new HashMap<>())
					.computeIfAbsent(day, d -> new EnumMap<>(Rank.class))
					.merge(c.rank(), delta, Integer::sum);
			}
			this.added.merge(c.ward(), delta * c.minutes(), Long::sum);
		}

		double share(String ward, boolean withRotation) {
			long duty = this.context.dutyMinutes().getOrDefault(ward, 0L);
			if (duty <= 0) {
				return 0;
			}
			long away = this.context.awayMinutes().getOrDefault(ward, 0L) + (withRotation ? this.added.getOrDefault(ward, 0L) : 0);
			return (double) away / duty;
		}

		double objective(List<List<Candidate>> chosen) {
			double load = 0;
			for (String ward : this.context.wards().keySet()) {
				double share = share(ward, true);
				load += share * share;
			}
			int repeats = 0;
			for (int p = 1; p < chosen.size(); p++) {
				Set<String> previous = new HashSet<>();
				chosen.get(p - 1).forEach(c -> previous.add(c.ward()));
				Set<String> current = new HashSet<>();
				chosen.get(p).forEach(c -> current.add(c.ward()));
				current.retainAll(previous);
				repeats += current.size();
			}
			return REPEAT_WEIGHT * repeats + load;
		}

	}

	private static FlexRotation result(Problem problem, Context context, ProtocolRuleSet set, List<LocalDate[]> periods,
			List<List<Candidate>> chosen, List<Integer> shortBy, State state, int improvements, List<String> notes,
			long started) {
		List<FlexRotation.Period> out = new ArrayList<>();
		Map<String, List<Integer>> periodsOfWard = new TreeMap<>();
		for (int p = 0; p < periods.size(); p++) {
			List<FlexRotation.Officer> officers = new ArrayList<>();
			TreeSet<String> wards = new TreeSet<>();
			for (Candidate c : chosen.get(p)) {
				officers.add(new FlexRotation.Officer(c.personId(), context.names().getOrDefault(c.personId(), "person " + c.personId()),
						c.rank(), c.ward(), context.wards().get(c.ward()).name(), c.days().size(), c.minutes()));
				wards.add(c.ward());
				int number = p + 1;
				periodsOfWard.computeIfAbsent(c.ward(), w -> new ArrayList<>()).add(number);
			}
			officers.sort(Comparator.comparing(FlexRotation.Officer::rank).thenComparing(FlexRotation.Officer::providingWardName));
			out.add(new FlexRotation.Period(p + 1, periods.get(p)[0], periods.get(p)[1], officers, shortBy.get(p),
					List.copyOf(wards)));
		}
		Map<String, Double> before = new LinkedHashMap<>();
		Map<String, Double> after = new LinkedHashMap<>();
		List<FlexRotation.WardLoad> loads = new ArrayList<>();
		for (WardInfo ward : context.wards().values().stream().sorted(Comparator.comparing(WardInfo::name)).toList()) {
			if (context.dutyMinutes().getOrDefault(ward.code(), 0L) <= 0) {
				continue;
			}
			before.put(ward.code(), state.share(ward.code(), false));
			after.put(ward.code(), state.share(ward.code(), true));
			loads.add(new FlexRotation.WardLoad(ward.code(), ward.name(), FlexChecks.round(before.get(ward.code())),
					FlexChecks.round(after.get(ward.code())), state.added.getOrDefault(ward.code(), 0L),
					periodsOfWard.getOrDefault(ward.code(), List.of()).stream().distinct().toList()));
		}
		loads.sort(Comparator.comparingDouble(FlexRotation.WardLoad::shareAfter).reversed());
		WardInfo receiving = context.wards().get(problem.receivingWard());
		return new FlexRotation(problem.receivingWard(), receiving == null ? problem.receivingWard() : receiving.name(),
				problem.firstDay(), problem.lastDay(), set.label(), problem.officers().getOrDefault(Rank.CONSTABLE, 0),
				problem.officers().getOrDefault(Rank.PCSO, 0), out, loads,
				FlexChecks.round(FairnessRule.maxToMean(before.values())), FlexChecks.round(FairnessRule.maxToMean(after.values())),
				FlexChecks.round(FairnessRule.gini(before.values())), FlexChecks.round(FairnessRule.gini(after.values())),
				improvements, (System.nanoTime() - started) / 1_000_000, notes);
	}

}
