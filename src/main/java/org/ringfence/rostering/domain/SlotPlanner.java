package org.ringfence.rostering.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ringfence.shifts.PatternShift;
import org.ringfence.shifts.RosterRole;

/**
 * Turns a cluster's shift pattern into the slots of a roster: for every day of the cycle, each
 * shift starts its workersPerDay (for that weekday, Monday first) slots. Slots are spread over the
 * cluster's wards in turn, role by role, in shift order, starting one ward further on each day, so
 * every ward gets early and late tours through the cycle.
 */
public final class SlotPlanner {

	private SlotPlanner() {
	}

	public static List<Slot> slots(List<PatternShift> shifts, List<String> wards, LocalDate start, int weeks) {
		if (wards.isEmpty()) {
			throw new IllegalArgumentException("a cluster without wards cannot be rostered");
		}
		List<PatternShift> ordered = new ArrayList<>(shifts);
		ordered.sort(Comparator.comparing(PatternShift::start).thenComparing(PatternShift::lengthMinutes));
		int days = weeks * 7;
		List<Slot> slots = new ArrayList<>();
		for (int day = 0; day < days; day++) {
			LocalDate date = start.plusDays(day);
			int weekday = date.getDayOfWeek().getValue() - 1;
			Map<RosterRole, Integer> turn = new EnumMap<>(RosterRole.class);
			for (int s = 0; s < ordered.size(); s++) {
				PatternShift shift = ordered.get(s);
				int workers = shift.workersPerDay()[weekday];
				for (int k = 0; k < workers; k++) {
					int n = turn.merge(shift.role(), 1, Integer::sum) - 1;
					String ward = wards.get((n + day) % wards.size());
					slots.add(new Slot("d" + day + "-s" + s + "-" + k, day, days, date, shift.start(), shift.lengthMinutes(),
							shift.role(), ward));
				}
			}
		}
		return slots;
	}

	/**
	 * Each ward's ring-fence minimum on every day, for the roles the pattern rosters (a pattern with
	 * no PCSO tours does not roster PCSOs, so sets them no minimum).
	 */
	public static List<RingFenceNeed> needs(List<PatternShift> shifts, List<String> wards, LocalDate start, int weeks,
			Map<RosterRole, Integer> minimum) {
		Set<RosterRole> rostered = new LinkedHashSet<>();
		shifts.forEach(s -> rostered.add(s.role()));
		List<RingFenceNeed> needs = new ArrayList<>();
		for (int day = 0; day < weeks * 7; day++) {
			for (String ward : wards) {
				for (RosterRole role : rostered) {
					int min = minimum.getOrDefault(role, 0);
					if (min > 0) {
						needs.add(new RingFenceNeed(ward, day, start.plusDays(day), role, min));
					}
				}
			}
		}
		return needs;
	}

}
