package org.ringfence.rostering.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The rules of a roster as constraint streams. Hard: the right role, fixed absences, 11 hours'
 * rest, at most 6 days in a row, two rest days a week on average, each ward's ring-fence minimum.
 * Medium: every slot filled. Soft: evenings, nights and weekends spread evenly (sum of squares),
 * officers on their own ward's tours.
 */
public class RosterConstraints implements ConstraintProvider {

	public static final String ROLE = "Right role";

	public static final String ABSENCE = "Leave and other fixed absences";

	public static final String REST = "11 hours between tours";

	public static final String REST_BEFORE = "11 hours after duties before the roster";

	public static final String CONSECUTIVE = "Rest day at least every 7 days";

	public static final String AVERAGE_REST = "Two rest days a week on average";

	public static final String RING_FENCE = "Ward ring-fence minimum";

	public static final String UNFILLED = "Slot filled";

	public static final String EVENINGS = "Evenings spread evenly";

	public static final String NIGHTS = "Nights spread evenly";

	public static final String WEEKENDS = "Weekends spread evenly";

	public static final String OWN_WARD = "Own ward's tours";

	public static final String PREFERENCES = "Officers' preferences";

	/** Soft weight of each preference a tour goes against. */
	static final int PREFERENCE_WEIGHT = 2;

	/** Soft weight of a tour on another ward than the officer's own. */
	static final int OWN_WARD_WEIGHT = 3;

	@Override
	public Constraint[] defineConstraints(ConstraintFactory factory) {
		return new Constraint[] { rightRole(factory), absence(factory), rest(factory), restBefore(factory),
				consecutiveDays(factory),
				averageRest(factory), ringFence(factory), unfilled(factory), spread(factory, EVENINGS, Kind.EVENING),
				spread(factory, NIGHTS, Kind.NIGHT), spread(factory, WEEKENDS, Kind.WEEKEND), ownWard(factory),
				preferences(factory) };
	}

	Constraint rightRole(ConstraintFactory factory) {
		return factory.forEach(Slot.class)
			.filter(s -> s.getOfficer().role() != s.getRole())
			.penalize(HardMediumSoftScore.ONE_HARD, s -> 10)
			.justifyWith((s, score) -> Breach.of(s.getOfficer(), List.of(s.getDate()),
					s.getOfficer().name() + " (" + s.getOfficer().role() + ") is on a " + s.getRole() + " tour at "
							+ s.getStart() + " on " + s.getDate()))
			.asConstraint(ROLE);
	}

	Constraint absence(ConstraintFactory factory) {
		return factory.forEach(Slot.class)
			.filter(s -> s.getOfficer().clash(s.getDay(), s.startsAt(), s.endsAt()).isPresent())
			.penalize(HardMediumSoftScore.ONE_HARD, s -> 10)
			.justifyWith((s, score) -> Breach.of(s.getOfficer(), List.of(s.getDate()),
					s.getOfficer().name() + " has " + s.getOfficer().clash(s.getDay(), s.startsAt(), s.endsAt()).get().code()
							+ " recorded on " + s.getDate() + " but is rostered at " + s.getStart()))
			.asConstraint(ABSENCE);
	}

	Constraint rest(ConstraintFactory factory) {
		return factory.forEachUniquePair(Slot.class, Joiners.equal(Slot::getOfficer))
			.filter((a, b) -> shortfall(a, b) > 0)
			.penalize(HardMediumSoftScore.ONE_HARD, (a, b) -> 1 + shortfall(a, b) / 60)
			.justifyWith((a, b, score) -> Breach.of(a.getOfficer(), List.of(a.getDate(), b.getDate()),
					a.getOfficer().name() + "'s tours at " + a.getStart() + " on " + a.getDate() + " and " + b.getStart()
							+ " on " + b.getDate() + " leave " + shortfall(a, b) + " minutes less than 11 hours' rest"))
			.asConstraint(REST);
	}

