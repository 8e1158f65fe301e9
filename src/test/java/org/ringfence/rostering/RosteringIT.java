package org.ringfence.rostering;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.shifts.NewShiftPattern;
import org.ringfence.shifts.PatternShift;
import org.ringfence.shifts.RosterRole;
import org.ringfence.shifts.ShiftPattern;
import org.ringfence.shifts.ShiftPatterns;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceService;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camden cluster's constables rostered for two weeks of 2047 through the API: solved to zero hard
 * violations, a hand edit pinned and kept by re-solving, published as planned duties, and the 16/7
 * check finding the gap the pattern leaves (no late tour on Wednesdays). A roster starting within a
 * month is not published.
 */
@IntegrationTest
class RosteringIT {

	static final String CAMDEN = "E09000007";

	static final LocalDate START = LocalDate.of(2047, 3, 4); // a Monday

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	@Autowired
	WorkforceService workforce;

	@Autowired
	ShiftPatterns patterns;

	ClusterSummary cluster() {
		return this.geography.clusters(Optional.of(CAMDEN))
			.stream()
			.max(Comparator.comparing((ClusterSummary c) -> c.wardCodes().size()).thenComparing(ClusterSummary::id))
			.orElseThrow();
	}

	long constables(ClusterSummary cluster, LocalDate day) {
		Set<String> wards = Set.copyOf(cluster.wardCodes());
		return this.workforce.currentPostings(day)
			.stream()
			.filter(p -> p.unit().kind() == Unit.Kind.WARD && wards.contains(p.unit().code()))
			.filter(p -> RosterRole.CONSTABLE.filledBy(p.role()))
			.count();
	}

	/** Earlies for every ward each day, one late a day but none on Wednesdays (the planted gap). */
	ShiftPattern pattern(ClusterSummary cluster) {
		int n = cluster.wardCodes().size();
		return this.patterns.save(new NewShiftPattern(cluster.id(), "Roster test " + System.nanoTime(), "test", List.of(
				new PatternShift(LocalTime.of(7, 0), 480, RosterRole.CONSTABLE, new int[] { n, n, n, n, n, n, n }),
				new PatternShift(LocalTime.of(15, 0), 480, RosterRole.CONSTABLE, new int[] { 1, 1, 0, 1, 1, 1, 1 }))));
	}

