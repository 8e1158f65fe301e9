package org.ringfence.duties;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.duties.AbstractionReport.Row;
import org.ringfence.duties.AbstractionReport.Summary;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.TeamMember;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The report on hand-built duties in 2034 (far from any other test's data) for two officers of
 * one Camden team: a tour across a month end, abstraction, a rest day, flex to another ward,
 * a pre-planned event and leave; and an independent SQL sum to compare with.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbstractionReportIT {

	static final String CAMDEN = "E09000007";

	@LocalServerPort
	int port;

	@Autowired
	DutyService duties;

	@Autowired
	AbstractionReports reports;

	@Autowired
	ClassificationRules rules;

	@Autowired
	WorkforceService workforce;

	@Autowired
	GeographyService geography;

	@Autowired
	JdbcClient jdbc;

	String ward;

	String flexWard;

	long officer;

	long colleague;

	@BeforeAll
	void buildDuties() {
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken("resources.camden", null, List.of()));
		ClusterSummary cluster = this.geography.clusters(Optional.of(CAMDEN)).get(1);
		this.ward = cluster.wardCodes().get(0);
		this.flexWard = cluster.wardCodes().get(1);
		List<TeamMember> dwos = this.workforce.team(this.ward)
			.stream()
			.filter(m -> m.role() == WorkforceRole.DWO && m.postedWard().equals(this.ward))
			.toList();
		this.officer = dwos.get(0).personId();
		this.colleague = dwos.get(1).personId();
		duty(this.officer, "2034-03-31", "22:00", "06:00", this.ward, "SN_WARD");
		duty(this.officer, "2034-04-02", "07:00", "15:00", null, "AB_RESPONSE");
		duty(this.officer, "2034-04-03", "07:00", "15:00", null, "REST");
		duty(this.officer, "2034-04-04", "07:00", "15:00", this.flexWard, "FLEX");
		duty(this.officer, "2034-04-05", "10:00", "22:00", null, "EV_NHC");
		duty(this.officer, "2034-04-06", "07:00", "15:00", null, "AL");
		duty(this.colleague, "2034-04-30", "16:00", "00:00", this.ward, "SN_WARD");
		duty(this.colleague, "2034-05-02", "07:00", "15:00", null, "TRAIN");
		long receiving = this.workforce.team(this.flexWard)
			.stream()
			.filter(m -> m.role() == WorkforceRole.DWO && m.postedWard().equals(this.flexWard))
			.findFirst()
			.orElseThrow()
			.personId();
		duty(receiving, "2034-04-04", "07:00", "15:00", this.flexWard, "SN_WARD");
		SecurityContextHolder.clearContext();
	}

	Duty duty(long person, String date, String start, String end, String ward, String code) {
		return this.duties.record(NewDuty.ofLocalTimes(person, DutyKind.ACTUAL, LocalDate.parse(date),
				LocalTime.parse(start), LocalTime.parse(end), Optional.ofNullable(ward), "", code));
	}

	AbstractionReport april() {
		return this.reports.report(LocalDate.of(2034, 4, 1), LocalDate.of(2034, 4, 30), DutyKind.ACTUAL,
				Optional.of(CAMDEN));
	}

	Summary team(AbstractionReport report, String ward) {
		return report.teams().stream().filter(t -> t.code().equals(ward)).findFirst().orElseThrow();
	}

	@Test
	void monthRowsSplitTheTourAtMidnightAndClassifyEachCode() {
		AbstractionReport report = april();
		Map<String, Long> byType = new java.util.TreeMap<>();
		report.rows().stream().filter(r -> r.wardCodes().contains(this.ward)).forEach(r -> byType.put(r.abstractionType(), r.minutes()));
		assertThat(byType).containsEntry("Response", 480L)
			.containsEntry("Rest day", 480L)
			.containsEntry("Authorised SNT flex", 480L)
			.containsEntry("Pre-planned event", 720L)
			.containsEntry("Annual leave", 480L)
			.doesNotContainKey("On ward");
		Row response = report.rows().stream().filter(r -> r.abstractionType().equals("Response")).findFirst().orElseThrow();
		assertThat(response.abstractedFromDuty()).isTrue();
		assertThat(response.bcu()).isEqualTo("Central North");
		Summary team = team(report, this.ward);
		// on ward: 6 h of the tour from 31 March, and 8 h from 16:00 on 30 April to midnight
		assertThat(team.ownWardMinutes()).isEqualTo(360 + 480);
		assertThat(team.dutyMinutes()).isEqualTo(360 + 480 + 480 + 480 + 720);
		assertThat(team.abstractedMinutes()).isEqualTo(480);
		assertThat(team.flexGivenMinutes()).isEqualTo(480);
		assertThat(team(report, this.flexWard).flexReceivedMinutes()).isGreaterThanOrEqualTo(480);
		assertThat(team.visibility()).isEqualTo(Math.round(10_000.0 * 840 / 2520) / 10_000.0);
	}

	@Test
	void theTourBeforeMidnightOnTheLastOfMarchCountsInMarch() {
		AbstractionReport march = this.reports.report(LocalDate.of(2034, 3, 1), LocalDate.of(2034, 3, 31),
				DutyKind.ACTUAL, Optional.of(CAMDEN));
		assertThat(team(march, this.ward).ownWardMinutes()).isEqualTo(120);
	}

	@Test
	void onTheDemoDataTheLondonReportEqualsAnIndependentSumPerBorough() {
		java.time.YearMonth month = java.time.YearMonth.now(NewDuty.LONDON).minusMonths(1);
		AbstractionReport report = this.reports.report(month.atDay(1), month.atEndOfMonth(), DutyKind.ACTUAL,
				Optional.empty());
		ZonedDateTime start = month.atDay(1).atStartOfDay(NewDuty.LONDON);
		ZonedDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(NewDuty.LONDON);
		Map<String, Long> independent = new java.util.TreeMap<>();
		this.jdbc.sql("""
				select w.borough_code,
				       round(sum(extract(epoch from least(d.ends_at, :end) - greatest(d.starts_at, :start)) / 60))::bigint
				from duties.duty d
				join workforce.posting p on p.person_id = d.person_id and p.ward_code is not null
				     and p.start_date <= d.duty_date and (p.end_date is null or p.end_date > d.duty_date)
				join geography.ward w on w.code = p.ward_code
				join duties.classification c on c.code = d.activity_code and c.rule_set_id = (
				     select r.id from duties.rule_set r where r.effective_from <= d.duty_date order by r.effective_from desc limit 1)
				where d.kind = 'ACTUAL' and c.counts_as_duty and d.starts_at < :end and d.ends_at > :start
				group by w.borough_code""")
			.param("start", java.sql.Timestamp.from(start.toInstant()))
			.param("end", java.sql.Timestamp.from(end.toInstant()))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.forEach(e -> independent.put(e.getKey(), e.getValue()));
		assertThat(independent).hasSize(32);
		Map<String, Long> reported = new java.util.TreeMap<>();
		report.boroughs().forEach(b -> reported.put(b.code(), b.dutyMinutes()));
		// per-borough sums of rounded cells may differ from one rounded sum by under a minute per cell
		independent.forEach((borough, minutes) -> assertThat(reported.get(borough)).as(borough)
			.isCloseTo(minutes, org.assertj.core.data.Offset.offset(5L)));
		assertThat(report.force().dutyMinutes()).isPositive();
		double share = (double) report.force().abstractedMinutes() / report.force().dutyMinutes();
		assertThat(share).isBetween(0.2, 0.38);
	}

	@Test
	void reportTotalsEqualAnIndependentSumOverTheDutyRecords() {
		AbstractionReport report = april();
		long rows = report.rows().stream().mapToLong(Row::minutes).sum();
		ZonedDateTime start = LocalDate.of(2034, 4, 1).atStartOfDay(NewDuty.LONDON);
		ZonedDateTime end = LocalDate.of(2034, 5, 1).atStartOfDay(NewDuty.LONDON);
		long independent = this.jdbc.sql("""
				select coalesce(round(sum(extract(epoch from least(d.ends_at, :end) - greatest(d.starts_at, :start)) / 60)), 0)
				from duties.duty d
				join workforce.posting p on p.person_id = d.person_id and p.ward_code is not null
				     and p.start_date <= d.duty_date and (p.end_date is null or p.end_date > d.duty_date)
				join geography.ward w on w.code = p.ward_code
				join duties.classification c on c.code = d.activity_code and c.rule_set_id = (
				     select r.id from duties.rule_set r where r.effective_from <= d.duty_date order by r.effective_from desc limit 1)
				where w.borough_code = :borough and d.kind = 'ACTUAL' and c.activity_class <> 'ON_WARD'
				  and d.starts_at < :end and d.ends_at > :start""")
			.param("start", java.sql.Timestamp.from(start.toInstant()))
			.param("end", java.sql.Timestamp.from(end.toInstant()))
			.param("borough", CAMDEN)
			.query(Long.class)
			.single();
		assertThat(rows).isEqualTo(independent).isPositive();
		long duty = report.boroughs().get(0).dutyMinutes();
		assertThat(report.force().dutyMinutes()).isEqualTo(duty);
		assertThat(report.teams().stream().mapToLong(Summary::dutyMinutes).sum()).isEqualTo(duty);
	}

	@Test
	void aNewClassificationFromADateLeavesEarlierMonthsUnchanged() {
		AbstractionReport before = this.reports.report(LocalDate.of(2034, 5, 1), LocalDate.of(2034, 5, 31),
				DutyKind.ACTUAL, Optional.of(CAMDEN));
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", null, List.of()));
		try {
			this.rules.addRuleSet("Test: training counts as abstraction from June 2034", LocalDate.of(2034, 6, 1), "",
					List.of(new Classification("TRAIN", ActivityClass.ABSTRACTION, true, true, "Training abstraction")));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		AbstractionReport after = this.reports.report(LocalDate.of(2034, 5, 1), LocalDate.of(2034, 5, 31),
				DutyKind.ACTUAL, Optional.of(CAMDEN));
		assertThat(after.rows()).isEqualTo(before.rows());
		assertThat(this.duties.classificationOn(LocalDate.of(2034, 6, 2)).get("TRAIN").abstracted()).isTrue();
		assertThat(this.duties.classificationOn(LocalDate.of(2034, 5, 2)).get("TRAIN").abstracted()).isFalse();
		assertThatThrownBy(() -> this.rules.addRuleSet("Backdated", LocalDate.of(2020, 1, 1), "", List.of()))
			.isInstanceOf(DomainRuleViolation.class);
	}

	@Test
	void anOverlappingDutyIsRefusedWithTheClashNamed() {
		Api.Response response = new Api(this.port).post("resources.camden", "/api/v1/duties", "application/json",
				("{\"personId\":" + this.officer + ",\"kind\":\"ACTUAL\",\"date\":\"2034-04-02\",\"start\":\"14:00\","
						+ "\"end\":\"18:00\",\"activityCode\":\"SN_WARD\",\"wardCode\":\"" + this.ward + "\"}")
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("detail").asString()).contains("2034-04-02 07:00").contains("AB_RESPONSE");
	}

	@Test
	void cancellingARestDayRecordsTheNoticeAndKeepsHistory() {
		Api api = new Api(this.port);
		Api.Response created = api.post("resources.camden", "/api/v1/duties", "application/json",
				("{\"personId\":" + this.colleague + ",\"kind\":\"PLANNED\",\"date\":\"2034-07-10\",\"start\":\"07:00\","
						+ "\"end\":\"15:00\",\"activityCode\":\"REST\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode duty = created.json();
		Api.Response changed = api.put("resources.camden", "/api/v1/duties/" + duty.get("id").asLong(),
				"{\"version\":0,\"duty\":{\"personId\":" + this.colleague + ",\"kind\":\"PLANNED\",\"date\":\"2034-07-10\","
						+ "\"start\":\"10:00\",\"end\":\"22:00\",\"activityCode\":\"EV_NHC\"}}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("noticeDays").asInt()).isGreaterThan(15);
		assertThat(changed.json().get("version").asInt()).isEqualTo(1);
		JsonNode history = api.get("resources.camden", "/api/v1/duties/" + duty.get("id").asLong() + "/history").json();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("code").asString()).isEqualTo("REST");
		Api.Response stale = api.put("resources.camden", "/api/v1/duties/" + duty.get("id").asLong(),
				"{\"version\":0,\"duty\":{\"personId\":" + this.colleague + ",\"kind\":\"PLANNED\",\"date\":\"2034-07-10\","
						+ "\"start\":\"10:00\",\"end\":\"22:00\",\"activityCode\":\"REST\"}}");
		assertThat(stale.status()).isEqualTo(409);
	}

	@Test
	void theReportApiScopesBoroughsAndGivesTheDatastoreCsv() {
		Api api = new Api(this.port);
		Api.Response csv = api.get("oversight", "/api/v1/reports/abstraction?month=2034-04&borough=" + CAMDEN + "&format=csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body().lines().findFirst().orElseThrow()).isEqualTo(
				"Month,BCU,Borough,Borough Code,Team,Abstracted from Duty,Abstraction Type,Abstracted Minutes,Ward Codes");
		assertThat(csv.body()).contains("2034-04,Central North,Camden,E09000007,").contains(",Yes,Response,480,");
		Api.Response json = api.get("supt.camden", "/api/v1/reports/abstraction?month=2034-04");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.json().get("boroughCode").asString()).isEqualTo(CAMDEN);
		assertThat(api.get("supt.hackney", "/api/v1/reports/abstraction?month=2034-04&borough=" + CAMDEN).status())
			.isEqualTo(403);
		assertThat(api.get("sergeant.camden", "/api/v1/reports/abstraction?month=2034-04").status()).isEqualTo(403);
		assertThat(api.get("analyst", "/api/v1/reports/abstraction?month=2034-13").status()).isEqualTo(400);
		String names = this.workforce.team(this.ward).get(0).name();
		assertThat(api.get("oversight", "/api/v1/reports/abstraction?month=2034-04").body()).doesNotContain(names);
	}

	byte[] download(String user, String query) {
		return new Api(this.port).download(user, query);
	}

	@Test
	void oversightNeverSeesAnOfficersNameInAnyFormat() throws Exception {
		List<String> names = this.workforce.team(this.ward).stream().map(TeamMember::name).toList();
		String base = "/api/v1/reports/abstraction?month=2034-04&borough=" + CAMDEN + "&format=";
		String json = new String(download("oversight", base + "json"), java.nio.charset.StandardCharsets.UTF_8);
		String csv = new String(download("oversight", base + "csv"), java.nio.charset.StandardCharsets.UTF_8);
		StringBuilder xlsx = new StringBuilder();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(download("oversight", base + "xlsx")))) {
			assertThat(book.getSheet("Abstractions")).isNotNull();
			assertThat(book.getSheet("Strengths").getRow(0).getCell(5).getStringCellValue()).isEqualTo("FTE");
			book.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> xlsx.append(cell.toString()).append('|'))));
		}
		String pdf;
		try (var document = org.apache.pdfbox.Loader.loadPDF(download("oversight", base + "pdf"))) {
			pdf = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
		}
		assertThat(pdf).contains("Camden").contains("April 2034").contains("Visibility");
		assertThat(xlsx.toString()).contains("Response").contains("Camden");
		for (String name : names) {
			assertThat(json).doesNotContain(name);
			assertThat(csv).doesNotContain(name);
			assertThat(xlsx.toString()).doesNotContain(name);
			assertThat(pdf).doesNotContain(name);
		}
	}

	@Test
	void drillDownListsTheDutiesBehindAFigureWithinScopeOnly() {
		Api api = new Api(this.port);
		String query = "/api/v1/reports/abstraction/duties?month=2034-04&ward=" + this.ward + "&type=Response";
		JsonNode rows = api.get("supt.camden", query).json();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("minutesInPeriod").asLong()).isEqualTo(480);
		assertThat(rows.get(0).get("name").asString()).isNotBlank();
		assertThat(rows.get(0).get("personId").asLong()).isEqualTo(this.officer);
		assertThat(api.get("supt.hackney", query).status()).isEqualTo(403);
		assertThat(api.get("oversight", query).status()).isEqualTo(403);
		long all = api.get("analyst", "/api/v1/reports/abstraction/duties?month=2034-04&ward=" + this.ward).json().size();
		assertThat(all).isEqualTo(7); // six of the officer's duties touching April, and the colleague's evening tour
	}

	@Test
	void anOfficerDownloadsTheirDutiesAsICalendar() {
		Api api = new Api(this.port);
		long me = api.get("officer.camden", "/api/v1/me").json().get("personId").asLong();
		Api.Response created = api.post("resources.camden", "/api/v1/duties", "application/json",
				("{\"personId\":" + me + ",\"kind\":\"PLANNED\",\"date\":\"2034-08-27\",\"start\":\"10:00\","
						+ "\"end\":\"22:00\",\"activityCode\":\"EV_NHC\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Api.Response ics = api.get("officer.camden", "/api/v1/me/duties.ics?from=2034-08-01&to=2034-08-31");
		assertThat(ics.status()).isEqualTo(200);
		assertThat(ics.contentType()).startsWith("text/calendar");
		assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART:20340827T090000Z")
			.contains("SUMMARY:Notting Hill Carnival (planned)").contains("UID:duty-" + created.json().get("id").asLong());
		assertThat(api.get("admin", "/api/v1/me/duties.ics").status()).isEqualTo(404);
	}

	@Test
	void anOfficerSeesTheirOwnDutiesOnly() {
		Api api = new Api(this.port);
		Api.Response mine = api.get("officer.camden", "/api/v1/me/duties?from=2034-04-01&to=2034-04-30");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(api.get("officer.camden", "/api/v1/duties?person=" + this.officer + "&from=2034-04-01&to=2034-04-30")
			.status()).isEqualTo(403);
		assertThat(api.get("supt.camden", "/api/v1/duties?person=" + this.officer + "&from=2034-04-01&to=2034-04-30")
			.json()).hasSize(6); // the tour from 22:00 on 31 March ends in April
	}

}
