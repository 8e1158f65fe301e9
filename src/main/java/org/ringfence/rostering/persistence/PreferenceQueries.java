package org.ringfence.rostering.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over rostering.officer_preference. */
@Repository
public class PreferenceQueries {

	private final JdbcClient jdbc;

	public PreferenceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored row: ISO weekdays, times, note, version, who and when. */
	public record PreferenceRow(long personId, List<Integer> restDays, Optional<LocalTime> noStartBefore,
			Optional<LocalTime> noEndAfter, String note, int version, String changedBy, Instant changedAt) {
	}

	private static final String COLUMNS = "person_id, rest_days, no_start_before, no_end_after, note, version, changed_by, changed_at";

	public Optional<PreferenceRow> find(long personId) {
		return this.jdbc.sql("select " + COLUMNS + " from rostering.officer_preference where person_id = ?")
			.param(personId)
			.query(PreferenceQueries::row)
			.optional();
	}

	public Map<Long, PreferenceRow> of(Collection<Long> personIds) {
		Map<Long, PreferenceRow> rows = new TreeMap<>();
		if (personIds.isEmpty()) {
			return rows;
		}
		this.jdbc.sql("select " + COLUMNS + " from rostering.officer_preference where person_id = any(?)")
			.param(personIds.toArray(Long[]::new))
			.query(PreferenceQueries::row)
			.list()
			.forEach(r -> rows.put(r.personId(), r));
		return rows;
	}

	/** Inserts (expectedVersion -1: none stored) or updates at the version read; false when it changed meanwhile. */
	public boolean save(long personId, int expectedVersion, List<Integer> restDays, Optional<LocalTime> noStartBefore,
			Optional<LocalTime> noEndAfter, String note, String actor) {
		Integer[] days = restDays.toArray(Integer[]::new);
		Time before = noStartBefore.map(Time::valueOf).orElse(null);
		Time after = noEndAfter.map(Time::valueOf).orElse(null);
		if (expectedVersion < 0) {
			return this.jdbc.sql("""
					insert into rostering.officer_preference (person_id, rest_days, no_start_before, no_end_after, note, changed_by)
					values (?, ?::smallint[], ?, ?, ?, ?) on conflict (person_id) do nothing""")
				.params(personId, days, before, after, note, actor)
				.update() == 1;
		}
		return this.jdbc.sql("""
				update rostering.officer_preference set rest_days = ?::smallint[], no_start_before = ?, no_end_after = ?, note = ?,
				version = version + 1, changed_by = ?, changed_at = now() where person_id = ? and version = ?""")
			.params(days, before, after, note, actor, personId, expectedVersion)
			.update() == 1;
	}

	private static PreferenceRow row(ResultSet rs, int n) throws SQLException {
		Array array = rs.getArray("rest_days");
		List<Integer> days = new ArrayList<>();
		if (array != null) {
			for (Object o : (Object[]) array.getArray()) {
				days.add(((Number) o).intValue());
			}
		}
		Time before = rs.getTime("no_start_before");
		Time after = rs.getTime("no_end_after");
		return new PreferenceRow(rs.getLong("person_id"), days.stream().sorted().toList(),
				Optional.ofNullable(before).map(Time::toLocalTime), Optional.ofNullable(after).map(Time::toLocalTime),
				rs.getString("note"), rs.getInt("version"), rs.getString("changed_by"),
				rs.getTimestamp("changed_at").toInstant());
	}

}
