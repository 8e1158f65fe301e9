package org.ringfence.audit.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.audit.AuditEntry;
import org.ringfence.audit.ChainVerification;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over the audit schema. Inserts only: the database refuses anything else. */
@Repository
public class AuditQueries {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public AuditQueries(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Appends an entry; the database gives it its number, time and hash. */
	public void append(String actor, String action, String entityType, String entityId, String boroughCode,
			Map<String, Object> before, Map<String, Object> after) {
		this.jdbc.sql("""
				insert into audit.entry (seq, recorded_at, actor, action, entity_type, entity_id, borough_code,
				                         before_state, after_state, prev_hash, hash)
				values (0, now(), ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), '', ?)""")
			.params(actor, action, entityType, entityId, boroughCode, before.isEmpty() ? null : this.json.writeValueAsString(before),
					after.isEmpty() ? null : this.json.writeValueAsString(after), "pending-" + java.util.UUID.randomUUID())
			.update();
	}

	/** Entries recorded in [from, to), optionally of one set of boroughs (null = all), newest first. */
	public List<AuditEntry> entries(Instant from, Instant to, Optional<List<String>> boroughs, int limit) {
		return this.jdbc.sql("""
				select seq, recorded_at, actor, action, entity_type, entity_id, borough_code, before_state::text,
				       after_state::text, hash
				from audit.entry
				where recorded_at >= :from and recorded_at < :to
				  and (cast(:all as boolean) or borough_code = any(:boroughs))
				order by seq desc limit :limit""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("all", boroughs.isEmpty())
			.param("boroughs", boroughs.orElse(List.of()).toArray(String[]::new))
			.param("limit", limit)
			.query((rs, n) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), map(rs.getString(8)), map(rs.getString(9)),
					rs.getString(10)))
			.list();
	}

	/** Recomputes every entry's hash from its content and its predecessor's stored hash. */
	public ChainVerification verify() {
		return this.jdbc.sql("""
				with chain as (
				  select seq, hash, prev_hash,
				         coalesce(lag(hash) over (order by seq), repeat('0', 64)) as expected_prev,
				         audit.entry_digest(prev_hash, seq, recorded_at, actor, action, entity_type, entity_id,
				                            borough_code, ward_code, before_state, after_state) as expected_hash
				  from audit.entry)
				select count(*),
				       coalesce(min(seq) filter (where hash <> expected_hash or prev_hash <> expected_prev), 0)
				from chain""")
			.query((rs, n) -> new ChainVerification(rs.getLong(1), rs.getLong(2) == 0, rs.getLong(2)))
			.single();
	}

	private Map<String, Object> map(String text) {
		return text == null ? Map.of() : this.json.readValue(text, MAP);
	}

}
