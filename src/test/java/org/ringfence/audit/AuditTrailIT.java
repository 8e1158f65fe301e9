package org.ringfence.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditTrailIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void theDatabaseRefusesUpdateDeleteAndTruncateOfTheTrail() {
		long seq = this.jdbc.sql("select min(seq) from audit.entry").query(Long.class).single();
		assertThatThrownBy(() -> this.jdbc.sql("update audit.entry set actor = 'mallory' where seq = ?").param(seq).update())
			.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit.entry where seq = ?").param(seq).update())
			.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("truncate audit.entry").update()).rootCause().hasMessageContaining("append-only");
		assertThat(this.jdbc.sql("select actor from audit.entry where seq = ?").param(seq).query(String.class).single())
			.isNotEqualTo("mallory");
	}

	@Test
	void changesAreRecordedWithWhoAndBeforeAfterAndTheChainVerifies() {
		Api api = new Api(this.port);
		Api.Response created = api.post("admin", "/api/v1/users", "application/json",
				"{\"username\":\"audit.check\",\"displayName\":\"Audit check\",\"password\":\"demo-password\",\"role\":\"OVERSIGHT\",\"scopes\":[{\"type\":\"FORCE\",\"code\":\"MPS\"}]}"
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode entries = api.get("admin", "/api/v1/audit").json();
		JsonNode entry = null;
		for (JsonNode e : entries) {
			if (e.get("entityId").asString().equals("audit.check")) {
				entry = e;
			}
		}
		assertThat(entry).isNotNull();
		assertThat(entry.get("actor").asString()).isEqualTo("admin");
		assertThat(entry.get("action").asString()).isEqualTo("user created");
		assertThat(entry.get("after").get("role").asString()).isEqualTo("OVERSIGHT");
		JsonNode verified = api.get("oversight", "/api/v1/audit/verify").json();
		assertThat(verified.get("valid").asBoolean()).isTrue();
		assertThat(verified.get("entries").asLong()).isGreaterThan(600);
	}

	@Test
	void boroughRolesSeeOnlyTheirBoroughsEntries() {
		JsonNode entries = new Api(this.port).get("supt.camden", "/api/v1/audit?from=2000-01-01").json();
		assertThat(entries).isNotEmpty();
		entries.forEach(e -> assertThat(e.get("boroughCode").asString()).isEqualTo("E09000007"));
	}

	@Test
	void tamperingWithAnEntryMakesVerifyReportInvalid() throws SQLException {
		Api api = new Api(this.port);
		long seq = this.jdbc.sql("select max(seq) - 3 from audit.entry").query(Long.class).single();
		String actor = this.jdbc.sql("select actor from audit.entry where seq = ?").param(seq).query(String.class).single();
		try (Connection connection = this.dataSource.getConnection(); Statement sql = connection.createStatement()) {
			// Only a superuser bypassing the triggers can do this: it is what an attacker with the
			// database's keys would do, and the chain must show it.
			sql.execute("set session_replication_role = replica");
			sql.execute("update audit.entry set actor = 'mallory' where seq = " + seq);
			sql.execute("set session_replication_role = origin");
		}
		try {
			JsonNode verified = api.get("admin", "/api/v1/audit/verify").json();
			assertThat(verified.get("valid").asBoolean()).isFalse();
			assertThat(verified.get("firstInvalidSeq").asLong()).isEqualTo(seq);
		}
		finally {
			try (Connection connection = this.dataSource.getConnection(); Statement sql = connection.createStatement()) {
				sql.execute("set session_replication_role = replica");
				sql.execute("update audit.entry set actor = '" + actor.replace("'", "''") + "' where seq = " + seq);
				sql.execute("set session_replication_role = origin");
			}
		}
		assertThat(api.get("admin", "/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
	}

}
