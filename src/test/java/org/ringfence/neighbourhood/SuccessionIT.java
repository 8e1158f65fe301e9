package org.ringfence.neighbourhood;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Succession and tenure of Camden's ward teams against the published team membership read directly. */
@IntegrationTest
class SuccessionIT {

	static final String CAMDEN = "E09000007";

	@LocalServerPort
	int port;

	@Autowired
	Succession succession;

	@Autowired
	JdbcClient jdbc;

	@Test
	void bandsAndVacanciesMatchTheTeamMembership() {
		Succession.BoroughTenure camden = this.succession.borough(CAMDEN);
		LocalDate today = camden.asOf();
		// everyone posted today to one of Camden's ward teams, by time in post
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select m.ward_code, m.role, m.start_date from workforce.team_membership m
				join geography.ward_place w on w.ward_code = m.ward_code
				where w.borough_code = :borough and w.active and m.start_date <= :today and (m.end_date is null or m.end_date > :today)""")
			.param("borough", CAMDEN)
			.param("today", today)
			.query()
			.listOfRows();
		int[] bands = new int[4];
		for (Map<String, Object> row : rows) {
			LocalDate start = ((java.sql.Date) row.get("start_date")).toLocalDate();
			int years = java.time.Period.between(start, today).getYears();
			bands[Math.min(3, years)]++;
		}
		assertThat(camden.bands()).containsExactly(bands[0], bands[1], bands[2], bands[3]);
		assertThat(camden.wards()).hasSize(this.jdbc.sql("select count(*) from geography.ward_place where borough_code = :b and active")
			.param("b", CAMDEN).query(Integer.class).single());
		// vacancies: the establishment less the posts held (a sharing sergeant counts for both wards)
		for (Succession.WardTenure ward : camden.wards()) {
			long dwos = rows.stream().filter(r -> r.get("ward_code").equals(ward.wardCode()) && "DWO".equals(r.get("role"))).count();
			long pcsos = rows.stream().filter(r -> r.get("ward_code").equals(ward.wardCode()) && "PCSO".equals(r.get("role"))).count();
			assertThat(ward.vacancies().get(org.ringfence.workforce.WorkforceRole.DWO)).as(ward.wardName())
				.isEqualTo((int) Math.max(0, 2 - dwos));
			assertThat(ward.vacancies().get(org.ringfence.workforce.WorkforceRole.PCSO)).as(ward.wardName())
				.isEqualTo((int) Math.max(0, 1 - pcsos));
			assertThat(ward.mostTogether()).isEqualTo(ward.teamSize() >= 2 && ward.peakTwoToThree() * 2 > ward.teamSize());
		}
		assertThat(camden.vacancies()).isEqualTo(camden.wards().stream().mapToInt(Succession.WardTenure::vacancyCount).sum());
	}

	@Test
	void theApiAndPageForTheBoroughsSmt() {
		Api api = new Api(this.port);
		JsonNode figures = api.get("supt.camden", "/api/v1/succession").json();
		assertThat(figures.get("boroughCode").asString()).isEqualTo(CAMDEN);
		assertThat(figures.get("wards").size()).isPositive();
		assertThat(api.get("analyst", "/api/v1/succession").status()).as("force-wide users name a borough").isEqualTo(400);
		assertThat(api.get("supt.hackney", "/api/v1/succession?borough=" + CAMDEN).status()).isEqualTo(403);
		String page = org.ringfence.support.WebSession.signIn(this.port, "oversight").get("/succession?borough=" + CAMDEN).body();
		assertThat(page).contains("Succession and tenure").contains("id=\"wards\"").doesNotContain("serviceNumber");
	}

}
