package org.ringfence.rostering.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import org.ringfence.shifts.RosterRole;

/**
 * One place on one tour of one day of the roster (a pattern's shift starts workersPerDay of these
 * a day), with the ward it is worked on and the role that fills it. The solver chooses the officer;
 * a slot may stay unfilled (a medium-level violation, listed). A pinned slot keeps its officer.
 */
@PlanningEntity
public class Slot {

	/** Minutes in a day. */
	public static final int DAY = 24 * 60;

	@PlanningId
	private String id;

	private int day;

	private int cycleDays;

	private LocalDate date;

	private int startMinute;

	private int lengthMinutes;

	private RosterRole role;

	private String ward;

	/** The officers of the slot's role: the solver chooses among these only. */
	private List<Officer> candidates = List.of();

	@PlanningVariable(valueRangeProviderRefs = "candidates", allowsUnassigned = true)
	private Officer officer;

	@PlanningPin
	private boolean pinned;

	public Slot() {
	}

	public Slot(String id, int day, int cycleDays, LocalDate date, LocalTime start, int lengthMinutes, RosterRole role,
			String ward) {
		this.id = id;
		this.day = day;
		this.cycleDays = cycleDays;
		this.date = date;
		this.startMinute = start.getHour() * 60 + start.getMinute();
		this.lengthMinutes = lengthMinutes;
		this.role = role;
		this.ward = ward;
	}

	public String getId() {
		return this.id;
	}

	/** Days since the roster's first day (0 based). */
	public int getDay() {
		return this.day;
	}

	/** Days in the roster's rotating cycle (weeks x 7). */
	public int getCycleDays() {
		return this.cycleDays;
	}

	public LocalDate getDate() {
		return this.date;
	}

	public LocalTime getStart() {
		return LocalTime.of(this.startMinute / 60, this.startMinute % 60);
	}

	public int getLengthMinutes() {
		return this.lengthMinutes;
	}

	public RosterRole getRole() {
		return this.role;
	}

	public String getWard() {
		return this.ward;
	}

	@ValueRangeProvider(id = "candidates")
	public List<Officer> getCandidates() {
		return this.candidates;
	}

	public void setCandidates(List<Officer> candidates) {
		this.candidates = candidates;
	}

	public Officer getOfficer() {
		return this.officer;
	}

	public void setOfficer(Officer officer) {
		this.officer = officer;
	}

	public boolean isPinned() {
		return this.pinned;
	}

	public void setPinned(boolean pinned) {
		this.pinned = pinned;
	}

	/** Minutes from the roster's first midnight to the start of the tour. */
	public int startsAt() {
		return this.day * DAY + this.startMinute;
	}

	public int endsAt() {
		return startsAt() + this.lengthMinutes;
	}

	/** An evening tour: working after 20:00 (ends after 20:00 the same day, or crosses midnight). */
	public boolean isEvening() {
		return this.startMinute + this.lengthMinutes > 20 * 60 && !isNight();
	}

	/** A night tour: working between midnight and 06:00. */
	public boolean isNight() {
		return this.startMinute < 6 * 60 || this.startMinute + this.lengthMinutes > DAY;
	}

	public boolean isWeekend() {
		DayOfWeek weekday = this.date.getDayOfWeek();
		return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
	}

	@Override
	public String toString() {
		return this.id + " " + this.date + " " + getStart() + "+" + this.lengthMinutes + " " + this.role + " " + this.ward
				+ " -> " + this.officer;
	}

}