	/** The officer's duties in the day before the roster starts leave 11 hours before their first tours. */
	Constraint restBefore(ConstraintFactory factory) {
		return factory.forEach(Slot.class)
			.filter(s -> s.getOfficer().restShortAfterPriors(s.startsAt()) > 0)
			.penalize(HardMediumSoftScore.ONE_HARD, s -> 1 + s.getOfficer().restShortAfterPriors(s.startsAt()) / 60)
			.justifyWith((s, score) -> Breach.of(s.getOfficer(), List.of(s.getDate()),
					s.getOfficer().name() + "'s " + s.getOfficer().latestPrior().map(Officer.Prior::code).orElse("duty")
							+ " before the roster starts leaves " + s.getOfficer().restShortAfterPriors(s.startsAt())
							+ " minutes less than 11 hours' rest before the tour at " + s.getStart() + " on " + s.getDate()))
			.asConstraint(REST_BEFORE);
	}

	static int shortfall(Slot a, Slot b) {
		return RestRules.restShortfall(a.startsAt(), a.getLengthMinutes(), b.startsAt(), b.getLengthMinutes(),
				a.getCycleDays() * Slot.DAY);
	}

	Constraint consecutiveDays(ConstraintFactory factory) {
		return factory.forEach(Slot.class)
			.groupBy(Slot::getOfficer, ConstraintCollectors.toSet())
			.filter((officer, slots) -> excessDays(slots) > 0)
			.penalize(HardMediumSoftScore.ONE_HARD, (officer, slots) -> excessDays(slots))
			.justifyWith((officer, slots, score) -> Breach.of(officer, overlongRunDates(slots), officer.name() + " works "
					+ excessDays(slots) + " day(s) beyond 6 in a row without a rest day"))
			.asConstraint(CONSECUTIVE);
	}

	static int excessDays(Set<Slot> slots) {
		int cycle = slots.iterator().next().getCycleDays();
		return RestRules.excessConsecutiveDays(slots.stream().map(Slot::getDay).collect(Collectors.toSet()), cycle);
	}

	/** The dates of the runs of more than 6 working days (round the cycle). */
	static List<LocalDate> overlongRunDates(Set<Slot> slots) {
		Slot any = slots.iterator().next();
		int cycle = any.getCycleDays();
		LocalDate first = any.getDate().minusDays(any.getDay());
		Set<Integer> days = slots.stream().map(Slot::getDay).collect(Collectors.toSet());
		List<LocalDate> dates = new ArrayList<>();
		if (days.size() >= cycle) {
			days.forEach(d -> dates.add(first.plusDays(d)));
			return dates;
		}
		int rest = 0;
		while (days.contains(rest)) {
			rest++;
		}
		List<Integer> run = new ArrayList<>();
		for (int i = 1; i <= cycle; i++) {
			int day = (rest + i) % cycle;
			if (days.contains(day)) {
				run.add(day);
			}
			if (!days.contains(day) || i == cycle) {
				if (run.size() > RestRules.MAX_CONSECUTIVE_DAYS) {
					run.forEach(d -> dates.add(first.plusDays(d)));
				}
				run.clear();
			}
		}
		return dates;
	}

	Constraint averageRest(ConstraintFactory factory) {
		return factory.forEach(Slot.class)
			.groupBy(Slot::getOfficer, ConstraintCollectors.countDistinct(Slot::getDay),
					ConstraintCollectors.max(Slot::getCycleDays))
			.filter((officer, days, cycle) -> RestRules.excessWorkingDays(days, cycle / 7) > 0)
			.penalize(HardMediumSoftScore.ONE_HARD, (officer, days, cycle) -> RestRules.excessWorkingDays(days, cycle / 7))
			.justifyWith((officer, days, cycle, score) -> Breach.of(officer, List.of(),
					officer.name() + " works " + days + " days in " + cycle / 7 + " week(s): at most "
							+ RestRules.WORKING_DAYS_PER_WEEK * (cycle / 7) + " leave two rest days a week"))
			.asConstraint(AVERAGE_REST);
	}

