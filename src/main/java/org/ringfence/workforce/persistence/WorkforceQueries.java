package org.ringfence.workforce.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.workforce.Posting;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceViews.NewPerson;
import org.ringfence.workforce.WorkforceViews.NewPosting;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the workforce schema. */
@Repository
public class WorkforceQueries {

	private static final String POSTING_COLUMNS = "p.id, p.person_id, p.role, p.position, p.ward_code, p.cluster_code, "
			+ "p.borough_code, p.also_ward_code, p.start_date, p.end_date";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	public WorkforceQueries(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A person's row. */
	public record PersonRow(long id, String serviceNumber, String givenName, String familyName, WorkforceRole role,
			boolean synthetic) {

		public String name() {
			return this.givenName + " " + this.familyName;
		}

	}

	public long countPeople() {
		return this.jdbc.sql("select count(*) from workforce.person").query(Long.class).single();
	}

	public Optional<PersonRow> person(long id) {
		return this.jdbc.sql("select id, service_number, given_name, family_name, role, synthetic from workforce.person where id = ?")
			.param(id)
			.query(WorkforceQueries::personRow)
			.optional();
	}

	public Optional<PersonRow> personByServiceNumber(String serviceNumber) {
		return this.jdbc
			.sql("select id, service_number, given_name, family_name, role, synthetic from workforce.person where service_number = ?")
			.param(serviceNumber)
			.query(WorkforceQueries::personRow)
			.optional();
	}

	public Map<String, Long> personIdsByServiceNumber() {
		Map<String, Long> ids = new java.util.HashMap<>();
		this.jdbc.sql("select service_number, id from workforce.person")
			.query((java.sql.ResultSet rs) -> {
				ids.put(rs.getString(1), rs.getLong(2));
			});
		return ids;
	}

	public List<PersonRow> people(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select id, service_number, given_name, family_name, role, synthetic from workforce.person where id = any(?)")
			.param(ids.toArray(Long[]::new))
			.query(WorkforceQueries::personRow)
			.list();
	}

	public List<Posting> postingsOf(long personId) {
		return this.jdbc.sql("select " + POSTING_COLUMNS + " from workforce.posting p where p.person_id = ? order by p.start_date desc")
			.param(personId)
			.query(WorkforceQueries::posting)
			.list();
	}

	/** Every posting ever made to a ward (including sergeants sharing supervision of it). */
	public List<Posting> postingsAtWard(String wardCode) {
		return this.jdbc.sql("select " + POSTING_COLUMNS
				+ " from workforce.posting p where p.ward_code = ? or p.also_ward_code = ? order by p.start_date")
			.params(wardCode, wardCode)
			.query(WorkforceQueries::posting)
			.list();
	}

	/** Postings open on a day at any of the given wards, clusters or boroughs. */
	public List<Posting> postingsOn(LocalDate day, Collection<String> wards, Collection<String> clusters,
			Collection<String> boroughs) {
		return this.jdbc.sql("select " + POSTING_COLUMNS + " " + """
				 from workforce.posting p
				where p.start_date <= :day and (p.end_date is null or p.end_date > :day)
				  and (p.ward_code = any(:wards) or p.also_ward_code = any(:wards) or p.cluster_code = any(:clusters)
				       or p.borough_code = any(:boroughs))
				order by p.start_date""")
			.param("day", Date.valueOf(day))
			.param("wards", wards.toArray(String[]::new))
			.param("clusters", clusters.toArray(String[]::new))
			.param("boroughs", boroughs.toArray(String[]::new))
			.query(WorkforceQueries::posting)
			.list();
	}

	/** Every posting open on a day, anywhere. */
	public List<Posting> postingsOn(LocalDate day) {
		return this.jdbc.sql("select " + POSTING_COLUMNS + """
				 from workforce.posting p
				where p.start_date <= ? and (p.end_date is null or p.end_date > ?)
				order by p.person_id, p.start_date""")
			.params(Date.valueOf(day), Date.valueOf(day))
			.query(WorkforceQueries::posting)
			.list();
	}

	public Optional<Posting> postingOn(long personId, LocalDate day) {
		return this.jdbc.sql("select " + POSTING_COLUMNS + " " + """
				 from workforce.posting p
				where p.person_id = ? and p.start_date <= ? and (p.end_date is null or p.end_date > ?)""")
			.params(personId, Date.valueOf(day), Date.valueOf(day))
			.query(WorkforceQueries::posting)
			.optional();
	}

	public void endPosting(long postingId, LocalDate end) {
		this.jdbc.sql("update workforce.posting set end_date = ? where id = ?").params(Date.valueOf(end), postingId).update();
	}

	public long insertPosting(long personId, NewPosting posting) {
		return this.jdbc.sql("""
				insert into workforce.posting (person_id, role, position, ward_code, also_ward_code, cluster_code,
				                               borough_code, start_date, end_date)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(postingParams(personId, posting))
			.query(Long.class)
			.single();
	}

	/** Adds many people with their postings in a few round trips; returns how many people were added. */
	public int insertPeople(List<NewPerson> people) {
		if (people.isEmpty()) {
			return 0;
		}
		List<Long> ids = this.jdbc
			.sql("select nextval('workforce.person_id_seq') from generate_series(1, ?)")
			.param(people.size())
			.query(Long.class)
			.list();
		List<Object[]> personRows = new ArrayList<>();
		List<Object[]> postingRows = new ArrayList<>();
		for (int i = 0; i < people.size(); i++) {
			NewPerson person = people.get(i);
			long id = ids.get(i);
			personRows.add(new Object[] { id, person.serviceNumber(), person.givenName(), person.familyName(),
					person.role().name(), person.synthetic() });
			for (NewPosting posting : person.postings()) {
				postingRows.add(postingParams(id, posting));
			}
		}
		this.template.batchUpdate(
				"insert into workforce.person (id, service_number, given_name, family_name, role, synthetic) values (?, ?, ?, ?, ?, ?)",
				personRows);
		this.template.batchUpdate("""
				insert into workforce.posting (person_id, role, position, ward_code, also_ward_code, cluster_code,
				                               borough_code, start_date, end_date)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", postingRows);
		return people.size();
	}

	private static Object[] postingParams(long personId, NewPosting posting) {
		Unit unit = posting.unit();
		return new Object[] { personId, posting.role().name(), posting.position(),
				unit.kind() == Unit.Kind.WARD ? unit.code() : null, posting.alsoWard().orElse(null),
				unit.kind() == Unit.Kind.CLUSTER ? unit.code() : null,
				unit.kind() == Unit.Kind.BOROUGH ? unit.code() : null, Date.valueOf(posting.start()),
				posting.end().map(Date::valueOf).orElse(null) };
	}

	private static PersonRow personRow(ResultSet rs, int n) throws SQLException {
		return new PersonRow(rs.getLong("id"), rs.getString("service_number"), rs.getString("given_name"),
				rs.getString("family_name"), WorkforceRole.valueOf(rs.getString("role")), rs.getBoolean("synthetic"));
	}

	private static Posting posting(ResultSet rs, int n) throws SQLException {
		Unit unit;
		if (rs.getString("ward_code") != null) {
			unit = Unit.ward(rs.getString("ward_code"));
		}
		else if (rs.getString("cluster_code") != null) {
			unit = Unit.cluster(rs.getString("cluster_code"));
		}
		else {
			unit = Unit.borough(rs.getString("borough_code"));
		}
		Date end = rs.getDate("end_date");
		return new Posting(rs.getLong("id"), rs.getLong("person_id"), WorkforceRole.valueOf(rs.getString("role")),
				rs.getString("position"), unit, Optional.ofNullable(rs.getString("also_ward_code")),
				rs.getDate("start_date").toLocalDate(), Optional.ofNullable(end).map(Date::toLocalDate));
	}

}
