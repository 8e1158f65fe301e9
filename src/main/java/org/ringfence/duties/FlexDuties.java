package org.ringfence.duties;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.ringfence.duties.domain.NoticeWindow;
import org.ringfence.duties.persistence.FlexDutyQueries;
import org.ringfence.duties.persistence.FlexDutyQueries.Assignment;
import org.ringfence.duties.persistence.FlexDutyQueries.Change;
import org.ringfence.duties.persistence.FlexDutyQueries.HistoryRow;
import org.ringfence.duties.persistence.FlexDutyQueries.Row;
import org.ringfence.platform.Actor;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.StateChange;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duties module's API for flex: who is on which ward when (planned duties, with each person's
 * team role), the load of abstraction and flex on ward teams, and the resource office's update of
 * the duty records when a flex is authorised (the "Authorised SNT flex" code and the receiving ward
 * on the named officers' planned duties) and when it ends (the remaining days given back their
 * earlier code and ward). Changes keep each duty's earlier version and publish an audit event per
 * duty, as {@link DutyService} does; they run in the caller's transaction.
 */
@Service
public class FlexDuties {

	/** The activity code of authorised SNT flex (seeded with the 2011 classification). */
	public static final String FLEX_CODE = "FLEX";

	private final FlexDutyQueries queries;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	FlexDuties(FlexDutyQueries queries, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
		this.queries = queries;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * A planned duty as flex sees it.
	 * @param wardCode where it is worked (empty when not on a ward)
	 * @param teamRole the person's role in their ward team on the day (empty when not in a ward team)
	 * @param teamWard the ward team the person belongs to on the day
	 * @param flexReference the flex that gave it the flex code, while it carries it
	 */
	public record PlannedDuty(long dutyId, int version, long personId, LocalDate dutyDate, Instant startsAt,
			Instant endsAt, Optional<String> wardCode, String activityCode, ActivityClass activityClass,
			Optional<String> teamRole, Optional<String> teamWard, Optional<String> flexReference) {

		public PlannedDuty {
			Objects.requireNonNull(activityClass, "activityClass");
			wardCode = wardCode == null ? Optional.empty() : wardCode;
			teamRole = teamRole == null ? Optional.empty() : teamRole;
			teamWard = teamWard == null ? Optional.empty() : teamWard;
			flexReference = flexReference == null ? Optional.empty() : flexReference;
		}

		public long minutes() {
			return java.time.Duration.between(this.startsAt, this.endsAt).toMinutes();
		}

	}

	/** Planned duties of these people with duty dates first..last. */
	@Transactional(readOnly = true)
	public List<PlannedDuty> plannedDutiesOf(Collection<Long> people, LocalDate first, LocalDate last) {
		return this.queries.ofPeople(people, first, last).stream().map(FlexDuties::planned).toList();
	}

	/** Planned on-ward duties (class ON_WARD) worked on these wards with duty dates first..last. */
	@Transactional(readOnly = true)
	public List<PlannedDuty> onWardDuties(Collection<String> wards, LocalDate first, LocalDate last) {
		return this.queries.onWard(wards, first, last).stream().map(FlexDuties::planned).toList();
	}

	/**
	 * The load on a borough's ward teams over first..last: duty minutes, minutes abstracted and
	 * minutes of authorised flex given, by team ward (actual duties before {@code today}, planned
	 * from then on).
	 */
	public record WardLoad(String wardCode, long dutyMinutes, long abstractedMinutes, long flexMinutes) {
	}

	@Transactional(readOnly = true)
	public List<WardLoad> wardLoads(String boroughCode, LocalDate first, LocalDate last, LocalDate today) {
		return wardLoads(Optional.of(boroughCode), first, last, today);
	}

	/** As {@link #wardLoads(String, LocalDate, LocalDate, LocalDate)}, for one borough or all London. */
	@Transactional(readOnly = true)
	public List<WardLoad> wardLoads(Optional<String> boroughCode, LocalDate first, LocalDate last, LocalDate today) {
		return this.queries.loads(boroughCode, first, last, today)
			.stream()
			.map(l -> new WardLoad(l.wardCode(), l.dutyMinutes(), l.abstractedMinutes(), l.flexMinutes()))
			.toList();
	}

	/** Duty and flex minutes of ward-team members by month of duty date (actual before today, planned after). */
	public record MonthlyFlex(String month, long dutyMinutes, long flexMinutes) {
	}

	@Transactional(readOnly = true)
	public List<MonthlyFlex> monthlyFlex(Optional<String> boroughCode, LocalDate first, LocalDate last, LocalDate today) {
		return this.queries.months(boroughCode, first, last, today)
			.stream()
			.map(m -> new MonthlyFlex(m.month(), m.dutyMinutes(), m.flexMinutes()))
			.toList();
	}

	/** A duty a flex changed: what it carried before, where it went, and whether it has been given back. */
	public record FlexedDuty(long dutyId, long personId, LocalDate dutyDate, String previousCode,
			Optional<String> previousWard, String receivingWard, Instant flexedAt, Optional<Instant> releasedAt) {
	}

	/** The duties a flex changed, by date. */
	@Transactional(readOnly = true)
	public List<FlexedDuty> flexedDuties(String flexReference) {
		return this.queries.assignments(flexReference).stream().map(FlexDuties::flexed).toList();
	}

	/**
	 * Gives planned duties the flex code and the receiving ward, at the versions the caller read. Each
	 * must be a planned on-ward duty not already flexed; any that changed meanwhile refuses the lot.
	 * @return the duties changed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<FlexedDuty> flex(String flexReference, String boroughCode, String receivingWard,
			Map<Long, Integer> versionsByDuty) {
		String actor = Actor.current();
		List<Row> rows = this.queries.lockDuties(versionsByDuty.keySet());
		if (rows.size() != versionsByDuty.size()) {
			throw new OptimisticLockingFailureException("Some of the duties to flex no longer exist as planned duties.");
		}
		List<Change> changes = new ArrayList<>();
		List<FlexDutyQueries.Assignment> assignments = new ArrayList<>();
		for (Row row : rows) {
			if (row.version() != versionsByDuty.get(row.dutyId())) {
				throw new OptimisticLockingFailureException("Duty " + row.dutyId() + " changed since it was checked.");
			}
			if (row.flexReference() != null || row.activityClass() != ActivityClass.ON_WARD) {
				throw new DomainRuleViolation("duty-not-on-ward", "Duty " + row.dutyId() + " of " + row.dutyDate()
						+ " is no longer an on-ward duty (" + row.activityCode() + "): it cannot be flexed.");
			}
			changes.add(new Change(row.dutyId(), row.version(), FLEX_CODE, receivingWard));
			assignments.add(new Assignment(0, row.dutyId(), row.personId(), row.dutyDate(), row.activityCode(),
					row.wardCode(), receivingWard, null, null));
		}
		keepHistory(rows);
		if (this.queries.apply(changes, actor) != changes.size()) {
			throw new OptimisticLockingFailureException("Some duties changed while being flexed.");
		}
		this.queries.insertAssignments(flexReference, assignments, actor);
		for (Row row : rows) {
			Map<String, Object> after = state(row);
			after.put("code", FLEX_CODE);
			after.put("ward", receivingWard);
			after.put("version", row.version() + 1);
			after.put("flex", flexReference);
			String action = "duty flexed";
			if (frozen(row)) { // the authorised flex is the exigency of duty; said in the audit trail
				action = "rostered duty flexed for exigencies of duty";
				after.put("exigenciesOfDuty", "Exigencies of duty: flex " + flexReference + " authorised (deployed to "
						+ receivingWard + ")");
			}
			this.events.publishEvent(StateChange.changed(action, "duty", Long.toString(row.dutyId()), boroughCode,
					state(row), after));
		}
		List<Long> changed = rows.stream().map(Row::dutyId).toList();
		return flexedDuties(flexReference).stream().filter(f -> changed.contains(f.dutyId())).toList();
	}

	/**
	 * Gives back the duties a flex changed with duty dates on or after a day: each returns to its
	 * earlier code and ward. A duty changed by someone else since the flex (e.g. turned into sickness)
	 * is left as it is and only marked released.
	 * @return the duties released
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<FlexedDuty> release(String flexReference, String boroughCode, LocalDate fromDay) {
		String actor = Actor.current();
		List<Assignment> open = this.queries.assignments(flexReference)
			.stream()
			.filter(a -> a.releasedAt() == null && !a.dutyDate().isBefore(fromDay))
			.toList();
		if (open.isEmpty()) {
			return List.of();
		}
		Map<Long, Assignment> byDuty = new LinkedHashMap<>();
		open.forEach(a -> byDuty.put(a.dutyId(), a));
		List<Row> rows = this.queries.lockDuties(byDuty.keySet());
		List<Change> changes = new ArrayList<>();
		List<Row> restored = new ArrayList<>();
		for (Row row : rows) {
			Assignment a = byDuty.get(row.dutyId());
			if (FLEX_CODE.equals(row.activityCode()) && a.receivingWard().equals(row.wardCode())) {
				changes.add(new Change(row.dutyId(), row.version(), a.previousCode(), a.previousWard()));
				restored.add(row);
			}
		}
		keepHistory(restored);
		if (this.queries.apply(changes, actor) != changes.size()) {
			throw new OptimisticLockingFailureException("Some duties changed while being released.");
		}
		this.queries.markReleased(open.stream().map(Assignment::id).toList(), actor);
		for (Row row : restored) {
			Assignment a = byDuty.get(row.dutyId());
			Map<String, Object> after = state(row);
			after.put("code", a.previousCode());
			after.put("ward", a.previousWard() == null ? "" : a.previousWard());
			after.put("version", row.version() + 1);
			after.put("flex", flexReference);
			String action = "duty released from flex";
			if (frozen(row)) {
				action = "rostered duty released from flex for exigencies of duty";
				after.put("exigenciesOfDuty", "Exigencies of duty: flex " + flexReference
						+ " ended early; the tour returns to its rostered post");
			}
			this.events.publishEvent(StateChange.changed(action, "duty", Long.toString(row.dutyId()), boroughCode,
					state(row), after));
		}
		List<Long> released = open.stream().map(Assignment::dutyId).toList();
		return flexedDuties(flexReference).stream().filter(f -> released.contains(f.dutyId())).toList();
	}

	/**
	 * Whether the duty is a published roster's tour inside the month's notice window: a flex may still
	 * change it (an authorised flex is an exigency of duty) and the change says so in the audit trail.
	 */
	private boolean frozen(Row row) {
		return NoticeWindow.frozen(true, row.source(), row.startsAt(), row.endsAt(), this.clock.instant(), NewDuty.LONDON);
	}

	private void keepHistory(List<Row> rows) {
		this.queries.keepHistory(rows.stream()
			.map(r -> new HistoryRow(r.dutyId(), r.version(), this.json.writeValueAsString(state(r)), r.changedBy(),
					r.changedAt()))
			.toList());
	}

	private static Map<String, Object> state(Row duty) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("person", duty.personId());
		state.put("kind", DutyKind.PLANNED.name());
		state.put("date", duty.dutyDate().toString());
		state.put("start", duty.startsAt().toString());
		state.put("end", duty.endsAt().toString());
		state.put("ward", duty.wardCode() == null ? "" : duty.wardCode());
		state.put("place", duty.place() == null ? "" : duty.place());
		state.put("code", duty.activityCode());
		state.put("version", duty.version());
		return state;
	}

	private static PlannedDuty planned(Row row) {
		return new PlannedDuty(row.dutyId(), row.version(), row.personId(), row.dutyDate(), row.startsAt(), row.endsAt(),
				Optional.ofNullable(row.wardCode()), row.activityCode(), row.activityClass(),
				Optional.ofNullable(row.teamRole()), Optional.ofNullable(row.teamWard()),
				Optional.ofNullable(row.flexReference()));
	}

	private static FlexedDuty flexed(Assignment a) {
		return new FlexedDuty(a.dutyId(), a.personId(), a.dutyDate(), a.previousCode(), Optional.ofNullable(a.previousWard()),
				a.receivingWard(), a.flexedAt(), Optional.ofNullable(a.releasedAt()));
	}

}
