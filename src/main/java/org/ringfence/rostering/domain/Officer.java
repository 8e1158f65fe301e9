package org.ringfence.rostering.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.ringfence.shifts.RosterRole;

/**
 * An officer a roster may give tours to: their roster role, home ward (empty when posted to the
 * cluster rather than a ward), and what is already fixed in the period: days with a recorded duty
 * (leave, sickness, training, an earlier tour, a recorded rest day) and those duties' times, as
 * minutes from the roster's first midnight (local time).
 */
public final class Officer {

	private final long personId;

	private final String name;

	private final RosterRole role;

	private final Optional<String> homeWard;

	private final Set<Integer> fixedDays;

	private final List<Absence> absences;

	private final List<Prior> priors;

	private final Preferences preferences;

	/**
	 * A duty worked (planned or actual) before the roster starts, as a fixed fact: its code and end, in
	 * minutes from the roster's first midnight (negative when it ends before the start).
	 */
	public record Prior(String code, int endMinute) {
	}

	/** A fixed commitment: its code (e.g. AL, SICK, TRAIN), day index and minutes [from, to) from the roster's start. */
	public record Absence(String code, int day, int fromMinute, int toMinute) {
	}

	public Officer(long personId, String name, RosterRole role, Optional<String> homeWard, List<Absence> absences) {
		this(personId, name, role, homeWard, absences, List.of(), Preferences.NONE);
	}

	public Officer(long personId, String name, RosterRole role, Optional<String> homeWard, List<Absence> absences,
			List<Prior> priors) {
		this(personId, name, role, homeWard, absences, priors, Preferences.NONE);
	}

	/**
	 * An officer with the duties they work in the day before the roster starts (for the 11 hours'
	 * rest) and their preferences.
	 */
	public Officer(long personId, String name, RosterRole role, Optional<String> homeWard, List<Absence> absences,
			List<Prior> priors, Preferences preferences) {
		this.priors = List.copyOf(priors);
		this.preferences = preferences == null ? Preferences.NONE : preferences;
		this.personId = personId;
		this.name = Objects.requireNonNull(name, "name");
		this.role = Objects.requireNonNull(role, "role");
		this.homeWard = homeWard == null ? Optional.empty() : homeWard;
		this.absences = List.copyOf(absences);
		this.fixedDays = this.absences.stream().map(Absence::day).collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	public long personId() {
		return this.personId;
	}

	public String name() {
		return this.name;
	}

	public RosterRole role() {
		return this.role;
	}

	public Optional<String> homeWard() {
		return this.homeWard;
	}

	public List<Absence> absences() {
		return this.absences;
	}

	/** The fixed commitment a tour on this day and at these minutes would clash with, if any. */
	public Optional<Absence> clash(int day, int fromMinute, int toMinute) {
		if (this.absences.isEmpty()) {
			return Optional.empty();
		}
		return this.absences.stream()
			.filter(a -> a.day() == day || (a.fromMinute() < toMinute && fromMinute < a.toMinute()))
			.findFirst();
	}

	public Preferences preferences() {
		return this.preferences;
	}

	public List<Prior> priors() {
		return this.priors;
	}

	/**
	 * Minutes short of 11 hours' rest between the latest-ending duty before the roster and a tour
	 * starting at this minute (0 when kept); a tour starting before such a duty ends is short by the
	 * overlap plus 11 hours.
	 */
	public int restShortAfterPriors(int startMinute) {
		int worst = 0;
		for (Prior prior : this.priors) {
			worst = Math.max(worst, RestRules.MIN_REST_MINUTES - (startMinute - prior.endMinute()));
		}
		return worst;
	}

	/** The prior duty whose end leaves the least rest before a tour starting at this minute. */
	public Optional<Prior> latestPrior() {
		return this.priors.stream().max(java.util.Comparator.comparingInt(Prior::endMinute));
	}

	public boolean hasFixedDay(int day) {
		return this.fixedDays.contains(day);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Officer o && o.personId == this.personId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(this.personId);
	}

	@Override
	public String toString() {
		return this.name + " (" + this.personId + ")";
	}

}
