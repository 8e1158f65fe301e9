package org.ringfence.performance.persistence;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the problem-solving database. */
@Repository
public class ProblemQueries {

	private final JdbcClient jdbc;

	ProblemQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record ProblemRow(long id, String wardCode, String boroughCode, String title, String category, String description,
			String stage, LocalDate openedOn, String openedBy, LocalDate closedOn, String closedBy, String evaluationDone,
			String evaluationChanged, String evaluationDemand, int version) {
	}

	public record StageRow(String fromStage, String toStage, String reason, String changedBy, Instant changedAt) {
	}

	public record PartnerRow(long id, String organisation, String role) {
	}

	public record ActionRow(long id, String action, String owner, LocalDate dueOn, LocalDate doneOn, String addedBy) {
	}

	public record LinkRow(String kind, long refId, String linkedBy, Instant linkedAt) {
	}

	private static final String COLUMNS = """
			id, ward_code, borough_code, title, category, description, stage, opened_on, opened_by, closed_on, closed_by,
			evaluation_done, evaluation_changed, evaluation_demand::text as evaluation_demand, version""";

	public long insert(String ward, String borough, String title, String category, String description, LocalDate openedOn,
			String user) {
		long id = this.jdbc.sql("""
				insert into performance.problem (ward_code, borough_code, title, category, description, stage, opened_on, opened_by)
				values (:ward, :borough, :title, :category, :description, 'RESEARCH', :opened, :user) returning id
				""")
			.param("ward", ward)
			.param("borough", borough)
			.param("title", title)
			.param("category", category)
			.param("description", description)
			.param("opened", Date.valueOf(openedOn))
			.param("user", user)
			.query(Long.class)
			.single();
		stageChange(id, null, "RESEARCH", null, user);
		return id;
	}

