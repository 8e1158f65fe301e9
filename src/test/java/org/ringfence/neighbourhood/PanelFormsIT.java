package org.ringfence.neighbourhood;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.support.WebSession;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edit forms of a ward panel: changing and deleting a meeting (refused once a priority was
 * agreed at it), and the panel members; scope checks, error summaries and the audit trail.
 * Meetings far ahead (2036) keep the demo data apart where the public API need not show them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PanelFormsIT {

	static final String CAMDEN = "E09000007";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GeographyService geography;

	Api api;

	String ward;

	String otherCamdenWard;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.ward = this.api.get("sergeant.camden", "/api/v1/me").json().get("scopes").get(0).get("code").asString();
		this.otherCamdenWard = this.geography.wards(Optional.of(CAMDEN))
			.stream()
			.map(w -> w.code())
			.filter(w -> !w.equals(this.ward))
			.findFirst()
			.orElseThrow();
	}

	long meeting(String ward, String day, String place) {
		Api.Response created = this.api.post("admin", "/api/v1/neighbourhoods/" + ward + "/meetings", "application/json",
				"""
						{"startsAt":"%sT19:00:00","endsAt":"%sT20:30:00","place":"%s","public":true}"""
					.formatted(day, day, place)
					.getBytes(StandardCharsets.UTF_8));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	List<String> audited(String entityId) {
		List<String> actions = new ArrayList<>();
		this.api.get("admin", "/api/v1/audit?limit=100").json().forEach(e -> {
			if (e.get("entityId").asString().equals(entityId)) {
				actions.add(e.get("action").asString() + " by " + e.get("actor").asString());
			}
		});
		return actions;
	}

	Map<String, String> form(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	@Test
	void aSergeantChangesAMeetingThroughTheFormAndTheChangeIsPublishedAndAudited() {
		// within the months the public API publishes ahead
		LocalDate day = LocalDate.now().plusDays(40);
		long id = meeting(this.ward, day.toString(), "Old library");
		WebSession sergeant = WebSession.signIn(this.port, "sergeant.camden");
		String edit = "/panels/" + this.ward + "/meetings/" + id + "/edit";
		WebSession.Page page = sergeant.get(edit);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Change a ward panel meeting").contains("value=\"Old library\"")
			.contains("value=\"" + day + "\"");
		// an end before the start is refused with an error summary; nothing is stored
		WebSession.Page refused = sergeant.post(edit, edit, form("date", day.toString(), "start", "19:00", "end", "",
				"place", "Community centre", "public", "true", "version", "0"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("govuk-error-summary").contains("Enter the end time");
		WebSession.Page saved = sergeant.post(edit, edit, form("date", day.plusDays(1).toString(), "start", "18:30", "end", "20:00",
				"place", "Community centre", "public", "true", "attendance", "17", "minutes", "Private note", "version", "0"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/panels/" + this.ward + "?meeting");
		Map<String, Object> row = this.jdbc.sql("select place, attendance, starts_at::text as starts, version from "
				+ "neighbourhood.panel_meeting where id = ?").param(id).query().singleRow();
		assertThat(row.get("place")).isEqualTo("Community centre");
		assertThat(row.get("attendance")).isEqualTo(17);
		assertThat(row.get("starts").toString()).startsWith(day.plusDays(1) + " 18:30");
		// the form's version is now stale: a second save from the same page is refused, not lost
		WebSession.Page stale = sergeant.post(edit, edit, form("date", day.plusDays(1).toString(), "start", "18:30", "end", "20:00",
				"place", "Somewhere else", "public", "true", "version", "0"));
		assertThat(stale.body()).contains("Someone changed this meeting");
		assertThat(audited(Long.toString(id))).contains("ward panel meeting changed by sergeant.camden");
		String events = this.api.get(null, "/police-uk/api/metropolitan/" + this.ward + "/events").body();
		assertThat(events).contains("Community centre").doesNotContain("Private note");
	}

	@Test
	void aMeetingIsDeletedOnlyWhenNoPriorityWasAgreedAtIt() {
		long free = meeting(this.ward, "2036-04-01", "Church hall");
		// a priority is agreed at a meeting held (its date cannot be in the future)
		String held = LocalDate.now().minusDays(9).toString();
		long withPriority = meeting(this.ward, held, "Church hall");
		Api.Response priority = this.api.post("sergeant.camden", "/api/v1/neighbourhoods/" + this.ward + "/priorities",
				"application/json", ("{\"issue\":\"Speeding on the high road\",\"category\":\"road safety\",\"action\":\"Speed checks\","
						+ "\"agreedOn\":\"" + held + "\",\"meetingId\":" + withPriority + "}").getBytes(StandardCharsets.UTF_8));
		assertThat(priority.status()).as(priority.body()).isEqualTo(201);
		WebSession sergeant = WebSession.signIn(this.port, "sergeant.camden");
		String blocked = "/panels/" + this.ward + "/meetings/" + withPriority + "/edit";
		assertThat(sergeant.get(blocked).body()).contains("1 priority was agreed at this meeting").doesNotContain("delete-meeting");
		WebSession.Page refused = sergeant.post(blocked, "/panels/" + this.ward + "/meetings/" + withPriority + "/delete",
				form("version", "0"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("govuk-error-summary").contains("cannot be deleted");
		assertThat(count(withPriority)).isEqualTo(1);
		String edit = "/panels/" + this.ward + "/meetings/" + free + "/edit";
		WebSession.Page deleted = sergeant.post(edit, "/panels/" + this.ward + "/meetings/" + free + "/delete",
				form("version", "0"));
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(deleted.location()).endsWith("?deleted");
		assertThat(count(free)).isZero();
		assertThat(audited(Long.toString(free))).contains("ward panel meeting deleted by sergeant.camden");
		// the API: 422 with its code while a priority holds the meeting, 204 otherwise, then 404
		Api.Response apiRefused = this.api.send("sergeant.camden", Api.PASSWORD, java.net.http.HttpRequest
			.newBuilder(this.api.uri("/api/v1/neighbourhood-meetings/" + withPriority + "?version=0"))
			.DELETE());
		assertThat(apiRefused.status()).isEqualTo(422);
		assertThat(apiRefused.json().get("code").asString()).isEqualTo("meeting-has-priorities");
		long another = meeting(this.ward, "2036-04-15", "Church hall");
		Api.Response stale = delete("sergeant.camden", another, 3);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(delete("sergeant.camden", another, 0).status()).isEqualTo(204);
		assertThat(delete("sergeant.camden", another, 0).status()).isEqualTo(404);
	}

	Api.Response delete(String user, long id, int version) {
		return this.api.send(user, Api.PASSWORD, java.net.http.HttpRequest
			.newBuilder(this.api.uri("/api/v1/neighbourhood-meetings/" + id + "?version=" + version))
			.DELETE());
	}

	int count(long meeting) {
		return this.jdbc.sql("select count(*)::int from neighbourhood.panel_meeting where id = ?").param(meeting)
			.query(Integer.class).single();
	}

	@Test
	void meetingFormsCheckTheWardAndTheScope() {
		long hackneys = meeting(this.geography.wards(Optional.of("E09000012")).get(0).code(), "2036-05-01", "Hall");
		long other = meeting(this.otherCamdenWard, "2036-05-01", "Hall");
		WebSession sergeant = WebSession.signIn(this.port, "sergeant.camden");
		// another ward's meeting under the sergeant's own ward: not found, and not changed
		assertThat(sergeant.get("/panels/" + this.ward + "/meetings/" + other + "/edit").status()).isEqualTo(404);
		WebSession.Page wrongWard = sergeant.post("/panels/" + this.ward, "/panels/" + this.ward + "/meetings/" + other + "/delete",
				form("version", "0"));
		assertThat(wrongWard.status()).isEqualTo(404);
		assertThat(count(other)).isEqualTo(1);
		// a ward outside the sergeant's scope
		assertThat(sergeant.get("/panels/" + this.otherCamdenWard + "/meetings/" + other + "/edit").status()).isEqualTo(403);
		assertThat(sergeant.get("/panels/" + this.otherCamdenWard + "/members").status()).isEqualTo(403);
		assertThat(delete("sergeant.camden", hackneys, 0).status()).isEqualTo(403);
		assertThat(count(hackneys)).isEqualTo(1);
	}

	@Test
	void theMembersFormReplacesTheListDropsEmptyRowsAndShowsErrorsByRow() {
		WebSession inspector = WebSession.signIn(this.port, "inspector.camden");
		String inspectorsCluster = this.api.get("inspector.camden", "/api/v1/me").json().get("scopes").get(0).get("code").asString();
		String wardOfInspector = this.geography.cluster(inspectorsCluster).wardCodes().get(0);
		String path = "/panels/" + wardOfInspector + "/members";
		WebSession.Page page = inspector.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Ward panel members").contains("name=\"name-0\"");
		WebSession.Page missingRole = inspector.post(path, path, form("name-0", "Ann Example", "role-0", "Chair", "name-1",
				"Bo Example", "role-1", "", "name-2", "", "role-2", ""));
		assertThat(missingRole.status()).isEqualTo(200);
		assertThat(missingRole.body()).contains("govuk-error-summary").contains("href=\"#role-1\"")
			.contains("Member 2: Enter a role");
		WebSession.Page saved = inspector.post(path, path, form("name-0", "Ann Example", "role-0", "Chair", "name-1", "",
				"role-1", "", "name-2", "Cy Example", "role-2", "Resident"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		JsonNode members = this.api.get("admin", "/api/v1/neighbourhoods/" + wardOfInspector + "/panel").json().get("members");
		assertThat(members.size()).isEqualTo(2);
		assertThat(members.get(0).get("name").asString()).isEqualTo("Ann Example");
		assertThat(members.get(1).get("role").asString()).isEqualTo("Resident");
		assertThat(audited(wardOfInspector)).contains("ward panel members changed by inspector.camden");
		// the panel page links to the form for editors
		assertThat(inspector.get("/panels/" + wardOfInspector).body()).contains("/panels/" + wardOfInspector + "/members");
	}

}
