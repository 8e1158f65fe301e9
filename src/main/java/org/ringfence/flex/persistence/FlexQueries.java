package org.ringfence.flex.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.ringfence.flex.FlexStatus;
import org.ringfence.flex.NewFlexRequest;
import org.ringfence.flex.ReviewOutcome;
import org.ringfence.flex.Tours;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the flex schema. Every change of a request bumps its version and changed_at. */
@Repository
public class FlexQueries {

	private static final String COLUMNS = """
			id, borough_code, receiving_ward, problem_type, intelligence_summary, aims, objectives, expected_results,
			problem_reference, first_day, last_day, duration_exception, status, rule_set_id, meeting_date,
			meeting_reference, authorised_by, authorised_at, rejection_reasons, endorsed_by, endorsed_at, ended_on,
			end_reason, closed_at, last_checks::text, last_checked_at, last_check_passed, version, created_by,
			created_at, changed_at""";

	private final JdbcClient jdbc;

	public FlexQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored request. */
	public record RequestRow(long id, String boroughCode, String receivingWard, String problemType,
			String intelligenceSummary, String aims, String objectives, String expectedResults, String problemReference,
			LocalDate firstDay, LocalDate lastDay, Optional<String> durationException, FlexStatus status, long ruleSetId,
			Optional<LocalDate> meetingDate, Optional<String> meetingReference, Optional<String> authorisedBy,
			Optional<Instant> authorisedAt, Optional<String> rejectionReasons, Optional<String> endorsedBy,
			Optional<Instant> endorsedAt, Optional<LocalDate> endedOn, Optional<String> endReason,
			Optional<Instant> closedAt, Optional<String> lastChecksJson, Optional<Instant> lastCheckedAt,
			Optional<Boolean> lastCheckPassed, int version, String createdBy, Instant createdAt, Instant changedAt) {
	}

	public record OfficerRow(long personId, String providingWard, LocalDate firstDay, LocalDate lastDay, Tours tours) {
	}

	public record DialogueRow(String wardCode, String wardRole, LocalDate heldOn, String summary, String recordedBy,
			Instant recordedAt) {
	}

	public record ReviewRow(LocalDate heldOn, ReviewOutcome outcome, String notes, Optional<LocalDate> newLastDay,
			Optional<String> exceptionReason, String recordedBy, Instant recordedAt) {
	}

	public record FeedbackRow(String wardCode, LocalDate givenOn, String summary, String recordedBy, Instant recordedAt) {
	}

	public record TransitionRow(long id, String action, Optional<String> fromStatus, String toStatus, String actor,
			Instant at, Optional<Long> ruleSetId, String detailsJson) {
	}

	public long insert(NewFlexRequest request, String boroughCode, long ruleSetId, String actor) {
		long id = this.jdbc.sql("""
				insert into flex.request (borough_code, receiving_ward, problem_type, intelligence_summary, aims, objectives,
				       expected_results, problem_reference, first_day, last_day, duration_exception, status, rule_set_id,
				       created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?) returning id""")
			.params(boroughCode, request.receivingWard(), request.problemType().strip(),
					request.intelligenceSummary().strip(), request.aims().strip(), request.objectives().strip(),
					request.expectedResults().strip(), request.problemReference(), Date.valueOf(request.firstDay()),
					Date.valueOf(request.lastDay()), request.durationException().orElse(null), ruleSetId, actor)
			.query(Long.class)
			.single();
		for (NewFlexRequest.Officer officer : request.officers()) {
			this.jdbc.sql("""
					insert into flex.officer (request_id, person_id, providing_ward, first_day, last_day, tours)
					values (?, ?, ?, ?, ?, ?)""")
				.params(id, officer.personId(), officer.providingWard(), Date.valueOf(officer.firstDay()),
						Date.valueOf(officer.lastDay()), officer.tours().name())
				.update();
		}
		return id;
	}

	public Optional<RequestRow> request(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from flex.request where id = ?")
			.param(id)
			.query(FlexQueries::request)
			.optional();
	}

