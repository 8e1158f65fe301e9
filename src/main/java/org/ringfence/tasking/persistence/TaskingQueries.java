package org.ringfence.tasking.persistence;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ringfence.tasking.AgendaEntry;
import org.ringfence.tasking.AgendaItem;
import org.ringfence.tasking.AgendaKind;
import org.ringfence.tasking.Meeting;
import org.ringfence.tasking.SupportBid;
import org.ringfence.tasking.SupportUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of the tasking schema: meetings, their agenda items and support bids. */
@Repository
public class TaskingQueries {

	private final JdbcClient jdbc;

	public TaskingQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A meeting's row, without its agenda. */
	public record MeetingRow(long id, String boroughCode, LocalDate heldOn, String chair, boolean closed,
			String minutesNote, String createdBy, Optional<java.time.Instant> closedAt, int version) {

		public Meeting with(String boroughName, List<AgendaItem> agenda) {
			return new Meeting(this.id, this.boroughCode, boroughName, this.heldOn, this.chair, this.closed,
					this.minutesNote, this.createdBy, this.closedAt, this.version, agenda);
		}

	}

	private static final String MEETING = """
			select m.id, m.borough_code, m.held_on, m.chair, m.status = 'CLOSED', m.minutes_note, m.created_by,
			       m.closed_at, m.version
			from tasking.meeting m
			""";

	public long insertMeeting(String boroughCode, LocalDate heldOn, String chair, String actor) {
		return this.jdbc.sql("""
				insert into tasking.meeting (borough_code, held_on, chair, created_by) values (?, ?, ?, ?)
				on conflict (borough_code, held_on) do nothing returning id""")
			.params(boroughCode, Date.valueOf(heldOn), chair, actor)
			.query(Long.class)
			.optional()
			.orElse(-1L);
	}

	public Optional<MeetingRow> meeting(long id) {
		return this.jdbc.sql(MEETING + " where m.id = ?").param(id).query(TaskingQueries::meetingRow).optional();
	}

	/** Locks a meeting's row for the rest of the transaction (decisions and closing are serialised). */
	public Optional<MeetingRow> lockMeeting(long id) {
		return this.jdbc.sql(MEETING + " where m.id = ? for update of m").param(id).query(TaskingQueries::meetingRow).optional();
	}

	public List<MeetingRow> meetings(Optional<List<String>> boroughs, Optional<String> borough) {
		return this.jdbc.sql(MEETING + """
				where (cast(:all as boolean) or m.borough_code = any(:boroughs))
				  and (cast(:borough as text) is null or m.borough_code = :borough)
				order by m.held_on desc, m.borough_code limit 500""")
			.param("all", boroughs.isEmpty())
			.param("boroughs", boroughs.orElse(List.of()).toArray(String[]::new))
			.param("borough", borough.orElse(null))
			.query(TaskingQueries::meetingRow)
			.list();
	}

	public List<AgendaItem> agenda(long meetingId) {
		return this.jdbc.sql("""
				select id, position, kind, source_ref, title, summary, outcomes, outcome, decision_note, decided_by, decided_at
				from tasking.agenda_item where meeting_id = ? order by position, id""")
			.param(meetingId)
			.query(TaskingQueries::item)
			.list();
	}

	/**
	 * Adds an entry to a meeting's agenda, or refreshes its title, summary and outcomes while it is
	 * undecided; returns whether anything changed.
	 */
	public boolean putItem(long meetingId, int position, AgendaEntry entry) {
		return this.jdbc.sql("""
				insert into tasking.agenda_item (meeting_id, position, kind, source_ref, title, summary, outcomes)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (meeting_id, source_ref) do update
				  set title = excluded.title, summary = excluded.summary, outcomes = excluded.outcomes
				  where tasking.agenda_item.outcome is null
				    and (tasking.agenda_item.title, tasking.agenda_item.summary, tasking.agenda_item.outcomes)
				        is distinct from (excluded.title, excluded.summary, excluded.outcomes)""")
			.params(meetingId, position, entry.kind().name(), entry.sourceRef(), entry.title(), entry.summary(),
					entry.outcomes().toArray(String[]::new))
			.update() > 0;
	}

	public int nextPosition(long meetingId) {
		return this.jdbc.sql("select coalesce(max(position), 0) + 1 from tasking.agenda_item where meeting_id = ?")
			.param(meetingId)
			.query(Integer.class)
			.single();
	}

	public void decide(long itemId, String outcome, String note, String actor) {
		this.jdbc.sql("""
				update tasking.agenda_item set outcome = ?, decision_note = ?, decided_by = ?, decided_at = now()
				where id = ? and outcome is null""").params(outcome, note, actor, itemId).update();
	}