	public Optional<ProblemRow> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from performance.problem where id = :id")
			.param("id", id)
			.query(ProblemRow.class)
			.optional();
	}

	public Optional<ProblemRow> findForUpdate(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from performance.problem where id = :id for update")
			.param("id", id)
			.query(ProblemRow.class)
			.optional();
	}

	public void moveTo(long id, String stage) {
		this.jdbc.sql("update performance.problem set stage = :stage, version = version + 1 where id = :id")
			.param("id", id)
			.param("stage", stage)
			.update();
	}

	public void close(long id, LocalDate closedOn, String user, String done, String changed, String demandJson) {
		this.jdbc.sql("""
				update performance.problem set closed_on = :closed, closed_by = :user, evaluation_done = :done,
				evaluation_changed = :changed, evaluation_demand = cast(:demand as jsonb), version = version + 1 where id = :id
				""")
			.param("id", id)
			.param("closed", Date.valueOf(closedOn))
			.param("user", user)
			.param("done", done)
			.param("changed", changed)
			.param("demand", demandJson)
			.update();
	}

	public void stageChange(long id, String from, String to, String reason, String user) {
		this.jdbc.sql("""
				insert into performance.problem_stage_change (problem_id, from_stage, to_stage, reason, changed_by)
				values (:id, :from, :to, :reason, :user)
				""")
			.param("id", id)
			.param("from", from)
			.param("to", to)
			.param("reason", reason)
			.param("user", user)
			.update();
	}

	public List<StageRow> history(long id) {
		return this.jdbc.sql("""
				select from_stage, to_stage, reason, changed_by, changed_at from performance.problem_stage_change
				where problem_id = :id order by id
				""").param("id", id).query(StageRow.class).list();
	}

	public long addPartner(long id, String organisation, String role) {
		bump(id);
		return this.jdbc.sql("""
				insert into performance.problem_partner (problem_id, organisation, role) values (:id, :org, :role)
				on conflict (problem_id, organisation) do update set role = excluded.role returning id
				""").param("id", id).param("org", organisation).param("role", role).query(Long.class).single();
	}

	public List<PartnerRow> partners(long id) {
		return this.jdbc.sql("select id, organisation, role from performance.problem_partner where problem_id = :id order by id")
			.param("id", id)
			.query(PartnerRow.class)
			.list();
	}

	public long addAction(long id, String action, String owner, LocalDate due, String user) {
		bump(id);
		return this.jdbc.sql("""
				insert into performance.problem_action (problem_id, action, owner, due_on, added_by)
				values (:id, :action, :owner, :due, :user) returning id
				""")
			.param("id", id)
			.param("action", action)
			.param("owner", owner)
			.param("due", due == null ? null : Date.valueOf(due))
			.param("user", user)
			.query(Long.class)
			.single();
	}

	public int completeAction(long id, long actionId, LocalDate doneOn) {
		bump(id);
		return this.jdbc.sql("update performance.problem_action set done_on = :done where id = :action and problem_id = :id")
			.param("id", id)
			.param("action", actionId)
			.param("done", Date.valueOf(doneOn))
			.update();
	}

	public List<ActionRow> actions(long id) {
		return this.jdbc.sql("""
				select id, action, owner, due_on, done_on, added_by from performance.problem_action where problem_id = :id order by id
				""").param("id", id).query(ActionRow.class).list();
	}

	/** Adds a link; false when it was there already. */
	public boolean link(long id, String kind, long refId, String user) {
		int added = this.jdbc.sql("""
				insert into performance.problem_link (problem_id, kind, ref_id, linked_by) values (:id, :kind, :ref, :user)
				on conflict do nothing
				""").param("id", id).param("kind", kind).param("ref", refId).param("user", user).update();
		if (added > 0) {
			bump(id);
		}
		return added > 0;
	}

	public List<LinkRow> links(long id) {
		return this.jdbc.sql("""
				select kind, ref_id, linked_by, linked_at from performance.problem_link where problem_id = :id order by kind, ref_id
				""").param("id", id).query(LinkRow.class).list();
	}

	private void bump(long id) {
		this.jdbc.sql("update performance.problem set version = version + 1 where id = :id").param("id", id).update();
	}

	/** Search filters; empty ones match everything. */
	public record Filter(Optional<Collection<String>> boroughs, Optional<String> ward, Optional<String> borough,
			Optional<String> stage, Optional<String> status, Optional<String> category, Optional<String> text,
			Optional<LocalDate> openedFrom, Optional<LocalDate> openedTo) {
	}

	private static final String WHERE = """
			where (cast(:allBoroughs as boolean) or borough_code = any(:boroughs))
			  and (cast(:ward as text) is null or ward_code = :ward)
			  and (cast(:borough as text) is null or borough_code = :borough)
			  and (cast(:stage as text) is null or stage = :stage)
			  and (cast(:status as text) is null or (:status = 'OPEN' and closed_on is null) or (:status = 'CLOSED' and closed_on is not null))
			  and (cast(:category as text) is null or lower(category) = lower(:category))
			  and (cast(:text as text) is null or strpos(lower(title || ' ' || description || ' ' || category), lower(:text)) > 0)
			  and (cast(:from as date) is null or opened_on >= :from)
			  and (cast(:to as date) is null or opened_on <= :to)
			""";

	public List<ProblemRow> search(Filter f, int offset, int limit) {
		return bind(this.jdbc.sql("select " + COLUMNS + " from performance.problem " + WHERE
				+ " order by opened_on desc, id desc offset :offset limit :limit"), f)
			.param("offset", offset)
			.param("limit", limit)
			.query(ProblemRow.class)
			.list();
	}

	public long count(Filter f) {
		return bind(this.jdbc.sql("select count(*) from performance.problem " + WHERE), f).query(Long.class).single();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter f) {
		return spec.param("allBoroughs", f.boroughs().isEmpty())
			.param("boroughs", f.boroughs().map(b -> b.toArray(String[]::new)).orElse(new String[0]))
			.param("ward", f.ward().orElse(null))
			.param("borough", f.borough().orElse(null))
			.param("stage", f.stage().orElse(null))
			.param("status", f.status().orElse(null))
			.param("category", f.category().orElse(null))
			.param("text", f.text().orElse(null))
			.param("from", f.openedFrom().map(Date::valueOf).orElse(null))
			.param("to", f.openedTo().map(Date::valueOf).orElse(null));
	}

	/** Problems opened and closed in a period per ward, of some boroughs (all when empty). */
	public record WardCounts(String wardCode, String boroughCode, long opened, long closed, long openAtEnd) {
	}

	public List<WardCounts> countsByWard(LocalDate from, LocalDate to, Optional<Collection<String>> boroughs) {
		return this.jdbc.sql("""
				select ward_code, borough_code,
				       count(*) filter (where opened_on between :from and :to) as opened,
				       count(*) filter (where closed_on between :from and :to) as closed,
				       count(*) filter (where opened_on <= :to and (closed_on is null or closed_on > :to)) as open_at_end
				from performance.problem
				where (cast(:all as boolean) or borough_code = any(:boroughs)) and opened_on <= :to
				group by ward_code, borough_code
				""")
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.param("all", boroughs.isEmpty())
			.param("boroughs", boroughs.map(b -> b.toArray(String[]::new)).orElse(new String[0]))
			.query(WardCounts.class)
			.list();
	}

}
