package org.ringfence.flex;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.NewPerson;
import org.ringfence.workforce.WorkforceViews.NewPosting;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-built flex test data far from the demo data: synthetic test officers posted to Camden ward
 * teams from 2033-12-01 (3 constables and 2 PCSOs a ward, so not in any team today), their planned
 * tours in a window of days in 2034 or later that no other test uses, and the API steps of the
 * workflow as the demo users take them.
 */
final class FlexFixture {

	static final String CAMDEN = "E09000007";

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final LocalDate POSTED_FROM = LocalDate.of(2033, 12, 1);

	/** Windows of 8 weeks from 2034-01-02, one per test that asks. */
	private static final AtomicInteger WINDOWS = new AtomicInteger();

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** A ward with its test officers. */
	record Ward(String code, String clusterCode, List<Long> constables, List<Long> pcsos) {
	}

	final Api api;

	final GeographyService geography;

	final WorkforceService workforce;

	final JdbcClient jdbc;

	/** The demo sergeant's (first) ward: the receiving ward. */
	final Ward receiving;

	/** Another ward of the same cluster (the demo inspector's). */
	final Ward sameCluster;

	/** Wards of other Camden clusters. */
	final Ward otherCluster;

	final Ward otherCluster2;

	FlexFixture(Api api, GeographyService geography, WorkforceService workforce, JdbcClient jdbc) {
		this.api = api;
		this.geography = geography;
		this.workforce = workforce;
		this.jdbc = jdbc;
		List<String> sergeantWards = new ArrayList<>();
		api.get("sergeant.camden", "/api/v1/me").json().get("scopes").forEach(s -> sergeantWards.add(s.get("code").asString()));
		String inspectorCluster = api.get("inspector.camden", "/api/v1/me").json().get("scopes").get(0).get("code").asString();
		ClusterSummary cluster = geography.cluster(inspectorCluster);
		String receivingCode = cluster.wardCodes().stream().filter(sergeantWards::contains).sorted().findFirst().orElseThrow();
		String sameClusterCode = cluster.wardCodes().stream().filter(w -> !sergeantWards.contains(w)).sorted().findFirst()
			.orElseThrow();
		List<ClusterSummary> others = geography.clusters(Optional.of(CAMDEN))
			.stream()
			.filter(c -> !c.id().equals(inspectorCluster))
			.sorted(java.util.Comparator.comparing(ClusterSummary::id))
			.toList();
		this.receiving = ward(receivingCode, inspectorCluster);
		this.sameCluster = ward(sameClusterCode, inspectorCluster);
		this.otherCluster = ward(others.get(0).wardCodes().stream().sorted().findFirst().orElseThrow(), others.get(0).id());
		this.otherCluster2 = ward(others.get(1).wardCodes().stream().sorted().findFirst().orElseThrow(), others.get(1).id());
	}

