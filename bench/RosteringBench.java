import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import org.ringfence.rostering.domain.Officer;
import org.ringfence.rostering.domain.RosterPlan;
import org.ringfence.rostering.domain.RosterSolving;
import org.ringfence.rostering.domain.Slot;
import org.ringfence.rostering.domain.SlotPlanner;
import org.ringfence.shifts.PatternShift;
import org.ringfence.shifts.RosterRole;

/**
 * The rostering benchmark's measuring program (bench/rostering runs it). Single file, run against
 * the application's own classes and libraries (the jar extracted):
 *
 * <pre>
 * java -cp 'DIR/ringfence.jar:DIR/lib/*' bench/RosteringBench.java [--officers 30] [--weeks 12] [--seconds 60]
 * </pre>
 *
 * Builds a synthetic cluster of 4 wards and N officers (about two thirds constables, a quarter
 * PCSOs, the rest sergeants; a few with a week of annual leave), a pattern that asks for about 85%
 * of their working days (early, late and Friday/Saturday evening tours), and solves it with the
 * same solver configuration and constraints as the application, for the time limit. Measures the
 * time to the first roster with no hard violation, and with no unfilled slot either, the final
 * score, and the solver's move evaluation speed (moves/s).
 *
 * Output: RESULT key value lines; INFO lines. Exit 0 when measured.
 */
public class RosteringBench {

