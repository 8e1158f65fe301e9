package org.ringfence.flex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.workforce.WorkforceService;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringfence.flex.FlexFixture.action;

/** The flex dashboard's flags on a chosen day, what oversight sees, and rotation proposals. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlexMonitoringIT {

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	@Autowired
	WorkforceService workforce;

	@Autowired
	JdbcClient jdbc;

	FlexFixture fx;

	@BeforeAll
	void fixture() {
		this.fx = new FlexFixture(new Api(this.port), this.geography, this.workforce, this.jdbc);
	}

	long liveFlex(FlexFixture.Ward providing, LocalDate first, LocalDate last) {
		this.fx.roster(providing, first, (int) java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1, 3);
		long id = this.fx.draft(FlexFixture.request(this.fx.receiving.code(), first, last, providing.constables().get(2),
				providing.code()));
		this.fx.present(id, first.minusDays(7), this.fx.receiving.code(), providing.code());
		this.fx.stepOk("supt.camden", id, action("AUTHORISE"));
		this.fx.stepOk("supt.camden", id, action("ENDORSE"));
		return id;
	}

	static List<String> flagsOf(JsonNode dashboard, long id) {
		List<String> codes = new ArrayList<>();
		for (JsonNode flex : dashboard.get("flagged")) {
			if (flex.get("id").asLong() == id) {
				flex.get("flags").forEach(f -> codes.add(f.get("code").asString()));
			}
		}
		return codes;
	}

	@Test
	void aReviewNotHeldAtTwoWeeksAndAFlexPastFourWeeksWithoutExceptionAreFlagged() {
		LocalDate first = FlexFixture.window();
		long unreviewed = liveFlex(this.fx.otherCluster, first, first.plusDays(6));
		long reviewed = liveFlex(this.fx.otherCluster2, first, first.plusDays(6));
		this.fx.stepOk("supt.camden", reviewed, action("REVIEW", "heldOn", first.plusDays(5).toString(), "outcome", "CONTINUE",
				"exceptionReason", "Panel asked to keep the patrols through the summer festival"));
		String base = "/api/v1/flex-dashboard?borough=" + FlexFixture.CAMDEN + "&asOf=";
		JsonNode atTwoWeeks = this.fx.api.get("smt.camden", base + first.plusDays(15)).json();
		assertThat(flagsOf(atTwoWeeks, unreviewed)).contains("REVIEW_OVERDUE");
		assertThat(flagsOf(atTwoWeeks, reviewed)).doesNotContain("REVIEW_OVERDUE");
		JsonNode pastFourWeeks = this.fx.api.get("smt.camden", base + first.plusDays(30)).json();
		assertThat(flagsOf(pastFourWeeks, unreviewed)).contains("REVIEW_OVERDUE", "PAST_LIMIT_WITHOUT_EXCEPTION", "NOT_ENDED");
		assertThat(flagsOf(pastFourWeeks, reviewed)).doesNotContain("PAST_LIMIT_WITHOUT_EXCEPTION", "REVIEW_OVERDUE");
		assertThat(pastFourWeeks.get("pastLimitWithoutException").asLong()).isGreaterThanOrEqualTo(1);
		// on the day itself, the page's figures come from the same place
		JsonNode beforeStart = this.fx.api.get("smt.camden", base + first.minusDays(1)).json();
		assertThat(flagsOf(beforeStart, unreviewed)).isEmpty();
		// arrows from the providing wards to the receiving ward
		List<String> arrows = new ArrayList<>();
		atTwoWeeks.get("arrows").forEach(a -> arrows.add(a.get("fromWard").asString() + ">" + a.get("toWard").asString()));
		assertThat(arrows).contains(this.fx.otherCluster.code() + ">" + this.fx.receiving.code(),
				this.fx.otherCluster2.code() + ">" + this.fx.receiving.code());
	}

	@Autowired
	FlexMonitoring monitoring;

	@Test
	void theRequestsDeployedInAPeriodAreTheDashboardsDeployedListCutToThePeriod() {
		// a Monday far from the windows FlexFixture.window() hands out, so the other tests keep theirs
		LocalDate first = LocalDate.of(2045, 1, 2);
		long id = liveFlex(this.fx.otherCluster, first, first.plusDays(3));
		java.util.Optional<String> camden = java.util.Optional.of(FlexFixture.CAMDEN);
		LocalDate from = first.plusDays(2);
		LocalDate to = first.plusDays(20);
		List<FlexRequestSummary> expected = this.monitoring.dashboard(camden, to)
			.deployed()
			.stream()
			.filter(r -> !r.firstDay().isAfter(to) && !r.lastDay().isBefore(from))
			.toList();
		List<FlexRequestSummary> deployed = this.monitoring.deployed(camden, from, to);
		assertThat(deployed).isEqualTo(expected);
		assertThat(deployed).extracting(FlexRequestSummary::id).contains(id);
		// a period after the request's last day does not list it
		assertThat(this.monitoring.deployed(camden, first.plusDays(4), to)).extracting(FlexRequestSummary::id)
			.doesNotContain(id);
	}

	@Test
	void aReportOfAPastPeriodCountsAFlexDeployedThenEvenAfterItEnded() {
		// a fixed Monday far from the windows FlexFixture.window() hands out
		LocalDate first = LocalDate.of(2045, 6, 5);
		long id = liveFlex(this.fx.otherCluster2, first, first.plusDays(6));
		this.fx.stepOk("supt.camden", id, action("END", "lastDay", first.plusDays(2).toString(), "note", "Problem resolved"));
		java.util.Optional<String> camden = java.util.Optional.of(FlexFixture.CAMDEN);
		LocalDate to = first.plusDays(20);

		assertThat(this.monitoring.deployed(camden, first, to)).extracting(FlexRequestSummary::id).doesNotContain(id);
		assertThat(this.monitoring.deployedDuring(camden, first, to)).extracting(FlexRequestSummary::id).contains(id);
		// it ended on its third day: a period from the fourth day did not have it
		assertThat(this.monitoring.deployedDuring(camden, first.plusDays(3), to)).extracting(FlexRequestSummary::id)
			.doesNotContain(id);
		assertThat(this.monitoring.deployedDuring(java.util.Optional.of("E09000012"), first, to))
			.extracting(FlexRequestSummary::id)
			.doesNotContain(id);
	}

	@Test
	void oversightSeesTheDashboardWithoutAnyOfficersName() {
		LocalDate first = FlexFixture.window();
		long id = liveFlex(this.fx.otherCluster, first, first.plusDays(2));
		String name = this.fx.api.get("analyst", "/api/v1/flex-requests/" + id).json().get("officers").get(0).get("name")
			.asString();
		Api.Response dashboard = this.fx.api.get("oversight", "/api/v1/flex-dashboard?asOf=" + first);
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.body()).contains("FLEX-" + id).doesNotContain(name);
		assertThat(dashboard.json().get("scopeName").asString()).isEqualTo("London");
		JsonNode months = dashboard.json().get("months");
		assertThat(months.size()).isEqualTo(8);
		JsonNode month = months.get(5);
		assertThat(month.get("month").asString()).isEqualTo(first.toString().substring(0, 7));
		assertThat(month.get("flexHours").asLong()).isGreaterThanOrEqualTo(24);
	}

	@Test
	void aRotationForATwelveWeekProblemDrawsOnDifferentWardsWithinTheRingFence() {
		LocalDate first = FlexFixture.window(12);
		for (FlexFixture.Ward ward : List.of(this.fx.otherCluster, this.fx.otherCluster2, this.fx.sameCluster)) {
			this.fx.roster(ward, first, 84, 3);
		}
		Api.Response response = this.fx.post("smt.camden", "/api/v1/flex-rotations/proposals",
				Map.of("receivingWard", this.fx.receiving.code(), "firstDay", first.toString(), "weeks", 12, "constables", 1));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode rotation = response.json();
		assertThat(rotation.get("periods").size()).isEqualTo(3);
		List<String> wards = new ArrayList<>();
		for (JsonNode period : rotation.get("periods")) {
			assertThat(period.get("officers").size()).isEqualTo(1);
			JsonNode officer = period.get("officers").get(0);
			// the third constable of a ward: the two left keep the One Met minimum
			wards.add(officer.get("providingWard").asString());
			assertThat(officer.get("tours").asInt()).isEqualTo(28);
		}
		assertThat(wards.get(1)).isNotEqualTo(wards.get(0));
		assertThat(wards.get(2)).isNotEqualTo(wards.get(1));
		assertThat(this.fx.post("supt.hackney", "/api/v1/flex-rotations/proposals", Map.of("receivingWard",
				this.fx.receiving.code(), "firstDay", first.toString(), "weeks", 12)).status()).isEqualTo(403);
	}

}