	Constraint ringFence(ConstraintFactory factory) {
		return factory.forEach(RingFenceNeed.class)
			.join(Slot.class, Joiners.equal(RingFenceNeed::ward, Slot::getWard),
					Joiners.equal(RingFenceNeed::day, Slot::getDay), Joiners.equal(RingFenceNeed::role, Slot::getRole))
			.groupBy((need, slot) -> need, ConstraintCollectors.countBi())
			.concat(factory.forEach(RingFenceNeed.class)
				.ifNotExists(Slot.class, Joiners.equal(RingFenceNeed::ward, Slot::getWard),
						Joiners.equal(RingFenceNeed::day, Slot::getDay), Joiners.equal(RingFenceNeed::role, Slot::getRole)),
					need -> 0)
			.filter((need, count) -> count < need.minimum())
			.penalize(HardMediumSoftScore.ONE_HARD, (need, count) -> need.minimum() - count)
			.justifyWith((need, count, score) -> Breach.of(List.of(need.date()), "Ward " + need.ward() + " has " + count
					+ " " + need.role() + " tour(s) on " + need.date() + ", below its ring-fence minimum of " + need.minimum()))
			.asConstraint(RING_FENCE);
	}

	Constraint unfilled(ConstraintFactory factory) {
		return factory.forEachIncludingUnassigned(Slot.class)
			.filter(s -> s.getOfficer() == null)
			.penalize(HardMediumSoftScore.ONE_MEDIUM)
			.justifyWith((s, score) -> Breach.of(List.of(s.getDate()), "No " + s.getRole() + " for the " + s.getStart()
					+ " tour on " + s.getDate() + " (ward " + s.getWard() + ")"))
			.asConstraint(UNFILLED);
	}

	enum Kind {

		EVENING, NIGHT, WEEKEND;

		boolean of(Slot slot) {
			return switch (this) {
				case EVENING -> slot.isEvening();
				case NIGHT -> slot.isNight();
				case WEEKEND -> slot.isWeekend();
			};
		}

	}

	Constraint spread(ConstraintFactory factory, String name, Kind kind) {
		return factory.forEach(Slot.class)
			.filter(kind::of)
			.groupBy(Slot::getOfficer, ConstraintCollectors.count())
			.penalize(HardMediumSoftScore.ONE_SOFT, (officer, count) -> count * count)
			.justifyWith((officer, count, score) -> Breach.of(officer, List.of(),
					officer.name() + " has " + count + " " + kind.name().toLowerCase() + " tour(s)"))
			.asConstraint(name);
	}

	/** Each tour against one of its officer's preferences (rest weekdays, tour times) costs 2 per preference. */
	Constraint preferences(ConstraintFactory factory) {
		return factory.forEach(Slot.class)
			.filter(s -> !brokenPreferences(s).isEmpty())
			.penalize(HardMediumSoftScore.ONE_SOFT, s -> PREFERENCE_WEIGHT * brokenPreferences(s).size())
			.justifyWith((s, score) -> Breach.of(s.getOfficer(), List.of(s.getDate()),
					s.getOfficer().name() + "'s tour at " + s.getStart() + " on " + s.getDate() + " goes against their wish: "
							+ String.join(", ", brokenPreferences(s))))
			.asConstraint(PREFERENCES);
	}

	static List<String> brokenPreferences(Slot s) {
		return s.getOfficer().preferences().brokenBy(s.getDate(), s.getStart(), s.getLengthMinutes());
	}

	Constraint ownWard(ConstraintFactory factory) {
		return factory.forEach(Slot.class)
			.filter(s -> s.getOfficer().homeWard().isPresent() && !s.getOfficer().homeWard().get().equals(s.getWard()))
			.penalize(HardMediumSoftScore.ONE_SOFT, s -> OWN_WARD_WEIGHT)
			.justifyWith((s, score) -> Breach.of(s.getOfficer(), List.of(s.getDate()), s.getOfficer().name() + " of ward "
					+ s.getOfficer().homeWard().get() + " works on ward " + s.getWard() + " on " + s.getDate()))
			.asConstraint(OWN_WARD);
	}

}