	public static void main(String[] args) throws Exception {
		int officers = 30;
		int weeks = 12;
		int seconds = 60;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--officers" -> officers = Integer.parseInt(args[++i]);
				case "--weeks" -> weeks = Integer.parseInt(args[++i]);
				case "--seconds" -> seconds = Integer.parseInt(args[++i]);
				default -> {
					System.err.println("unknown option " + args[i]);
					System.exit(2);
				}
			}
		}
		LocalDate start = LocalDate.of(2047, 1, 7); // a Monday
		List<String> wards = List.of("W1", "W2", "W3", "W4");
		int sergeants = Math.max(1, officers / 15);
		int pcsos = Math.max(wards.size(), officers / 4);
		int constables = officers - sergeants - pcsos;
		List<Officer> people = new ArrayList<>();
		long id = 1;
		for (int i = 0; i < constables; i++, id++) {
			people.add(officer(id, "PC " + id, RosterRole.CONSTABLE, wards.get(i % wards.size()), i < 3 ? i : -1, weeks));
		}
		for (int i = 0; i < pcsos; i++, id++) {
			people.add(officer(id, "PCSO " + id, RosterRole.PCSO, wards.get(i % wards.size()), i == 0 ? 4 : -1, weeks));
		}
		for (int i = 0; i < sergeants; i++, id++) {
			people.add(officer(id, "PS " + id, RosterRole.SERGEANT, wards.get(i % wards.size()), -1, weeks));
		}
		// about 85% of the working days (5 a week) of each role
		int constableTours = (int) Math.round(constables * 5 * 0.85);
		int pcsoTours = (int) Math.round(pcsos * 5 * 0.85);
		List<PatternShift> shifts = new ArrayList<>();
		int evening = 2;
		int[] constableDays = spread(Math.max(wards.size() * 7, constableTours - evening));
		shifts.add(new PatternShift(LocalTime.of(7, 0), 480, RosterRole.CONSTABLE, part(constableDays, 1, 2)));
		shifts.add(new PatternShift(LocalTime.of(15, 0), 480, RosterRole.CONSTABLE, rest(constableDays, part(constableDays, 1, 2))));
		shifts.add(new PatternShift(LocalTime.of(19, 0), 480, RosterRole.CONSTABLE, new int[] { 0, 0, 0, 0, 1, 1, 0 }));
		int[] pcsoDays = spread(Math.max(wards.size() * 7, pcsoTours));
		shifts.add(new PatternShift(LocalTime.of(8, 0), 480, RosterRole.PCSO, part(pcsoDays, 3, 5)));
		shifts.add(new PatternShift(LocalTime.of(14, 0), 480, RosterRole.PCSO, rest(pcsoDays, part(pcsoDays, 3, 5))));
		shifts.add(new PatternShift(LocalTime.of(10, 0), 480, RosterRole.SERGEANT, spread(Math.min(7, sergeants * 4))));
		Map<RosterRole, Integer> minimum = new EnumMap<>(RosterRole.class);
		minimum.put(RosterRole.CONSTABLE, 1);
		minimum.put(RosterRole.PCSO, 1);
		RosterPlan plan = new RosterPlan(start, weeks, people, SlotPlanner.needs(shifts, wards, start, weeks, minimum),
				SlotPlanner.slots(shifts, wards, start, weeks));
		System.out.println("INFO officers " + people.size() + " (" + constables + " constables, " + pcsos + " PCSOs, "
				+ sergeants + " sergeants), " + weeks + " weeks, " + plan.getSlots().size() + " slots, time limit "
				+ seconds + " s");
		SolverFactory<RosterPlan> factory = SolverFactory
			.create(RosterSolving.config(Duration.ofSeconds(seconds), null));
		long t0 = System.nanoTime();
		AtomicLong feasibleNanos = new AtomicLong(-1);
		AtomicLong filledNanos = new AtomicLong(-1);
		AtomicReference<HardMediumSoftScore> first = new AtomicReference<>();
		try (SolverManager<RosterPlan, Long> manager = SolverManager.create(factory, new SolverManagerConfig())) {
			SolverJob<RosterPlan, Long> job = manager.solveBuilder()
				.withProblemId(1L)
				.withProblem(plan)
				.withFirstInitializedSolutionConsumer((s, isTerminatedEarly) -> first.set(s.getScore()))
				.withBestSolutionConsumer(best -> {
					HardMediumSoftScore score = best.getScore();
					if (score == null || !best.getSlots().stream().allMatch(s -> true)) {
						return;
					}
					long now = System.nanoTime() - t0;
					if (score.hardScore() == 0 && feasibleNanos.get() < 0) {
						feasibleNanos.set(now);
					}
					if (score.hardScore() == 0 && score.mediumScore() == 0 && filledNanos.get() < 0) {
						filledNanos.set(now);
					}
				})
				.run();
			RosterPlan solved = job.getFinalBestSolution();
			long total = System.nanoTime() - t0;
			HardMediumSoftScore score = solved.getScore();
			long unfilled = solved.getSlots().stream().filter(s -> s.getOfficer() == null).count();
			result("officers", people.size());
			result("weeks", weeks);
			result("slots", plan.getSlots().size());
			result("time_limit_s", seconds);
			result("time_to_feasible_s", feasibleNanos.get() < 0 ? "nan" : secs(feasibleNanos.get()));
			result("time_to_feasible_filled_s", filledNanos.get() < 0 ? "nan" : secs(filledNanos.get()));
			result("solve_s", secs(total));
			result("final_hard", score.hardScore());
			result("final_medium", score.mediumScore());
			result("final_soft", score.softScore());
			result("first_initialized_score", first.get() == null ? "nan" : first.get().toString());
			result("first_initialized_hard", first.get() == null ? "nan" : first.get().hardScore());
			result("unfilled_slots", unfilled);
			result("move_evaluation_speed", job.getMoveEvaluationSpeed());
			result("move_evaluation_count", job.getMoveEvaluationCount());
			result("score_calculation_speed", job.getScoreCalculationSpeed());
			System.out.println("INFO final score " + score + " after " + secs(total) + " s");
		}
	}

	static Officer officer(long id, String name, RosterRole role, String ward, int leaveWeek, int weeks) {
		List<Officer.Absence> absences = new ArrayList<>();
		if (leaveWeek >= 0 && leaveWeek < weeks) {
			for (int d = 0; d < 7; d++) {
				int day = leaveWeek * 7 + d + 2;
				if (day < weeks * 7) {
					absences.add(new Officer.Absence("AL", day, day * Slot.DAY, (day + 1) * Slot.DAY));
				}
			}
		}
		return new Officer(id, name, role, Optional.of(ward), absences);
	}

	/** N tours a week spread over the days, Monday first. */
	static int[] spread(int perWeek) {
		int[] days = new int[7];
		for (int i = 0; i < perWeek; i++) {
			days[(i * 3) % 7]++; // 3 is coprime to 7: every day in turn
		}
		return days;
	}

	/** Each day's share num/den of the tours (rounded up). */
	static int[] part(int[] days, int num, int den) {
		int[] part = new int[7];
		for (int d = 0; d < 7; d++) {
			part[d] = (days[d] * num + den - 1) / den;
		}
		return part;
	}

	static int[] rest(int[] days, int[] part) {
		int[] rest = new int[7];
		for (int d = 0; d < 7; d++) {
			rest[d] = days[d] - part[d];
		}
		return rest;
	}

	static String secs(long nanos) {
		return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
	}

	static void result(String key, Object value) {
		System.out.println("RESULT " + key + " " + value);
	}

}