	public void close(long meetingId, String minutesNote, String actor) {
		this.jdbc.sql("""
				update tasking.meeting set status = 'CLOSED', minutes_note = ?, closed_by = ?, closed_at = now(),
				       version = version + 1
				where id = ?""").params(minutesNote, actor, meetingId).update();
	}

	// ------------------------------------------------------------------ bids

	private static final String BID = """
			select id, borough_code, unit, ward_code, purpose, wanted_from, wanted_to, hours_requested, status, outcome_note,
			       hours_granted, debrief, operations_office_informed, not_informed_reason, created_by, version
			from tasking.support_bid
			""";

	public long insertBid(String boroughCode, SupportUnit unit, Optional<String> wardCode, String purpose,
			LocalDate from, LocalDate to, int hours, String actor) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into tasking.support_bid (borough_code, unit, ward_code, purpose, wanted_from, wanted_to,
				                                 hours_requested, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(boroughCode, unit.name(), wardCode.orElse(null), purpose, Date.valueOf(from), Date.valueOf(to), hours,
					actor)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<SupportBid> bid(long id) {
		return this.jdbc.sql(BID + " where id = ?").param(id).query(TaskingQueries::bid).optional();
	}

	public Optional<SupportBid> lockBid(long id) {
		return this.jdbc.sql(BID + " where id = ? for update").param(id).query(TaskingQueries::bid).optional();
	}

	public List<SupportBid> bids(Optional<List<String>> boroughs, Optional<String> borough, Optional<String> status) {
		return this.jdbc.sql(BID + """
				where (cast(:all as boolean) or borough_code = any(:boroughs))
				  and (cast(:borough as text) is null or borough_code = :borough)
				  and (cast(:status as text) is null or status = :status)
				order by wanted_from desc, id desc limit 500""")
			.param("all", boroughs.isEmpty())
			.param("boroughs", boroughs.orElse(List.of()).toArray(String[]::new))
			.param("borough", borough.orElse(null))
			.param("status", status.orElse(null))
			.query(TaskingQueries::bid)
			.list();
	}

	/** Bids of a borough still waiting for tasking (requested or deferred). */
	public List<SupportBid> openBids(String boroughCode) {
		return this.jdbc.sql(BID + " where borough_code = ? and status in ('REQUESTED', 'DEFERRED') order by id")
			.param(boroughCode)
			.query(TaskingQueries::bid)
			.list();
	}

	public void setBidOutcome(long id, String status, String note, Optional<Integer> hoursGranted) {
		this.jdbc.sql("""
				update tasking.support_bid set status = ?, outcome_note = ?, hours_granted = ?, version = version + 1
				where id = ?""").params(status, note, hoursGranted.orElse(null), id).update();
	}

	public void setDebrief(long id, String debrief, boolean informed, String notInformedReason) {
		this.jdbc.sql("""
				update tasking.support_bid set debrief = ?, operations_office_informed = ?, not_informed_reason = ?,
				       version = version + 1
				where id = ?""").params(debrief, informed, notInformedReason, id).update();
	}

	// ------------------------------------------------------------------ mapping

	private static MeetingRow meetingRow(ResultSet rs, int n) throws SQLException {
		Timestamp closed = rs.getTimestamp(8);
		return new MeetingRow(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
				rs.getBoolean(5), rs.getString(6), rs.getString(7), Optional.ofNullable(closed).map(Timestamp::toInstant),
				rs.getInt(9));
	}

	private static AgendaItem item(ResultSet rs, int n) throws SQLException {
		Array outcomes = rs.getArray(7);
		Timestamp decided = rs.getTimestamp(11);
		return new AgendaItem(rs.getLong(1), rs.getInt(2), AgendaKind.valueOf(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getString(6), Arrays.asList((String[]) outcomes.getArray()),
				Optional.ofNullable(rs.getString(8)), rs.getString(9), Optional.ofNullable(rs.getString(10)),
				Optional.ofNullable(decided).map(Timestamp::toInstant));
	}

	private static SupportBid bid(ResultSet rs, int n) throws SQLException {
		Object granted = rs.getObject(11);
		Object informed = rs.getObject(13);
		return new SupportBid(rs.getLong(1), rs.getString(2), SupportUnit.valueOf(rs.getString(3)),
				Optional.ofNullable(rs.getString(4)), rs.getString(5), rs.getDate(6).toLocalDate(),
				rs.getDate(7).toLocalDate(), rs.getInt(8), rs.getString(9), rs.getString(10),
				Optional.ofNullable(granted).map(g -> ((Number) g).intValue()), rs.getString(12),
				Optional.ofNullable(informed).map(i -> (Boolean) i), rs.getString(14), rs.getString(15), rs.getInt(16));
	}

}