	/** The request, locked until the transaction ends (one step at a time per request). */
	public Optional<RequestRow> lock(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from flex.request where id = ? for update")
			.param(id)
			.query(FlexQueries::request)
			.optional();
	}

	/** Serialises authorisations in a borough, so two flexes cannot each pass the ring-fence and together break it. */
	public void lockBorough(String boroughCode) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("flex:" + boroughCode).query(Object.class).list();
	}

	public List<RequestRow> requests(Optional<String> boroughCode, Optional<FlexStatus> status) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from flex.request
				where (cast(:borough as text) is null or borough_code = :borough)
				  and (cast(:status as text) is null or status = :status)
				order by id desc""")
			.param("borough", boroughCode.orElse(null))
			.param("status", status.map(Enum::name).orElse(null))
			.query(FlexQueries::request)
			.list();
	}

	/** Requests deployed (authorised or live) whose days overlap from..to, in a borough or all. */
	public List<RequestRow> deployed(Optional<String> boroughCode, LocalDate from, LocalDate to) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from flex.request
				where status in ('AUTHORISED', 'LIVE') and first_day <= :to and last_day >= :from
				  and (cast(:borough as text) is null or borough_code = :borough)
				order by id""")
			.param("borough", boroughCode.orElse(null))
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(FlexQueries::request)
			.list();
	}

	/**
	 * The requests whose flex was deployed on some day of from..to: authorised, live, or since ended or
	 * closed, with days (to the day it ended, when it ended early) overlapping the period.
	 */
	public List<RequestRow> deployedDuring(Optional<String> boroughCode, LocalDate from, LocalDate to) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from flex.request
				where status in ('AUTHORISED', 'LIVE', 'ENDED', 'CLOSED')
				  and first_day <= :to and coalesce(ended_on, last_day) >= :from
				  and coalesce(ended_on, last_day) >= first_day
				  and (cast(:borough as text) is null or borough_code = :borough)
				order by id""")
			.param("borough", boroughCode.orElse(null))
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(FlexQueries::request)
			.list();
	}

	public List<OfficerRow> officers(long requestId) {
		return this.jdbc.sql("""
				select person_id, providing_ward, first_day, last_day, tours from flex.officer
				where request_id = ? order by providing_ward, person_id""")
			.param(requestId)
			.query((rs, n) -> new OfficerRow(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
					rs.getDate(4).toLocalDate(), Tours.valueOf(rs.getString(5))))
			.list();
	}

	/** Officers of many requests (for lists), by request id. */
	public java.util.Map<Long, List<OfficerRow>> officersOf(Collection<Long> requestIds) {
		java.util.Map<Long, List<OfficerRow>> byRequest = new java.util.HashMap<>();
		if (requestIds.isEmpty()) {
			return byRequest;
		}
		this.jdbc.sql("""
				select request_id, person_id, providing_ward, first_day, last_day, tours from flex.officer
				where request_id = any(:ids) order by request_id, providing_ward, person_id""")
			.param("ids", requestIds.toArray(Long[]::new))
			.query((rs, n) -> {
				byRequest.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
					.add(new OfficerRow(rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
							rs.getDate(5).toLocalDate(), Tours.valueOf(rs.getString(6))));
				return 0;
			})
			.list();
		return byRequest;
	}

	public List<DialogueRow> dialogues(long requestId) {
		return this.jdbc.sql("""
				select ward_code, ward_role, held_on, summary, recorded_by, recorded_at from flex.ward_dialogue
				where request_id = ? order by id""")
			.param(requestId)
			.query((rs, n) -> new DialogueRow(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	public List<ReviewRow> reviews(long requestId) {
		return this.jdbc.sql("""
				select held_on, outcome, notes, new_last_day, exception_reason, recorded_by, recorded_at from flex.review
				where request_id = ? order by id""")
			.param(requestId)
			.query((rs, n) -> new ReviewRow(rs.getDate(1).toLocalDate(), ReviewOutcome.valueOf(rs.getString(2)),
					rs.getString(3), Optional.ofNullable(rs.getDate(4)).map(Date::toLocalDate),
					Optional.ofNullable(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	/** The first review day of each request that has one, by request id. */
	public java.util.Map<Long, LocalDate> firstReviews(Collection<Long> requestIds) {
		java.util.Map<Long, LocalDate> first = new java.util.HashMap<>();
		if (requestIds.isEmpty()) {
			return first;
		}
		this.jdbc.sql("select request_id, min(held_on) from flex.review where request_id = any(:ids) group by request_id")
			.param("ids", requestIds.toArray(Long[]::new))
			.query((rs, n) -> first.put(rs.getLong(1), rs.getDate(2).toLocalDate()))
			.list();
		return first;
	}

	public List<FeedbackRow> feedback(long requestId) {
		return this.jdbc.sql("""
				select ward_code, given_on, summary, recorded_by, recorded_at from flex.feedback
				where request_id = ? order by ward_code""")
			.param(requestId)
			.query((rs, n) -> new FeedbackRow(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
					rs.getString(4), rs.getTimestamp(5).toInstant()))
			.list();
	}

	public List<TransitionRow> transitions(long requestId) {
		return this.jdbc.sql("""
				select id, action, from_status, to_status, actor, at, rule_set_id, details::text from flex.transition
				where request_id = ? order by id""")
			.param(requestId)
			.query((rs, n) -> {
				long ruleSet = rs.getLong(7);
				Optional<Long> ruleSetId = rs.wasNull() ? Optional.empty() : Optional.of(ruleSet);
				return new TransitionRow(rs.getLong(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
						rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), ruleSetId, rs.getString(8));
			})
			.list();
	}

	public void insertTransition(long requestId, String action, FlexStatus from, FlexStatus to, String actor,
			long ruleSetId, String detailsJson) {
		this.jdbc.sql("""
				insert into flex.transition (request_id, action, from_status, to_status, actor, rule_set_id, details)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
			.params(requestId, action, from == null ? null : from.name(), to.name(), actor, ruleSetId, detailsJson)
			.update();
	}

	/** Moves a request to a status if still at the version read; returns whether it was. */
	public boolean setStatus(long id, int version, FlexStatus status) {
		return this.jdbc.sql("""
				update flex.request set status = ?, version = version + 1, changed_at = now()
				where id = ? and version = ?""")
			.params(status.name(), id, version)
			.update() == 1;
	}

	public void setMeeting(long id, LocalDate date, String reference) {
		this.jdbc.sql("update flex.request set meeting_date = ?, meeting_reference = ? where id = ?")
			.params(Date.valueOf(date), reference, id)
			.update();
	}

	public void setAuthorised(long id, String actor, long ruleSetId) {
		this.jdbc.sql("update flex.request set authorised_by = ?, authorised_at = now(), rule_set_id = ? where id = ?")
			.params(actor, ruleSetId, id)
			.update();
	}

	public void setRejected(long id, String reasons) {
		this.jdbc.sql("update flex.request set rejection_reasons = ? where id = ?").params(reasons, id).update();
	}

	public void setEndorsed(long id, String actor) {
		this.jdbc.sql("update flex.request set endorsed_by = ?, endorsed_at = now() where id = ?").params(actor, id).update();
	}

	public void setEnded(long id, LocalDate endedOn, String reason) {
		this.jdbc.sql("update flex.request set ended_on = ?, end_reason = ? where id = ?")
			.params(Date.valueOf(endedOn), reason, id)
			.update();
	}

	public void setClosed(long id) {
		this.jdbc.sql("update flex.request set closed_at = now() where id = ?").param(id).update();
	}

	public void setDurationException(long id, String reason) {
		this.jdbc.sql("update flex.request set duration_exception = ? where id = ?").params(reason, id).update();
	}

	/** A new last day; officers who ran to the old last day run to the new one (later days only). */
	public void setLastDay(long id, LocalDate oldLastDay, LocalDate newLastDay) {
		this.jdbc.sql("update flex.request set last_day = ? where id = ?").params(Date.valueOf(newLastDay), id).update();
		if (newLastDay.isAfter(oldLastDay)) {
			this.jdbc.sql("update flex.officer set last_day = ? where request_id = ? and last_day = ?")
				.params(Date.valueOf(newLastDay), id, Date.valueOf(oldLastDay))
				.update();
		}
	}

	public void setChecks(long id, String checksJson, boolean passed) {
		this.jdbc.sql("""
				update flex.request set last_checks = cast(? as jsonb), last_checked_at = now(), last_check_passed = ?
				where id = ?""")
			.params(checksJson, passed, id)
			.update();
	}

	public void insertDialogue(long id, String wardCode, String wardRole, LocalDate heldOn, String summary, String actor) {
		this.jdbc.sql("""
				insert into flex.ward_dialogue (request_id, ward_code, ward_role, held_on, summary, recorded_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, wardCode, wardRole, Date.valueOf(heldOn), summary, actor)
			.update();
	}

	public void insertReview(long id, LocalDate heldOn, ReviewOutcome outcome, String notes, LocalDate newLastDay,
			String exceptionReason, String actor) {
		this.jdbc.sql("""
				insert into flex.review (request_id, held_on, outcome, notes, new_last_day, exception_reason, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, Date.valueOf(heldOn), outcome.name(), notes, newLastDay == null ? null : Date.valueOf(newLastDay),
					exceptionReason, actor)
			.update();
	}

	public void upsertFeedback(long id, String wardCode, LocalDate givenOn, String summary, String actor) {
		this.jdbc.sql("""
				insert into flex.feedback (request_id, ward_code, given_on, summary, recorded_by) values (?, ?, ?, ?, ?)
				on conflict (request_id, ward_code) do update set given_on = excluded.given_on, summary = excluded.summary,
				       recorded_by = excluded.recorded_by, recorded_at = now()""")
			.params(id, wardCode, Date.valueOf(givenOn), summary, actor)
			.update();
	}

	/** The requests (deployed, by id) naming any of these people. */
	public List<Long> deployedNaming(Collection<Long> people) {
		if (people.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select distinct r.id from flex.request r join flex.officer o on o.request_id = r.id
				where r.status in ('AUTHORISED', 'LIVE') and o.person_id = any(:people) order by r.id""")
			.param("people", people.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	static RequestRow request(ResultSet rs, int n) throws SQLException {
		Boolean passed = rs.getBoolean("last_check_passed");
		if (rs.wasNull()) {
			passed = null;
		}
		return new RequestRow(rs.getLong("id"), rs.getString("borough_code"), rs.getString("receiving_ward"),
				rs.getString("problem_type"), rs.getString("intelligence_summary"), rs.getString("aims"),
				rs.getString("objectives"), rs.getString("expected_results"), rs.getString("problem_reference"),
				rs.getDate("first_day").toLocalDate(), rs.getDate("last_day").toLocalDate(),
				Optional.ofNullable(rs.getString("duration_exception")), FlexStatus.valueOf(rs.getString("status")),
				rs.getLong("rule_set_id"), date(rs, "meeting_date"), Optional.ofNullable(rs.getString("meeting_reference")),
				Optional.ofNullable(rs.getString("authorised_by")), instant(rs, "authorised_at"),
				Optional.ofNullable(rs.getString("rejection_reasons")), Optional.ofNullable(rs.getString("endorsed_by")),
				instant(rs, "endorsed_at"), date(rs, "ended_on"), Optional.ofNullable(rs.getString("end_reason")),
				instant(rs, "closed_at"), Optional.ofNullable(rs.getString("last_checks")), instant(rs, "last_checked_at"),
				Optional.ofNullable(passed), rs.getInt("version"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("changed_at").toInstant());
	}

	private static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
		return Optional.ofNullable(rs.getDate(column)).map(Date::toLocalDate);
	}

	private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
		return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
	}

}
