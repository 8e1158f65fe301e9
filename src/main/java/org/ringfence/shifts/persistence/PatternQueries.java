package org.ringfence.shifts.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.shifts.NewShiftPattern;
import org.ringfence.shifts.PatternShift;
import org.ringfence.shifts.RosterRole;
import org.ringfence.shifts.ShiftPattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of stored shift patterns. */
@Repository
public class PatternQueries {

	private final JdbcClient jdbc;

	public PatternQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(NewShiftPattern pattern, String actor) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("insert into shifts.pattern (cluster_id, name, description, created_by) values (?, ?, ?, ?)")
			.params(pattern.clusterId(), pattern.name().trim(), pattern.description(), actor)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		int position = 0;
		for (PatternShift shift : pattern.shifts()) {
			this.jdbc.sql("""
					insert into shifts.pattern_shift (pattern_id, position, start_time, length_minutes, role, workers_per_day)
					values (?, ?, ?, ?, ?, ?::integer[])""")
				.params(id, position++, shift.start(), shift.lengthMinutes(), shift.role().name(),
						toArrayLiteral(shift.workersPerDay()))
				.update();
		}
		return id;
	}

	public Optional<ShiftPattern> find(long id) {
		return read("where p.id = ?", id).stream().findFirst();
	}

	public List<ShiftPattern> forCluster(String clusterId) {
		return read("where p.cluster_id = ?", clusterId);
	}

	private List<ShiftPattern> read(String where, Object param) {
		Map<Long, ShiftPattern> patterns = new LinkedHashMap<>();
		Map<Long, List<PatternShift>> shifts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select p.id, p.cluster_id, p.name, p.description, p.created_by, p.created_at,
				       s.start_time, s.length_minutes, s.role, s.workers_per_day
				from shifts.pattern p left join shifts.pattern_shift s on s.pattern_id = p.id
				""" + where + " order by p.id, s.position").param(param).query((ResultSet rs) -> {
			long id = rs.getLong("id");
			List<PatternShift> list = shifts.computeIfAbsent(id, k -> new ArrayList<>());
			if (!patterns.containsKey(id)) {
				patterns.put(id, new ShiftPattern(id, rs.getString("cluster_id"), rs.getString("name"),
						rs.getString("description"), List.of(), rs.getString("created_by"),
						rs.getTimestamp("created_at").toInstant()));
			}
			if (rs.getObject("start_time") != null) {
				list.add(new PatternShift(rs.getObject("start_time", LocalTime.class), rs.getInt("length_minutes"),
						RosterRole.valueOf(rs.getString("role")), toInts(rs.getArray("workers_per_day"))));
			}
		});
		List<ShiftPattern> result = new ArrayList<>();
		patterns.forEach((id, p) -> result.add(new ShiftPattern(p.id(), p.clusterId(), p.name(), p.description(),
				shifts.get(id), p.createdBy(), p.createdAt())));
		return result;
	}

	private static String toArrayLiteral(int[] values) {
		StringBuilder s = new StringBuilder("{");
		for (int i = 0; i < values.length; i++) {
			s.append(i == 0 ? "" : ",").append(values[i]);
		}
		return s.append('}').toString();
	}

	private static int[] toInts(Array array) throws SQLException {
		Integer[] boxed = (Integer[]) array.getArray();
		int[] values = new int[boxed.length];
		for (int i = 0; i < boxed.length; i++) {
			values[i] = boxed[i];
		}
		return values;
	}

}
