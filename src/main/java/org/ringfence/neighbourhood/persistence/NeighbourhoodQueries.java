package org.ringfence.neighbourhood.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.ringfence.neighbourhood.Category;
import org.ringfence.neighbourhood.NewMeeting;
import org.ringfence.neighbourhood.NewPriority;
import org.ringfence.neighbourhood.PanelMeeting;
import org.ringfence.neighbourhood.PanelMember;
import org.ringfence.neighbourhood.Priority;
import org.ringfence.neighbourhood.PriorityChange;
import org.ringfence.neighbourhood.PriorityStatus;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The neighbourhood schema: categories, panel members and meetings, priorities. */
@Repository
public class NeighbourhoodQueries {

	private static final String PRIORITY = """
			select p.id, p.ward_code, p.meeting_id, c.name as category, p.issue, p.action, p.agreed_on, p.action_date,
			       p.status, p.review_date, p.closed_on, p.synthetic, p.version
			from neighbourhood.priority p join neighbourhood.category c on c.id = p.category_id
			""";

	private static final String MEETING = """
			select id, ward_code, starts_at, ends_at, place, attendance, minutes, public, synthetic, version
			from neighbourhood.panel_meeting
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	public NeighbourhoodQueries(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	// categories

	public List<Category> categories() {
		return this.jdbc.sql("select id, name, active from neighbourhood.category order by sort_order, lower(name)")
			.query((rs, n) -> new Category(rs.getInt("id"), rs.getString("name"), rs.getBoolean("active")))
			.list();
	}

	public Optional<Category> categoryByName(String name) {
		return this.jdbc.sql("select id, name, active from neighbourhood.category where lower(name) = lower(:name)")
			.param("name", name.strip())
			.query((rs, n) -> new Category(rs.getInt("id"), rs.getString("name"), rs.getBoolean("active")))
			.optional();
	}

	public int insertCategory(String name, String actor) {
		return this.jdbc.sql("""
				insert into neighbourhood.category (name, created_by, sort_order)
				values (:name, :actor, (select coalesce(max(sort_order), 0) + 10 from neighbourhood.category))
				returning id""").param("name", name.strip()).param("actor", actor).query(Integer.class).single();
	}

	// priorities

	public long insertPriority(String wardCode, NewPriority priority, int categoryId, String actor) {
		return this.jdbc.sql("""
				insert into neighbourhood.priority (ward_code, meeting_id, category_id, issue, action, agreed_on, action_date,
				    review_date, created_by)
				values (:ward, :meeting, :category, :issue, :action, :agreed, :actionDate, :review, :actor)
				returning id""")
			.param("ward", wardCode)
			.param("meeting", priority.meetingId())
			.param("category", categoryId)
			.param("issue", priority.issue().strip())
			.param("action", priority.action() == null ? "" : priority.action().strip())
			.param("agreed", priority.agreedOn())
			.param("actionDate", priority.actionDate())
			.param("review", priority.reviewDate())
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	public Optional<Priority> priority(long id) {
		return this.jdbc.sql(PRIORITY + " where p.id = :id").param("id", id).query(NeighbourhoodQueries::priority).optional();
	}

	/** The ward's priorities held open on some day between two dates (inclusive), newest first. */
	public List<Priority> prioritiesHeld(String wardCode, LocalDate from, LocalDate to) {
		return this.jdbc.sql(PRIORITY + """
				where p.ward_code = :ward and p.agreed_on <= :to and (p.closed_on is null or p.closed_on >= :from)
				order by p.agreed_on desc, p.id desc""")
			.param("ward", wardCode)
			.param("from", from)
			.param("to", to)
			.query(NeighbourhoodQueries::priority)
			.list();
	}

	/** All the ward's priorities, newest first. */
	public List<Priority> priorities(String wardCode) {
		return this.jdbc.sql(PRIORITY + " where p.ward_code = :ward order by p.agreed_on desc, p.id desc")
			.param("ward", wardCode)
			.query(NeighbourhoodQueries::priority)
			.list();
	}

	/** Applies a change at the version read; false when someone changed it first. */
	public boolean updatePriority(long id, PriorityChange change, LocalDate closedOn, int version) {
		return this.jdbc.sql("""
				update neighbourhood.priority set action = :action, action_date = :actionDate, status = :status,
				    review_date = :review, closed_on = :closed, version = version + 1, changed_at = now()
				where id = :id and version = :version""")
			.param("action", change.action() == null ? "" : change.action().strip())
			.param("actionDate", change.actionDate())
			.param("status", change.status().name())
			.param("review", change.reviewDate())
			.param("closed", closedOn)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** A category's name and the number of teams holding an open priority of it between two dates. */
	public record ThemeRow(String category, int teams) {
	}

	public List<ThemeRow> themes(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select c.name, count(distinct p.ward_code) as teams
				from neighbourhood.category c
				left join neighbourhood.priority p on p.category_id = c.id and p.agreed_on <= :to
				    and (p.closed_on is null or p.closed_on >= :from)
				group by c.id, c.name, c.sort_order
				order by teams desc, c.sort_order, c.name""")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new ThemeRow(rs.getString(1), rs.getInt(2)))
			.list();
	}

	public int teamsWithAPriority(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select count(distinct ward_code) from neighbourhood.priority
				where agreed_on <= :to and (closed_on is null or closed_on >= :from)""")
			.param("from", from)
			.param("to", to)
			.query(Integer.class)
			.single();
	}

	// panels

	public List<PanelMember> members(String wardCode) {
		return this.jdbc.sql("select name, role, synthetic from neighbourhood.panel_member where ward_code = :ward order by position")
			.param("ward", wardCode)
			.query((rs, n) -> new PanelMember(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
			.list();
	}

	public void replaceMembers(String wardCode, List<PanelMember> members) {
		this.jdbc.sql("delete from neighbourhood.panel_member where ward_code = :ward").param("ward", wardCode).update();
		int position = 1;
		for (PanelMember member : members) {
			this.jdbc.sql("""
					insert into neighbourhood.panel_member (ward_code, position, name, role, synthetic)
					values (:ward, :position, :name, :role, :synthetic)""")
				.param("ward", wardCode)
				.param("position", position++)
				.param("name", member.name().strip())
				.param("role", member.role().strip())
				.param("synthetic", member.synthetic())
				.update();
		}
	}

	public List<PanelMeeting> meetings(String wardCode, LocalDateTime from, LocalDateTime to) {
		return this.jdbc.sql(MEETING + " where ward_code = :ward and ends_at >= :from and starts_at <= :to order by starts_at")
			.param("ward", wardCode)
			.param("from", from)
			.param("to", to)
			.query(NeighbourhoodQueries::meeting)
			.list();
	}

	public Optional<PanelMeeting> meeting(long id) {
		return this.jdbc.sql(MEETING + " where id = :id").param("id", id).query(NeighbourhoodQueries::meeting).optional();
	}

	public long insertMeeting(String wardCode, NewMeeting meeting, String actor) {
		return this.jdbc.sql("""
				insert into neighbourhood.panel_meeting (ward_code, starts_at, ends_at, place, attendance, minutes, public, created_by)
				values (:ward, :starts, :ends, :place, :attendance, :minutes, :public, :actor) returning id""")
			.param("ward", wardCode)
			.param("starts", meeting.startsAt())
			.param("ends", meeting.endsAt())
			.param("place", meeting.place().strip())
			.param("attendance", meeting.attendance())
			.param("minutes", meeting.minutes() == null ? "" : meeting.minutes().strip())
			.param("public", meeting.isPublic() == null || meeting.isPublic())
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	public boolean updateMeeting(long id, NewMeeting meeting, int version) {
		return this.jdbc.sql("""
				update neighbourhood.panel_meeting set starts_at = :starts, ends_at = :ends, place = :place,
				    attendance = :attendance, minutes = :minutes, public = :public, version = version + 1
				where id = :id and version = :version""")
			.param("starts", meeting.startsAt())
			.param("ends", meeting.endsAt())
			.param("place", meeting.place().strip())
			.param("attendance", meeting.attendance())
			.param("minutes", meeting.minutes() == null ? "" : meeting.minutes().strip())
			.param("public", meeting.isPublic() == null || meeting.isPublic())
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** How many priorities were agreed at the meeting. */
	public int prioritiesAgreedAt(long meetingId) {
		return this.jdbc.sql("select count(*)::int from neighbourhood.priority where meeting_id = :id")
			.param("id", meetingId)
			.query(Integer.class)
			.single();
	}

	/** Deletes a meeting at the version read; false when it changed (or went) meanwhile. */
	public boolean deleteMeeting(long id, int version) {
		return this.jdbc.sql("delete from neighbourhood.panel_meeting where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	// demo data

	public boolean anyPanelData() {
		return this.jdbc.sql("""
				select exists (select 1 from neighbourhood.priority) or exists (select 1 from neighbourhood.panel_meeting)
				    or exists (select 1 from neighbourhood.panel_member)""").query(Boolean.class).single();
	}

	public void lock(String name) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(:name))").param("name", name).query(Object.class).list();
	}

	/** A demo meeting, priority or member row to add in bulk. */
	public record DemoMeeting(String wardCode, LocalDateTime startsAt, LocalDateTime endsAt, String place,
			Integer attendance, String minutes) {
	}

	public record DemoPriority(String wardCode, LocalDateTime meetingStart, String category, String issue, String action,
			LocalDate agreedOn, LocalDate actionDate, PriorityStatus status, LocalDate reviewDate, LocalDate closedOn) {
	}

	public record DemoMember(String wardCode, int position, String name, String role) {
	}

	/** Adds synthetic members, meetings and priorities in three batches; the priorities find their meeting by ward and start. */
	public void insertDemo(List<DemoMember> members, List<DemoMeeting> meetings, List<DemoPriority> priorities) {
		this.template.batchUpdate("""
				insert into neighbourhood.panel_member (ward_code, position, name, role, synthetic) values (?, ?, ?, ?, true)""",
				members, 1000, (ps, m) -> {
					ps.setString(1, m.wardCode());
					ps.setInt(2, m.position());
					ps.setString(3, m.name());
					ps.setString(4, m.role());
				});
		this.template.batchUpdate("""
				insert into neighbourhood.panel_meeting (ward_code, starts_at, ends_at, place, attendance, minutes, public,
				    synthetic, created_by) values (?, ?, ?, ?, ?, ?, true, true, 'system')""", meetings, 1000, (ps, m) -> {
			ps.setString(1, m.wardCode());
			ps.setTimestamp(2, Timestamp.valueOf(m.startsAt()));
			ps.setTimestamp(3, Timestamp.valueOf(m.endsAt()));
			ps.setString(4, m.place());
			ps.setObject(5, m.attendance());
			ps.setString(6, m.minutes());
		});
		this.template.batchUpdate("""
				insert into neighbourhood.priority (ward_code, meeting_id, category_id, issue, action, agreed_on, action_date,
				    status, review_date, closed_on, synthetic, created_by)
				values (?, (select id from neighbourhood.panel_meeting where ward_code = ? and starts_at = ? limit 1),
				    (select id from neighbourhood.category where name = ?), ?, ?, ?, ?, ?, ?, ?, true, 'system')""",
				priorities, 1000, (ps, p) -> {
					ps.setString(1, p.wardCode());
					ps.setString(2, p.wardCode());
					ps.setTimestamp(3, p.meetingStart() == null ? null : Timestamp.valueOf(p.meetingStart()));
					ps.setString(4, p.category());
					ps.setString(5, p.issue());
					ps.setString(6, p.action());
					ps.setObject(7, p.agreedOn());
					ps.setObject(8, p.actionDate());
					ps.setString(9, p.status().name());
					ps.setObject(10, p.reviewDate());
					ps.setObject(11, p.closedOn());
				});
	}

	private static Priority priority(ResultSet rs, int n) throws SQLException {
		return new Priority(rs.getLong("id"), rs.getString("ward_code"), Optional.ofNullable(rs.getObject("meeting_id", Long.class)),
				rs.getString("category"), rs.getString("issue"), rs.getString("action"), rs.getObject("agreed_on", LocalDate.class),
				Optional.ofNullable(rs.getObject("action_date", LocalDate.class)), PriorityStatus.valueOf(rs.getString("status")),
				Optional.ofNullable(rs.getObject("review_date", LocalDate.class)),
				Optional.ofNullable(rs.getObject("closed_on", LocalDate.class)), rs.getBoolean("synthetic"), rs.getInt("version"));
	}

	private static PanelMeeting meeting(ResultSet rs, int n) throws SQLException {
		return new PanelMeeting(rs.getLong("id"), rs.getString("ward_code"), rs.getObject("starts_at", LocalDateTime.class),
				rs.getObject("ends_at", LocalDateTime.class), rs.getString("place"),
				Optional.ofNullable(rs.getObject("attendance", Integer.class)), rs.getString("minutes"), rs.getBoolean("public"),
				rs.getBoolean("synthetic"), rs.getInt("version"));
	}

}