	/** The ward's test officers, created the first time (service numbers FX + ward digits + index). */
	synchronized Ward ward(String code, String cluster) {
		String prefix = "FX" + code.substring(1);
		List<NewPerson> missing = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			String number = prefix + "0" + i;
			if (this.workforce.personIdByServiceNumber(number).isEmpty()) {
				WorkforceRole role = i <= 3 ? WorkforceRole.DWO : WorkforceRole.PCSO;
				missing.add(new NewPerson(number, "Test" + i, "Officer " + code, role, true,
						List.of(new NewPosting(role, role.title(), Unit.ward(code), Optional.empty(), POSTED_FROM,
								Optional.empty()))));
			}
		}
		if (!missing.isEmpty()) {
			this.workforce.addPeople(missing, "flex test officers");
		}
		List<Long> constables = new ArrayList<>();
		List<Long> pcsos = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			long id = this.workforce.personIdByServiceNumber(prefix + "0" + i).orElseThrow();
			(i <= 3 ? constables : pcsos).add(id);
		}
		return new Ward(code, cluster, List.copyOf(constables), List.copyOf(pcsos));
	}

	/** A Monday starting 8 weeks no other test of this run uses. */
	static LocalDate window() {
		return window(8);
	}

	/** A Monday starting at least this many weeks no other test of this run uses (in steps of 8). */
	static LocalDate window(int weeks) {
		int windows = (weeks + 7) / 8;
		return LocalDate.of(2034, 1, 2).plusWeeks(8L * WINDOWS.getAndAdd(windows));
	}

	/**
	 * Planned tours on the ward for the days: constable 1 early (07-15), constable 2 late (15-23),
	 * constable 3 early when three are on duty; PCSO 1 early, PCSO 2 late.
	 */
	void roster(Ward ward, LocalDate from, int days, int constablesOnDuty) {
		for (int i = 0; i < days; i++) {
			LocalDate day = from.plusDays(i);
			for (int c = 0; c < constablesOnDuty; c++) {
				tour(ward.constables().get(c), day, c == 1 ? 15 : 7, ward.code(), "SN_WARD");
			}
			tour(ward.pcsos().get(0), day, 7, ward.code(), "SN_WARD");
			tour(ward.pcsos().get(1), day, 15, ward.code(), "SN_WARD");
		}
	}

	void tour(long person, LocalDate day, int startHour, String ward, String code) {
		this.jdbc.sql("""
				insert into duties.duty (person_id, kind, duty_date, starts_at, ends_at, ward_code, activity_code, source,
				                         changed_by)
				values (?, 'PLANNED', ?, ?, ?, ?, ?, 'flex test', 'test')""")
			.params(person, Date.valueOf(day), Timestamp.from(day.atTime(startHour, 0).atZone(LONDON).toInstant()),
					Timestamp.from(day.atTime(startHour, 0).plusHours(8).atZone(LONDON).toInstant()), ward, code)
			.update();
	}

	/** The planned duty code and ward of a person on a day. */
	String[] planned(long person, LocalDate day) {
		return this.jdbc.sql("""
				select activity_code, coalesce(ward_code, '') from duties.duty
				where person_id = ? and kind = 'PLANNED' and duty_date = ?""")
			.params(person, Date.valueOf(day))
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
	}

	// ------------------------------------------------------------------ the API

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	Api.Response post(String user, String path, Object body) {
		return this.api.post(user, path, "application/json", json(body).getBytes(StandardCharsets.UTF_8));
	}

	/** A PSP 302 body: the officers (person id, providing ward) for every day first..last. */
	static Map<String, Object> request(String receivingWard, LocalDate first, LocalDate last, Object... officers) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("receivingWard", receivingWard);
		body.put("problemType", "ASB - youth");
		body.put("intelligenceSummary", "Repeat youth ASB around the estate, evenings; 14 CAD calls in 3 weeks.");
		body.put("aims", "Reduce youth ASB and restore confidence.");
		body.put("objectives", "Evening patrols, engagement with youth services, two ABCs.");
		body.put("expectedResults", "Fewer ASB calls; panel confidence restored.");
		body.put("problemReference", "PSP-TEST");
		body.put("firstDay", first.toString());
		body.put("lastDay", last.toString());
		List<Map<String, Object>> lines = new ArrayList<>();
		for (int i = 0; i < officers.length; i += 2) {
			lines.add(Map.of("personId", officers[i], "providingWard", officers[i + 1], "firstDay", first.toString(), "lastDay",
					last.toString(), "tours", "ALL"));
		}
		body.put("officers", lines);
		return body;
	}

	/** Drafts as the demo sergeant; returns the id. */
	long draft(Map<String, Object> body) {
		Api.Response created = post("sergeant.camden", "/api/v1/flex-requests", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	Api.Response step(String user, long id, Map<String, Object> body) {
		return post(user, "/api/v1/flex-requests/" + id + "/transitions", body);
	}

	JsonNode stepOk(String user, long id, Map<String, Object> body) {
		Api.Response response = step(user, id, body);
		assertThat(response.status()).as(user + " " + body + ": " + response.body()).isEqualTo(200);
		return response.json();
	}

	static Map<String, Object> action(String action, Object... fields) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("action", action);
		for (int i = 0; i < fields.length; i += 2) {
			body.put((String) fields[i], fields[i + 1]);
		}
		return body;
	}

	/** The dialogue with the panel of every ward named. */
	static List<Map<String, Object>> dialogues(LocalDate heldOn, String... wards) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (String ward : wards) {
			list.add(Map.of("wardCode", ward, "heldOn", heldOn.toString(), "summary", "Panel told of purpose and rationale."));
		}
		return list;
	}

	/** Takes a drafted request to PRESENTED with the right demo users. */
	void present(long id, LocalDate meeting, String... wards) {
		stepOk("sergeant.camden", id, action("SUBMIT"));
		stepOk("inspector.camden", id, action("ESCALATE"));
		stepOk("smt.camden", id, action("APPROVE_WARDS", "dialogues", dialogues(meeting.minusDays(3), wards)));
		stepOk("smt.camden", id, action("PRESENT", "meetingDate", meeting.toString(), "meetingReference", "BTM-TEST"));
	}

}
