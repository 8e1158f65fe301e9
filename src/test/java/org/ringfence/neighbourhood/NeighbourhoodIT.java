package org.ringfence.neighbourhood;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Ward priorities and panels through the API: who may change what, audit, and themes against SQL. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeighbourhoodIT {

	static final String CAMDEN = "E09000007";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GeographyService geography;

	@Autowired
	WardPriorities priorities;

	Api api;

	String sergeantWard;

	String otherCamdenWard;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		List<String> wards = new ArrayList<>();
		this.api.get("sergeant.camden", "/api/v1/me").json().get("scopes").forEach(s -> wards.add(s.get("code").asString()));
		this.sergeantWard = wards.get(0);
		this.otherCamdenWard = this.geography.wards(Optional.of(CAMDEN))
			.stream()
			.map(w -> w.code())
			.filter(w -> !wards.contains(w))
			.findFirst()
			.orElseThrow();
	}

	Api.Response post(String user, String path, String json) {
		return this.api.post(user, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void demoDataGivesEveryWardPrioritiesAndUpcomingMeetings() {
		int wards = this.geography.wards(Optional.empty()).size();
		int withPriorities = this.jdbc.sql("select count(distinct ward_code) from neighbourhood.priority where status = 'OPEN'")
			.query(Integer.class).single();
		int withNextMeeting = this.jdbc.sql("""
				select count(distinct ward_code) from neighbourhood.panel_meeting where public and starts_at > localtimestamp""")
			.query(Integer.class).single();
		assertThat(withPriorities).isEqualTo(wards);
		assertThat(withNextMeeting).isEqualTo(wards);
		assertThat(this.jdbc.sql("select bool_and(synthetic) from neighbourhood.priority where created_by = 'system'")
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void aSergeantAddsAndClosesAPriorityOfTheirWardAuditedButNotAnotherWards() {
		String today = LocalDate.now().toString();
		String body = """
				{"issue":"Cycling on the canal towpath at speed","category":"road safety","action":"Joint patrols with the \
				Canal and River Trust","agreedOn":"%s","reviewDate":"%s"}""".formatted(today, LocalDate.now().plusMonths(3));
		Api.Response created = post("sergeant.camden", "/api/v1/neighbourhoods/" + this.sergeantWard + "/priorities", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode priority = created.json();
		long id = priority.get("id").asLong();
		assertThat(priority.get("status").asString()).isEqualTo("OPEN");
		assertThat(priority.get("category").asString()).isEqualTo("road safety");
		assertThat(post("sergeant.camden", "/api/v1/neighbourhoods/" + this.otherCamdenWard + "/priorities", body).status())
			.isEqualTo(403);
		assertThat(post("analyst", "/api/v1/neighbourhoods/" + this.sergeantWard + "/priorities", body).status()).isEqualTo(403);
		// validation: an unknown category and a future date
		Api.Response invalid = post("sergeant.camden", "/api/v1/neighbourhoods/" + this.sergeantWard + "/priorities",
				"{\"issue\":\"x\",\"category\":\"parking\",\"agreedOn\":\"2099-01-01\"}");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("category").contains("agreedOn");

		Api.Response achieved = this.api.put("sergeant.camden", "/api/v1/priorities/" + id,
				"{\"action\":\"Patrols done\",\"status\":\"ACHIEVED\",\"version\":0}");
		assertThat(achieved.status()).as(achieved.body()).isEqualTo(200);
		assertThat(achieved.json().get("closedOn").asString()).isEqualTo(LocalDate.now().toString());
		assertThat(this.api.put("sergeant.camden", "/api/v1/priorities/" + id, "{\"status\":\"OPEN\",\"version\":0}").status())
			.as("a stale version").isEqualTo(409);

		// both changes are in the audit trail
		JsonNode audit = this.api.get("admin", "/api/v1/audit?limit=50").json();
		List<String> actions = new ArrayList<>();
		audit.forEach(e -> {
			if (e.get("entityId").asString().equals(Long.toString(id))) {
				actions.add(e.get("action").asString() + " by " + e.get("actor").asString());
			}
		});
		assertThat(actions).contains("neighbourhood priority created by sergeant.camden",
				"neighbourhood priority changed by sergeant.camden");
		// the performance framework's lookups
		assertThat(this.priorities.find(id).status()).isEqualTo(PriorityStatus.ACHIEVED);
		assertThat(this.priorities.forWard(this.sergeantWard, LocalDate.now(), LocalDate.now())).extracting(Priority::id)
			.contains(id);
		assertThat(this.priorities.forWard(this.sergeantWard, LocalDate.now().plusDays(1), LocalDate.now().plusDays(2)))
			.extracting(Priority::id)
			.doesNotContain(id);
	}

	@Test
	void meetingsAndMembersAreKeptByTheWardsSergeant() {
		String meeting = """
				{"startsAt":"%sT19:00:00","endsAt":"%sT20:30:00","place":"St Pancras church hall","public":true}"""
			.formatted(LocalDate.now().plusDays(10), LocalDate.now().plusDays(10));
		Api.Response created = post("sergeant.camden", "/api/v1/neighbourhoods/" + this.sergeantWard + "/meetings", meeting);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		Api.Response changed = this.api.put("sergeant.camden", "/api/v1/neighbourhood-meetings/" + id, """
				{"startsAt":"%sT19:00:00","endsAt":"%sT20:30:00","place":"St Pancras church hall","public":true,
				 "attendance":23,"minutes":"Internal note: nothing to publish","version":0}"""
			.formatted(LocalDate.now().plusDays(10), LocalDate.now().plusDays(10)));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("attendance").asInt()).isEqualTo(23);
		// the public event carries the place but never the minutes
		String events = this.api.get(null, "/police-uk/api/metropolitan/" + this.sergeantWard + "/events").body();
		assertThat(events).contains("St Pancras church hall").doesNotContain("Internal note");
		Api.Response members = this.api.put("sergeant.camden", "/api/v1/neighbourhoods/" + this.sergeantWard
				+ "/panel/members", "[{\"name\":\"Ann Example\",\"role\":\"Chair\"},{\"name\":\"Bo Example\",\"role\":\"Resident\"}]");
		assertThat(members.status()).as(members.body()).isEqualTo(200);
		JsonNode panel = this.api.get("admin",
				"/api/v1/neighbourhoods/" + this.sergeantWard + "/panel").json();
		assertThat(panel.get("members").get(0).get("name").asString()).isEqualTo("Ann Example");
		assertThat(panel.get("members").size()).isEqualTo(2);
		assertThat(this.api.put("sergeant.camden", "/api/v1/neighbourhoods/" + this.otherCamdenWard + "/panel/members", "[]")
			.status()).isEqualTo(403);
	}

	@Test
	void adminsAddCategoriesOthersCannot() {
		Api.Response added = post("admin", "/api/v1/neighbourhood-categories", "{\"name\":\"knife crime\"}");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(post("admin", "/api/v1/neighbourhood-categories", "{\"name\":\"Knife Crime\"}").status()).isEqualTo(409);
		assertThat(post("sergeant.camden", "/api/v1/neighbourhood-categories", "{\"name\":\"other\"}").status()).isEqualTo(403);
		assertThat(this.api.get("officer.camden", "/api/v1/neighbourhood-categories").body()).contains("knife crime");
	}

	@Test
	void themesMatchADirectSqlCount() {
		// hand-built priorities in 2034 (far from the demo data): one held January to 1 March, one from 20 March
		// (in test categories of their own: today's open demo priorities are still open in 2034)
		String ward = this.otherCamdenWard;
		this.jdbc.sql("insert into neighbourhood.category (name) values ('test theme A'), ('test theme B')").update();
		this.jdbc.sql("""
				insert into neighbourhood.priority (ward_code, category_id, issue, agreed_on, status, closed_on, created_by)
				values (:ward, (select id from neighbourhood.category where name = 'test theme A'), 'Test', date '2034-01-15', 'ACHIEVED',
				        date '2034-03-01', 'test'),
				       (:ward, (select id from neighbourhood.category where name = 'test theme A'), 'Test 2', date '2034-03-20', 'OPEN',
				        null, 'test'),
				       (:ward, (select id from neighbourhood.category where name = 'test theme B'), 'Test 3', date '2034-02-10', 'CLOSED',
				        date '2034-02-11', 'test')""").param("ward", ward).update();
		Map<String, Integer> expected2034 = Map.of("2034-01", 1, "2034-02", 1, "2034-03", 1, "2034-04", 1);
		assertThat(count(this.priorities.themes(YearMonth.parse("2034-02")), "test theme B")).isEqualTo(1);
		assertThat(count(this.priorities.themes(YearMonth.parse("2034-03")), "test theme B")).isZero();
		expected2034.forEach((month, teams) -> assertThat(count(this.priorities.themes(YearMonth.parse(month)), "test theme A"))
			.as(month).isEqualTo(teams));
		assertThat(count(this.priorities.themes(YearMonth.parse("2033-12")), "test theme A")).isZero();
		for (YearMonth month : List.of(YearMonth.now(), YearMonth.now().minusMonths(1), YearMonth.now().minusMonths(4),
				YearMonth.parse("2034-01"), YearMonth.parse("2034-03"), YearMonth.parse("2034-04"))) {
			Themes themes = this.priorities.themes(month);
			Map<String, Integer> direct = directCount(month);
			Map<String, Integer> counted = new HashMap<>();
			themes.themes().forEach(t -> counted.put(t.category(), t.teams()));
			assertThat(counted).as(month.toString()).isEqualTo(direct);
			assertThat(themes.teams()).isEqualTo(this.geography.wards(Optional.empty()).size());
		}
		// the demo data gives youth ASB to most teams, as in 2007
		Themes now = this.priorities.themes(YearMonth.now());
		assertThat(count(now, "ASB - youth")).isGreaterThan(now.teams() / 2);
		JsonNode api = this.api.get("oversight", "/api/v1/priorities/themes?month=" + YearMonth.now()).json();
		assertThat(api.get("themes").get(0).get("category").asString()).isEqualTo(now.themes().get(0).category());
		assertThat(api.get("themes").get(0).get("teams").asInt()).isEqualTo(now.themes().get(0).teams());
	}

	/** Teams with a priority of each category whose open days [agreed, closed] overlap the month. */
	Map<String, Integer> directCount(YearMonth month) {
		Map<String, Integer> out = new HashMap<>();
		this.jdbc.sql("""
				select c.name, (select count(*) from (select distinct p.ward_code from neighbourhood.priority p
				    where p.category_id = c.id
				      and daterange(p.agreed_on, coalesce(p.closed_on, 'infinity'::date), '[]')
				          && daterange(cast(:from as date), cast(:to as date), '[]')) w)
				from neighbourhood.category c""")
			.param("from", month.atDay(1))
			.param("to", month.atEndOfMonth())
			.query((rs, n) -> out.put(rs.getString(1), rs.getInt(2)))
			.list();
		return out;
	}

	static int count(Themes themes, String category) {
		return themes.themes().stream().filter(t -> t.category().equals(category)).findFirst().orElseThrow().teams();
	}

}
