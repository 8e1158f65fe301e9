package org.ringfence.rostering.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.support.WebSession;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer sets their own rostering preferences on the page: saved and read back by the API,
 * a time that cannot be read refused with the field named and nothing stored, a stale form refused
 * with the stored values shown; an account without a person has no such page.
 */
@IntegrationTest
class MyPreferencesPageIT {

	static final String PAGE = "/me/roster-preferences";

	static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(-?\\d+)\"");

	@LocalServerPort
	int port;

	@Test
	void aSergeantSetsTheirPreferencesOnThePage() {
		WebSession sergeant = WebSession.signIn(this.port, "sergeant.camden");
		WebSession.Page form = sergeant.get(PAGE);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("My rostering preferences").contains("Saturday");
		int version = version(form.body());

		WebSession.Page saved = sergeant.post(PAGE, PAGE, Map.of("restDays", "6", "noStartBefore", "08:00", "noEndAfter", "",
				"note", "Evening class on Thursdays", "version", Integer.toString(version)));

		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(saved.location()).endsWith(PAGE);
		WebSession.Page after = sergeant.get(PAGE);
		assertThat(after.body()).contains("Your preferences are saved").contains("value=\"08:00\"")
			.contains("Evening class on Thursdays");
		assertThat(after.body()).containsPattern("value=\"6\"\\s+checked");
		Api api = new Api(this.port);
		long person = api.get("sergeant.camden", "/api/v1/me").json().get("personId").asLong();
		JsonNode stored = api.get("smt.camden", "/api/v1/officers/" + person + "/roster-preferences").json();
		assertThat(stored.get("restDays").toString()).isEqualTo("[6]");
		assertThat(stored.get("noStartBefore").asString()).isEqualTo("08:00");
		assertThat(stored.get("version").asInt()).isEqualTo(version + 1);

		// a time that cannot be read: refused, the field named, nothing stored
		WebSession.Page bad = sergeant.post(PAGE, PAGE, Map.of("restDays", "1", "noStartBefore", "25:99", "note", "",
				"version", Integer.toString(version + 1)));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("There is a problem").contains("href=\"#noStartBefore\"")
			.contains("give the time as HH:MM");
		assertThat(api.get("smt.camden", "/api/v1/officers/" + person + "/roster-preferences").json().get("version").asInt())
			.isEqualTo(version + 1);

		// a form opened before the last save: refused, the stored preferences shown again
		WebSession.Page stale = sergeant.post(PAGE, PAGE, Map.of("restDays", "2", "noStartBefore", "", "note", "",
				"version", Integer.toString(version)));
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("changed elsewhere").containsPattern("value=\"6\"\\s+checked")
			.contains("name=\"version\" value=\"" + (version + 1) + "\"");
		assertThat(api.get("smt.camden", "/api/v1/officers/" + person + "/roster-preferences").json().get("restDays")
			.toString()).isEqualTo("[6]");
	}

	@Test
	void anAccountWithoutAPersonHasNoPreferences() {
		WebSession analyst = WebSession.signIn(this.port, "analyst");
		WebSession.Page page = analyst.get(PAGE);
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).contains("You do not have access to this page");
	}

	static int version(String body) {
		Matcher m = VERSION.matcher(body);
		assertThat(m.find()).as("a version field").isTrue();
		return Integer.parseInt(m.group(1));
	}

}
