package org.ringfence.rostering;

import org.junit.jupiter.api.Test;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer sets their own rostering preferences over the API (audited, versioned); the roster
 * makers covering the officer read them; another officer and another borough may not.
 */
@IntegrationTest
class RosterPreferencesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOfficerSetsTheirPreferencesAndTheRosterMakersReadThem() {
		Api api = new Api(this.port);
		long officer = api.get("officer.camden", "/api/v1/me").json().get("personId").asLong();
		long other = api.get("sergeant.camden", "/api/v1/me").json().get("personId").asLong();
		String path = "/api/v1/officers/" + officer + "/roster-preferences";

		JsonNode none = api.get("officer.camden", path).json();
		int version = none.get("version").asInt();
		Api.Response set = api.put("officer.camden", path, """
				{"restDays": [7, 6], "noStartBefore": "08:00", "noEndAfter": null, "note": "childcare", "version": %d}"""
			.formatted(version));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().get("restDays").toString()).isEqualTo("[6,7]");
		assertThat(set.json().get("noStartBefore").asString()).isEqualTo("08:00");
		assertThat(set.json().get("version").asInt()).isEqualTo(version + 1);

		JsonNode read = api.get("smt.camden", path).json();
		assertThat(read.get("note").asString()).isEqualTo("childcare");
		assertThat(read.get("changedBy").asString()).isEqualTo("officer.camden");

		// the version read is required: a stale one is refused
		Api.Response stale = api.put("officer.camden", path,
				"{\"restDays\": [1], \"version\": %d}".formatted(version));
		assertThat(stale.status()).isEqualTo(409);
		Api.Response badDay = api.put("officer.camden", path,
				"{\"restDays\": [8], \"version\": %d}".formatted(version + 1));
		assertThat(badDay.status()).isEqualTo(400);

		assertThat(api.put("officer.camden", "/api/v1/officers/" + other + "/roster-preferences",
				"{\"restDays\": [], \"version\": -1}").status()).isEqualTo(403);
		assertThat(api.get("supt.hackney", path).status()).isEqualTo(403);
		assertThat(api.put("analyst", path, "{\"restDays\": [], \"version\": %d}".formatted(version + 1)).status())
			.isEqualTo(403);

		String audited = this.jdbc.sql("""
				select actor || ' ' || after_state::text from audit.entry where entity_type = 'roster preferences'
				and entity_id = ? order by seq desc limit 1""").param(Long.toString(officer)).query(String.class).single();
		assertThat(audited).startsWith("officer.camden").contains("childcare");
	}

}