	JsonNode awaitSolved(Api api, long id) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 120_000;
		while (System.currentTimeMillis() < deadline) {
			JsonNode roster = api.get("resources.camden", "/api/v1/rosters/" + id).json();
			if (!roster.get("status").asString().equals("SOLVING")) {
				return roster;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("roster " + id + " still solving");
	}

	@Test
	void aRosterIsSolvedEditedReSolvedPublishedAndItsGapFound() throws Exception {
		Api api = new Api(this.port);
		ClusterSummary cluster = cluster();
		int n = cluster.wardCodes().size();
		assertThat(constables(cluster, START) * 5).as("enough constables for the pattern").isGreaterThanOrEqualTo(7L * n + 6 + 2);
		ShiftPattern pattern = pattern(cluster);

		Api.Response created = api.post("resources.camden", "/api/v1/rosters", "application/json",
				("{\"cluster\":\"" + cluster.id() + "\",\"start\":\"" + START + "\",\"weeks\":2,\"patternId\":" + pattern.id()
						+ ",\"seconds\":15}").getBytes());
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		long id = created.json().get("rosterId").asLong();
		assertThat(created.json().get("statusUrl").asString()).isEqualTo("/api/v1/rosters/" + id);

		JsonNode solved = awaitSolved(api, id);
		assertThat(solved.get("status").asString()).as(solved.toString()).isEqualTo("SOLVED");
		assertThat(solved.get("hardScore").asInt()).as(solved.get("violations").toString()).isZero();
		assertThat(solved.get("mediumScore").asInt()).isZero();
		assertThat(solved.get("assignments")).hasSize(14 * n + 12);
		solved.get("violations").forEach(v -> assertThat(v.get("level").asString()).isEqualTo("SOFT"));
		// nobody works a late then the next day's early (11 hours' rest)
		List<JsonNode> assignments = new ArrayList<>();
		solved.get("assignments").forEach(assignments::add);
		for (JsonNode late : assignments) {
			if (late.get("start").asString().startsWith("15:00")) {
				LocalDate next = LocalDate.parse(late.get("date").asString()).plusDays(1);
				assertThat(assignments).noneMatch(a -> a.get("date").asString().equals(next.toString())
						&& a.get("start").asString().startsWith("07:00")
						&& a.get("personId").asLong() == late.get("personId").asLong());
			}
		}

		// pin another officer on a slot, then re-solve: the pin stays
		JsonNode slot = assignments.get(5);
		long other = -1;
		for (JsonNode officer : solved.get("officers")) {
			if (officer.get("personId").asLong() != slot.get("personId").asLong()
					&& officer.get("role").asString().equals("CONSTABLE")) {
				other = officer.get("personId").asLong();
				break;
			}
		}
		Api.Response edited = api.put("resources.camden",
				"/api/v1/rosters/" + id + "/assignments/" + slot.get("slotId").asString(), "{\"personId\":" + other + "}");
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		JsonNode pinned = find(edited.json(), slot.get("slotId").asString());
		assertThat(pinned.get("personId").asLong()).isEqualTo(other);
		assertThat(pinned.get("pinned").asBoolean()).isTrue();

		Api.Response resolve = api.post("resources.camden", "/api/v1/rosters/" + id + "/solve?seconds=10", "application/json",
				new byte[0]);
		assertThat(resolve.status()).as(resolve.body()).isEqualTo(202);
		JsonNode again = awaitSolved(api, id);
		assertThat(find(again, slot.get("slotId").asString()).get("personId").asLong()).isEqualTo(other);
		assertThat(again.get("hardScore").asInt()).as(again.get("violations").toString()).isZero();
		assertThat(again.get("mediumScore").asInt()).isZero();

		// an analyst reads but may not publish
		assertThat(api.get("analyst", "/api/v1/rosters/" + id).status()).isEqualTo(200);
		assertThat(api.post("analyst", "/api/v1/rosters/" + id + "/publish", "application/json", new byte[0]).status())
			.isEqualTo(403);

		Api.Response published = api.post("resources.camden", "/api/v1/rosters/" + id + "/publish", "application/json",
				new byte[0]);
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(published.json().get("hardScore").asInt()).isZero();
		JsonNode duties = api.get("resources.camden", "/api/v1/duties?person=" + other + "&from=" + START + "&to="
				+ START.plusDays(13) + "&kind=PLANNED").json();
		assertThat(duties).anyMatch(d -> d.get("source").asString().equals("roster:" + id)
				&& d.get("dutyDate").asString().equals(slot.get("date").asString())
				&& d.get("activityCode").asString().equals("SN_WARD"));
		assertThat(api.post("resources.camden", "/api/v1/rosters/" + id + "/publish", "application/json", new byte[0])
			.status()).isEqualTo(409);

		// the 16/7 check finds the Wednesdays without a late tour, and nothing else
		JsonNode coverage = api.get("resources.camden", "/api/v1/clusters/" + cluster.id()
				+ "/coverage?from=" + START + "&to=" + START.plusDays(13)).json();
		assertThat(coverage.get("met").asBoolean()).isFalse();
		List<String> gaps = new ArrayList<>();
		coverage.get("gaps").forEach(g -> gaps.add(g.get("date").asString() + " " + g.get("from").asString() + "-"
				+ g.get("to").asString()));
		assertThat(gaps).containsExactly(START.plusDays(2) + " 15:00:00-23:00:00", START.plusDays(9) + " 15:00:00-23:00:00");

		// the officer's calendar
		Api.Response ics = api.get("resources.camden", "/api/v1/rosters/" + id + "/officers/" + other + ".ics");
		assertThat(ics.status()).isEqualTo(200);
		assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT\r\nUID:roster-" + id + "-")
			.contains("DTSTAMP:").endsWith("END:VCALENDAR\r\n");
	}

	@Test
	void aRosterStartingWithinAMonthIsNotPublished() throws Exception {
		Api api = new Api(this.port);
		ClusterSummary cluster = cluster();
		ShiftPattern pattern = pattern(cluster);
		LocalDate soon = LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(7);
		Api.Response created = api.post("smt.camden", "/api/v1/rosters", "application/json",
				("{\"cluster\":\"" + cluster.id() + "\",\"start\":\"" + soon + "\",\"weeks\":1,\"patternId\":" + pattern.id()
						+ ",\"seconds\":2}").getBytes());
		assertThat(created.status()).as(created.body()).isEqualTo(202);
		long id = created.json().get("rosterId").asLong();
		awaitSolved(api, id);
		Api.Response refused = api.post("smt.camden", "/api/v1/rosters/" + id + "/publish", "application/json", new byte[0]);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("less than a month ahead");
		assertThat(api.get("smt.camden", "/api/v1/rosters/" + id).json().get("status").asString()).isEqualTo("SOLVED");
	}

	static JsonNode find(JsonNode roster, String slotId) {
		for (JsonNode a : roster.get("assignments")) {
			if (a.get("slotId").asString().equals(slotId)) {
				return a;
			}
		}
		throw new AssertionError("no slot " + slotId);
	}

}
