package org.ringfence.allocation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.ringfence.support.Chromium;
import org.ringfence.demand.WardDemand;
import org.ringfence.demand.WardDemandFigures;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardDetail;
import org.ringfence.geography.WardSummary;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.support.WebSession;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Allocation over HTTP with demand data from a test-only {@link WardDemand} (the demand module's
 * implementation is built elsewhere): shared supervision from recommendation to decided letter,
 * extra officers for all London against the 2007 rule, the Safer Schools year-on-year cycle, and
 * the pages. Its own application context (the test WardDemand, imported: a test naming its
 * application class does not pick up nested configuration by itself) without the demo duties.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = { "ringfence.test-context=allocation", "ringfence.demo-duties=false" })
@Import(AllocationIT.TestDemand.class)
class AllocationIT {

	static final String CAMDEN = "E09000007";

	static final String HACKNEY = "E09000012";

	static final LocalDate FROM = LocalDate.of(2034, 1, 1);

	static final LocalDate TO = LocalDate.of(2034, 12, 31);

	static final String PERIOD = "&from=" + FROM + "&to=" + TO;

	/**
	 * Demand that depends only on the ward (its population and code) and how much of the period falls
	 * in 2030-2039; nothing outside those years. Primary, so it also wins over the demand module's own
	 * implementation once that exists.
	 */
	@TestConfiguration
	static class TestDemand {

		@Bean
		@Primary
		WardDemand testWardDemand(GeographyService geography) {
			return (borough, from, to) -> geography.wards(borough)
				.stream()
				.map(w -> figures(w, from, to))
				.toList();
		}

	}

	static WardDemandFigures figures(WardSummary ward, LocalDate from, LocalDate to) {
		LocalDate start = from.isBefore(LocalDate.of(2030, 1, 1)) ? LocalDate.of(2030, 1, 1) : from;
		LocalDate end = to.isAfter(LocalDate.of(2039, 12, 31)) ? LocalDate.of(2039, 12, 31) : to;
		double years = end.isBefore(start) ? 0 : (ChronoUnit.DAYS.between(start, end) + 1) / 365.0;
		int population = ward.population() == null ? 10_000 : ward.population();
		int n = Integer.parseInt(ward.code().substring(3));
		long tno = Math.round((population / 12.0 + (n % 97) * 7) * years);
		long asb = Math.round((population / 40.0 + (n % 31) * 5) * years);
		double factors = years > 0 && n % 7 == 0 ? 25.0 : 0.0;
		return new WardDemandFigures(ward.code(), tno, asb, tno * 2 + asb, factors);
	}

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	@Autowired
	JdbcClient jdbc;

	Api api;

	Playwright playwright;

	Browser browser;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
	}

	@AfterAll
	void close() {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.playwright != null) {
			this.playwright.close();
		}
	}

	JsonNode call(String user, String method, String path, String json, int expected) {
		Api.Response response = method.equals("GET") ? this.api.get(user, path)
				: this.api.post(user, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).as(method + " " + path + " as " + user + ": " + response.body()).isEqualTo(expected);
		return response.body().isEmpty() ? null : response.json();
	}

	// ------------------------------------------------------------------ shared supervision

	@Test
	@Order(1)
	void theRecommendationIsTheBestFairPlanAndExplainsEachPairWithItsFigures() {
		List<WardSummary> wards = this.geography.wards(Optional.of(CAMDEN));
		int sergeants = wards.size() - 3;
		JsonNode rec = call("supt.camden", "GET", "/api/v1/supervision/recommendation?borough=" + CAMDEN + "&sergeants="
				+ sergeants + PERIOD, null, 200);
		assertThat(rec.get("sergeantsSaved").asInt()).isEqualTo(3);
		assertThat(rec.get("groups")).hasSize(3);
		Map<String, WardSummary> byCode = new HashMap<>();
		wards.forEach(w -> byCode.put(w.code(), w));
		Map<String, Double> demand = new HashMap<>();
		wards.forEach(w -> demand.put(w.code(), figures(w, FROM, TO).snDemand()));
		Set<String> used = new HashSet<>();
		Map<String, Integer> perCluster = new HashMap<>();
		for (JsonNode group : rec.get("groups")) {
			List<String> codes = new ArrayList<>();
			group.get("wards").forEach(w -> codes.add(w.get("code").asString()));
			assertThat(codes).hasSize(2);
			WardDetail first = this.geography.ward(codes.get(0));
			assertThat(first.neighbours()).as("adjacent").contains(codes.get(1));
			assertThat(byCode.get(codes.get(1)).clusterId()).as("same cluster").isEqualTo(first.clusterId());
			assertThat(used.add(codes.get(0)) && used.add(codes.get(1))).as("no ward twice").isTrue();
			double combined = demand.get(codes.get(0)) + demand.get(codes.get(1));
			assertThat(group.get("combinedDemand").asDouble()).isCloseTo(combined, org.assertj.core.data.Offset.offset(1e-6));
			JsonNode ward = group.get("wards").get(0);
			WardDemandFigures expected = figures(byCode.get(codes.get(0)), FROM, TO);
			assertThat(ward.get("tno").asLong()).isEqualTo(expected.tno());
			assertThat(ward.get("asb").asLong()).isEqualTo(expected.asb());
			assertThat(group.get("explanation").asString()).contains(byCode.get(codes.get(0)).name())
				.contains(byCode.get(codes.get(1)).name())
				.contains(SharedSupervision.number(combined));
			perCluster.merge(first.clusterId(), 1, Integer::sum);
		}
		// the fair limit: ⌈3 × cluster wards / borough wards⌉
		Map<String, Integer> clusterSize = new HashMap<>();
		wards.forEach(w -> clusterSize.merge(w.clusterId(), 1, Integer::sum));
		perCluster.forEach((cluster, n) -> assertThat(n)
			.isLessThanOrEqualTo((int) Math.ceil(3.0 * clusterSize.get(cluster) / wards.size())));
		// independently: every fair set of three disjoint adjacent same-cluster pairs, best by (heaviest, total)
		double[] best = bruteForce(wards, demand, 3, clusterSize);
		assertThat(rec.get("heaviestShared").asDouble()).isCloseTo(best[0], org.assertj.core.data.Offset.offset(1e-6));
		assertThat(rec.get("sharedDemand").asDouble()).isCloseTo(best[1], org.assertj.core.data.Offset.offset(1e-6));
		assertThat(rec.get("ownSergeant")).hasSize(wards.size() - 6);
	}

	/** [heaviest pair, total] of the best fair plan, by trying every one. */
	double[] bruteForce(List<WardSummary> wards, Map<String, Double> demand, int k, Map<String, Integer> clusterSize) {
		List<String[]> pairs = new ArrayList<>();
		for (WardSummary a : wards) {
			List<String> neighbours = this.geography.ward(a.code()).neighbours();
			for (WardSummary b : wards) {
				if (a.code().compareTo(b.code()) < 0 && neighbours.contains(b.code()) && a.clusterId().equals(b.clusterId())) {
					pairs.add(new String[] { a.code(), b.code(), a.clusterId() });
				}
			}
		}
		double[] best = { Double.MAX_VALUE, Double.MAX_VALUE };
		search(pairs, 0, new ArrayList<>(), k, demand, clusterSize, wards.size(), best);
		return best;
	}

	void search(List<String[]> pairs, int from, List<String[]> chosen, int k, Map<String, Double> demand,
			Map<String, Integer> clusterSize, int wards, double[] best) {
		if (chosen.size() == k) {
			Map<String, Integer> perCluster = new HashMap<>();
			chosen.forEach(p -> perCluster.merge(p[2], 1, Integer::sum));
			for (Map.Entry<String, Integer> e : perCluster.entrySet()) {
				if (e.getValue() > Math.ceil((double) k * clusterSize.get(e.getKey()) / wards)) {
					return;
				}
			}
			double heaviest = 0;
			double total = 0;
			for (String[] p : chosen) {
				double combined = demand.get(p[0]) + demand.get(p[1]);
				heaviest = Math.max(heaviest, combined);
				total += combined;
			}
			if (heaviest < best[0] - 1e-9 || (Math.abs(heaviest - best[0]) < 1e-9 && total < best[1])) {
				best[0] = heaviest;
				best[1] = total;
			}
			return;
		}
		for (int i = from; i < pairs.size(); i++) {
			String[] pair = pairs.get(i);
			boolean free = chosen.stream().noneMatch(c -> c[0].equals(pair[0]) || c[0].equals(pair[1])
					|| c[1].equals(pair[0]) || c[1].equals(pair[1]));
			if (free) {
				chosen.add(pair);
				search(pairs, i + 1, chosen, k, demand, clusterSize, wards, best);
				chosen.remove(chosen.size() - 1);
			}
		}
	}

	@Test
	@Order(2)
	void aPlanIsConsultedOnDecidedByTheBoroughCommanderAndPublishedAsALetter() throws Exception {
		int wards = this.geography.wards(Optional.of(CAMDEN)).size();
		JsonNode plan = call("smt.camden", "POST", "/api/v1/supervision/plans", "{\"borough\":\"" + CAMDEN
				+ "\",\"sergeants\":" + (wards - 2) + ",\"from\":\"" + FROM + "\",\"to\":\"" + TO
				+ "\",\"rationale\":\"Demand analysis of 2034 and the shared base at Kentish Town\"}", 201);
		long id = plan.get("id").asLong();
		assertThat(plan.get("status").asString()).isEqualTo("PROPOSED");
		assertThat(plan.get("groups")).hasSize(2);
		String firstWard = plan.get("groups").get(0).get("wards").get(0).get("name").asString();
		String plans = "/api/v1/supervision/plans/" + id;
		// no decision before anyone is consulted; only the superintendent decides
		String decision = "{\"note\":\"Agreed after consultation\",\"effectiveFrom\":\"" + LocalDate.now().plusDays(30) + "\"}";
		assertThat(call("supt.camden", "POST", plans + "/decision", decision, 422).get("code").asString())
			.isEqualTo("not-consulted");
		call("smt.camden", "POST", plans + "/consultations", "{\"consulteeType\":\"WARD_PANEL\",\"consultee\":\""
				+ firstWard + " ward panel (chair)\",\"consultedOn\":\"" + LocalDate.now().minusDays(3)
				+ "\",\"stance\":\"SUPPORTS\",\"response\":\"Content if the PCSOs stay\"}", 201);
		call("smt.camden", "POST", plans + "/consultations", "{\"consulteeType\":\"MP\",\"consultee\":\"Member for "
				+ "Holborn and St Pancras\",\"consultedOn\":\"" + LocalDate.now().minusDays(2)
				+ "\",\"stance\":\"NO_RESPONSE\"}", 201);
		call("smt.camden", "POST", plans + "/consultations", "{\"consulteeType\":\"KIN\",\"consultee\":\"x\","
				+ "\"consultedOn\":\"" + LocalDate.now().plusDays(5) + "\",\"stance\":\"SUPPORTS\"}", 400);
		call("smt.camden", "POST", plans + "/decision", decision, 403);
		call("supt.hackney", "POST", plans + "/decision", decision, 403);
		call("supt.hackney", "GET", plans, null, 403);
		JsonNode decided = call("supt.camden", "POST", plans + "/decision", decision, 200);
		assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
		assertThat(decided.get("decidedBy").asString()).isEqualTo("supt.camden");
		assertThat(decided.get("consultations")).hasSize(2);
		// final: no more consultation or decisions
		call("smt.camden", "POST", plans + "/consultations", "{\"consulteeType\":\"KIN\",\"consultee\":\"KIN\","
				+ "\"consultedOn\":\"" + LocalDate.now() + "\",\"stance\":\"SUPPORTS\"}", 409);
		call("supt.camden", "POST", plans + "/decision", decision, 409);
		// the letter names the wards, the consultees and the decision
		String text;
		try (var document = org.apache.pdfbox.Loader.loadPDF(this.api.download("analyst", plans + "/letter.pdf"))) {
			text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
		}
		assertThat(text).contains("Shared supervision").contains("Camden").contains(firstWard)
			.contains("Member for Holborn and St Pancras").contains("Agreed after consultation").doesNotContain("DRAFT");
		// audited
		Integer audited = this.jdbc.sql("select count(*) from audit.entry where entity_type = 'supervision plan' and entity_id = ?")
			.param(Long.toString(id))
			.query(Integer.class)
			.single();
		assertThat(audited).isEqualTo(4);
		assertThat(call("analyst", "GET", "/api/v1/supervision/plans?borough=" + CAMDEN, null, 200).findValuesAsString("status"))
			.contains("DECIDED");
	}

	@Test
	@Order(3)
	void groupsGivenByHandMustBeAdjacentWardsOfTheBorough() {
		List<WardSummary> wards = this.geography.wards(Optional.of(CAMDEN));
		String a = wards.get(0).code();
		String far = wards.stream()
			.map(WardSummary::code)
			.filter(c -> !c.equals(a) && !this.geography.ward(a).neighbours().contains(c))
			.findFirst()
			.orElseThrow();
		JsonNode refused = call("smt.camden", "POST", "/api/v1/supervision/plans", "{\"borough\":\"" + CAMDEN
				+ "\",\"sergeants\":" + (wards.size() - 1) + ",\"from\":\"" + FROM + "\",\"to\":\"" + TO
				+ "\",\"groups\":[[\"" + a + "\",\"" + far + "\"]]}", 422);
		assertThat(refused.get("code").asString()).isEqualTo("groups-invalid");
		assertThat(refused.get("detail").asString()).contains("do not share boundaries");
		String neighbour = this.geography.ward(a).neighbours()
			.stream()
			.filter(c -> wards.stream().anyMatch(w -> w.code().equals(c)))
			.findFirst()
			.orElseThrow();
		JsonNode plan = call("supt.camden", "POST", "/api/v1/supervision/plans", "{\"borough\":\"" + CAMDEN
				+ "\",\"sergeants\":" + (wards.size() - 1) + ",\"from\":\"" + FROM + "\",\"to\":\"" + TO
				+ "\",\"groups\":[[\"" + a + "\",\"" + neighbour + "\"]]}", 201);
		assertThat(plan.get("groups").get(0).get("explanation").asString()).contains("by hand");
	}

	@Test
	@Order(4)
	void noDemandForThePeriodIsRefusedSayingWhatToImport() {
		JsonNode refused = call("supt.camden", "GET", "/api/v1/supervision/recommendation?borough=" + CAMDEN
				+ "&sergeants=10&from=2041-01-01&to=2041-12-31", null, 422);
		assertThat(refused.get("code").asString()).isEqualTo("no-demand-data");
		assertThat(refused.get("detail").asString()).contains("No demand data for Camden from 2041-01-01 to 2041-12-31")
			.contains("import crime or calls first");
	}

	// ------------------------------------------------------------------ extra officers

	String allocation(String scope, String code, int total, int minimum, boolean noLoss, String measure, String method) {
		return "{\"scope\":\"" + scope + "\"" + (code == null ? "" : ",\"code\":\"" + code + "\"") + ",\"total\":" + total
				+ ",\"minimumPerWard\":" + minimum + ",\"noLoss\":" + noLoss + ",\"measure\":\"" + measure
				+ "\",\"method\":\"" + method + "\",\"from\":\"" + FROM + "\",\"to\":\"" + TO + "\"}";
	}

	@Test
	@Order(10)
	void allLondonIsAllocatedByDemandKeepingEveryConstraintAndComparedWithThe2007Rule() {
		int wardCount = this.geography.wards(Optional.empty()).size();
		// how fast is a benchmark's question (bench/), not a test's: the machines are 2-core and noisy
		JsonNode result = call("analyst", "POST", "/api/v1/allocation/officers",
				allocation("FORCE", null, 1700, 2, true, "SN", "SAINTE_LAGUE"), 200);
		assertThat(result.get("elapsedMillis").asLong()).isNotNegative();
		JsonNode wards = result.get("wards");
		assertThat(wards).hasSize(wardCount);
		int sum = 0;
		int ruleSum = 0;
		double demandTotal = result.get("demandTotal").asDouble();
		for (JsonNode w : wards) {
			int allocated = w.get("allocation").asInt();
			sum += allocated;
			ruleSum += w.get("rule2007").asInt();
			assertThat(allocated).as(w.get("name").asString()).isGreaterThanOrEqualTo(Math.max(2, w.get("current").asInt()));
			assertThat(w.get("quota").asDouble()).isCloseTo(1700 * w.get("demand").asDouble() / demandTotal,
					org.assertj.core.data.Offset.offset(1e-6));
			assertThat(w.get("versus2007").asInt()).isEqualTo(allocated - w.get("rule2007").asInt());
		}
		assertThat(sum).isEqualTo(1700);
		assertThat(ruleSum + result.get("rule2007").get("unplaced").asInt()).isEqualTo(1700);
		assertThat(result.get("boroughs")).hasSize(32);
		int boroughSum = 0;
		for (JsonNode b : result.get("boroughs")) {
			boroughSum += b.get("allocation").asInt();
			assertThat(b.get("difference").asInt()).isEqualTo(b.get("allocation").asInt() - b.get("rule2007").asInt());
		}
		assertThat(boroughSum).isEqualTo(1700);
		// some wards gain and some lose against the 2007 rule
		assertThat(result.findValues("wardsGaining").stream().mapToInt(JsonNode::asInt).sum()).isPositive();
		assertThat(result.findValues("wardsLosing").stream().mapToInt(JsonNode::asInt).sum()).isPositive();
	}

	@Test
	@Order(11)
	void everyMethodAndMeasureWorksForABoroughAndBcusNeedForceWideAccess() {
		for (String method : List.of("HAMILTON", "DHONDT", "SAINTE_LAGUE", "HUNTINGTON_HILL")) {
			for (String measure : List.of("TNO", "ASB", "CALLS", "SN", "POPULATION")) {
				JsonNode result = call("supt.camden", "POST", "/api/v1/allocation/officers",
						allocation("BOROUGH", CAMDEN, 60, 2, false, measure, method), 200);
				assertThat(result.get("wards").findValues("allocation").stream().mapToInt(JsonNode::asInt).sum())
					.as(method + " " + measure)
					.isEqualTo(60);
			}
		}
		call("supt.camden", "POST", "/api/v1/allocation/officers", allocation("FORCE", null, 1700, 2, false, "SN", "DHONDT"),
				403);
		call("supt.camden", "POST", "/api/v1/allocation/officers",
				allocation("BOROUGH", HACKNEY, 60, 2, false, "SN", "DHONDT"), 403);
		JsonNode bcu = call("analyst", "POST", "/api/v1/allocation/officers",
				allocation("BCU", "Central North", 200, 2, false, "TNO", "HAMILTON"), 200);
		assertThat(bcu.get("scopeName").asString()).isEqualTo("Central North BCU");
		assertThat(bcu.get("boroughs").findValuesAsString("name")).contains("Camden", "Islington");
		call("oversight", "POST", "/api/v1/allocation/officers", allocation("BOROUGH", CAMDEN, 60, 2, false, "SN", "DHONDT"),
				403);
	}

	@Test
	@Order(12)
	void constraintsThatCannotHoldAreRefusedNamingTheConstraint() {
		int wardCount = this.geography.wards(Optional.empty()).size();
		JsonNode minimum = call("analyst", "POST", "/api/v1/allocation/officers",
				allocation("FORCE", null, 1000, 2, false, "SN", "HAMILTON"), 422);
		assertThat(minimum.get("code").asString()).isEqualTo("minimum-infeasible");
		assertThat(minimum.get("detail").asString()).contains("minimum of 2 per ward needs " + 2 * wardCount);
		JsonNode noLoss = call("analyst", "POST", "/api/v1/allocation/officers",
				allocation("FORCE", null, 2 * wardCount, 2, true, "SN", "HAMILTON"), 422);
		assertThat(noLoss.get("code").asString()).isEqualTo("no-loss-infeasible");
		assertThat(noLoss.get("detail").asString()).contains("No ward may lose what it has");
		JsonNode caps = call("analyst", "POST", "/api/v1/allocation/officers",
				"{\"scope\":\"BOROUGH\",\"code\":\"" + CAMDEN + "\",\"total\":500,\"minimumPerWard\":2,\"cap\":4,"
						+ "\"measure\":\"POPULATION\",\"method\":\"DHONDT\"}", 422);
		assertThat(caps.get("code").asString()).isEqualTo("caps-infeasible");
		JsonNode capBelow = call("analyst", "POST", "/api/v1/allocation/officers",
				"{\"scope\":\"BOROUGH\",\"code\":\"" + CAMDEN + "\",\"total\":60,\"minimumPerWard\":3,\"cap\":2,"
						+ "\"measure\":\"POPULATION\",\"method\":\"DHONDT\"}", 422);
		assertThat(capBelow.get("code").asString()).isEqualTo("cap-below-minimum");
		JsonNode noData = call("analyst", "POST", "/api/v1/allocation/officers",
				"{\"scope\":\"BOROUGH\",\"code\":\"" + CAMDEN + "\",\"total\":50,\"measure\":\"TNO\",\"method\":\"DHONDT\","
						+ "\"from\":\"2045-01-01\",\"to\":\"2045-06-30\"}", 422);
		assertThat(noData.get("code").asString()).isEqualTo("no-demand-data");
		call("analyst", "POST", "/api/v1/allocation/officers", "{\"scope\":\"BOROUGH\",\"code\":\"" + CAMDEN
				+ "\",\"total\":50,\"measure\":\"TNO\",\"method\":\"LOTTERY\"}", 400);
	}

	// ------------------------------------------------------------------ Safer Schools

	String schoolsCsv(List<WardSummary> wards, boolean secondYear) {
		StringBuilder csv = new StringBuilder("urn,name,phase,ward_code,has_officer,free_school_meals,gcse_ac,"
				+ "permanent_exclusions,unauthorised_absence\n");
		for (int i = 0; i < 8; i++) {
			int fsm = secondYear && i == 0 ? 5 : 10 + i * 6;
			csv.append(900100 + i)
				.append(",Synthetic School ")
				.append((char) ('A' + i))
				.append(',')
				.append(i % 3 == 0 ? "secondary" : "PRU")
				.append(',')
				.append(wards.get(i % 4).code())
				.append(',')
				.append(i == 1 ? "yes" : "no")
				.append(',')
				.append(fsm)
				.append(',')
				.append(80 - i * 5)
				.append(',')
				.append(i == 5 ? "" : String.valueOf(i * 0.1))
				.append(',')
				.append(3 + i)
				.append('\n');
		}
		return csv.toString();
	}

	@Test
	@Order(20)
	void schoolsAreImportedOnceRankedAndAllocatedYearOnYearWithoutAnySchoolLosingItsOfficer() {
		List<WardSummary> wards = this.geography.wards(Optional.of(CAMDEN));
		String csv = schoolsCsv(wards, false);
		Api.Response first = this.api.post("smt.camden", "/api/v1/schools/import?year=2034", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("created").asInt()).isEqualTo(8);
		// the same file again changes nothing
		JsonNode again = this.api.post("smt.camden", "/api/v1/schools/import?year=2034", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8)).json();
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("unchanged").asInt()).isEqualTo(8);
		// a bad file: every problem reported, nothing stored (not even its good rows)
		String bad = "urn,name,phase,ward_code,free_school_meals\n900200,New School,secondary," + wards.get(0).code()
				+ ",12\n900201,Bad,nursery," + wards.get(0).code() + ",x\n900202,Hackney School,primary,"
				+ this.geography.wards(Optional.of(HACKNEY)).get(0).code() + ",3\n";
		Api.Response rejected = this.api.post("smt.camden", "/api/v1/schools/import?year=2034", "text/csv",
				bad.getBytes(StandardCharsets.UTF_8));
		assertThat(rejected.status()).isEqualTo(422);
		assertThat(rejected.json().get("report").get("problems").findValuesAsString("column")).contains("phase",
				"free_school_meals", "ward_code");
		assertThat(rejected.body()).contains("outside your scope");
		assertThat(call("smt.camden", "GET", "/api/v1/schools?borough=" + CAMDEN + "&year=2034", null, 200)).hasSize(8);
		assertThat(this.api.post("analyst", "/api/v1/schools/import?year=2034", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);

		// rank with 3 officers: the school that has one (B) keeps it, two more go to the highest need
		String body = "{\"borough\":\"" + CAMDEN + "\",\"year\":2034,\"officers\":3" + PERIOD.replace("&from=", ",\"from\":\"")
			.replace("&to=", "\",\"to\":\"") + "\"}";
		JsonNode ranking = call("supt.camden", "POST", "/api/v1/schools/ranking", body, 200);
		JsonNode schools = ranking.get("schools");
		assertThat(schools).hasSize(8);
		List<String> withOfficer = new ArrayList<>();
		for (JsonNode s : schools) {
			if (s.get("officer").asBoolean()) {
				withOfficer.add(s.get("urn").asString());
			}
			else {
				// every other school has a named contact from its own ward's team
				JsonNode contact = s.get("contact");
				assertThat(contact.isNull()).as(s.get("name").asString()).isFalse();
				JsonNode team = call("supt.camden", "GET", "/api/v1/wards/" + s.get("wardCode").asString() + "/team", null,
						200);
				assertThat(team.findValuesAsString("name")).contains(contact.get("name").asString());
			}
			assertThat(s.get("values").has("asb_around")).isTrue();
		}
		assertThat(withOfficer).hasSize(3).contains("900101");
		assertThat(schools.get(0).get("score").asDouble()).isGreaterThanOrEqualTo(schools.get(7).get("score").asDouble());
		assertThat(ranking.get("normalisationNote").asString()).contains("Min-max");
		// fewer officers than schools that have one: refused by the no-loss rule
		assertThat(call("supt.camden", "POST", "/api/v1/schools/ranking", body.replace("\"officers\":3", "\"officers\":0"),
				422).get("code").asString()).isEqualTo("no-loss-infeasible");
		// with ASB and crime weighted but no demand for the period: refused, saying how to go on
		JsonNode noDemand = call("supt.camden", "POST", "/api/v1/schools/ranking", "{\"borough\":\"" + CAMDEN
				+ "\",\"year\":2034,\"officers\":3,\"from\":\"2045-01-01\",\"to\":\"2045-12-31\"}", 422);
		assertThat(noDemand.get("detail").asString()).contains("weight of 0");
		call("supt.camden", "POST", "/api/v1/schools/ranking", "{\"borough\":\"" + CAMDEN
				+ "\",\"year\":2034,\"officers\":3,\"from\":\"2045-01-01\",\"to\":\"2045-12-31\","
				+ "\"weights\":{\"asb_around\":0,\"crime_around\":0}}", 200);

		JsonNode recorded = call("smt.camden", "POST", "/api/v1/schools/allocations", body, 200);
		assertThat(recorded.get("recordedBy").asString()).isEqualTo("smt.camden");
		call("analyst", "POST", "/api/v1/schools/allocations", body, 403);

		// next year: school A's need falls and nobody says it has an officer; those allocated keep theirs
		this.api.post("smt.camden", "/api/v1/schools/import?year=2035", "text/csv",
				schoolsCsv(wards, true).replace(",yes,", ",no,").getBytes(StandardCharsets.UTF_8));
		String next = body.replace("\"year\":2034", "\"year\":2035").replace("\"officers\":3", "\"officers\":4");
		JsonNode nextYear = call("smt.camden", "POST", "/api/v1/schools/allocations", next, 200);
		for (String urn : withOfficer) {
			JsonNode school = find(nextYear.get("schools"), urn);
			assertThat(school.get("officer").asBoolean()).as(urn).isTrue();
			assertThat(school.get("kept").asBoolean()).as(urn).isTrue();
		}
		JsonNode review = call("analyst", "GET", "/api/v1/schools/review?borough=" + CAMDEN + "&year=2035", null, 200);
		assertThat(review.get("previousRecorded").asBoolean()).isTrue();
		assertThat(review.get("lost").asInt()).isZero();
		assertThat(review.get("kept").asInt()).isEqualTo(3);
		assertThat(review.get("gained").asInt()).isEqualTo(1);
		JsonNode schoolA = find(review.get("schools"), "900100");
		assertThat(schoolA.get("movement").asInt()).isEqualTo(schoolA.get("previousRank").asInt() - schoolA.get("rank").asInt());
		call("supt.hackney", "GET", "/api/v1/schools/review?borough=" + CAMDEN + "&year=2035", null, 403);
		call("analyst", "GET", "/api/v1/schools/review?borough=" + CAMDEN + "&year=2031", null, 404);
	}

	@Test
	@Order(21)
	void aBoroughAddsItsOwnCriterionAndImportsItsValues() {
		JsonNode added = call("smt.camden", "POST", "/api/v1/schools/criteria", "{\"code\":\"bullying_incidents\","
				+ "\"label\":\"Reported bullying incidents\",\"direction\":\"HIGHER_IS_WORSE\",\"defaultWeight\":2,"
				+ "\"borough\":\"" + CAMDEN + "\"}", 201);
		assertThat(added.get("boroughCode").asString()).isEqualTo(CAMDEN);
		call("smt.camden", "POST", "/api/v1/schools/criteria", "{\"code\":\"bullying_incidents\",\"label\":\"x\","
				+ "\"direction\":\"HIGHER_IS_WORSE\",\"borough\":\"" + CAMDEN + "\"}", 409);
		call("smt.camden", "POST", "/api/v1/schools/criteria", "{\"code\":\"london_wide\",\"label\":\"x\","
				+ "\"direction\":\"HIGHER_IS_WORSE\"}", 403);
		assertThat(call("supt.hackney", "GET", "/api/v1/schools/criteria?borough=" + HACKNEY, null, 200)
			.findValuesAsString("code")).contains("gcse_ac").doesNotContain("bullying_incidents");
		String code = this.geography.wards(Optional.of(CAMDEN)).get(5).code();
		Api.Response imported = this.api.post("smt.camden", "/api/v1/schools/import?year=2036", "text/csv",
				("urn,name,phase,ward_code,bullying_incidents\n900300,Synthetic College,college," + code + ",14\n")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(call("smt.camden", "GET", "/api/v1/schools?borough=" + CAMDEN + "&year=2036", null, 200).get(0)
			.get("values").get("bullying_incidents").asDouble()).isEqualTo(14.0);
	}

	static JsonNode find(JsonNode schools, String urn) {
		for (JsonNode s : schools) {
			if (s.get("urn").asString().equals(urn)) {
				return s;
			}
		}
		throw new AssertionError("no school " + urn);
	}

	// ------------------------------------------------------------------ pages

	@Test
	@Order(30)
	void thePagesShowTheRecommendationTheAllocationAndTheRanking() {
		WebSession supt = WebSession.signIn(this.port, "supt.camden");
		int wards = this.geography.wards(Optional.of(CAMDEN)).size();
		WebSession.Page supervision = supt.get("/supervision?borough=" + CAMDEN + "&sergeants=" + (wards - 2) + PERIOD);
		assertThat(supervision.status()).isEqualTo(200);
		assertThat(supervision.body()).contains("id=\"groups\"").contains("2 sergeant(s) shared")
			.contains("Propose this for consultation");
		WebSession.Page noData = supt.get("/supervision?borough=" + CAMDEN + "&sergeants=10&from=2045-01-01&to=2045-12-31");
		assertThat(noData.body()).contains("govuk-error-summary").contains("import crime or calls first");
		WebSession.Page allocation = supt.get("/allocation?scope=BOROUGH&borough=" + CAMDEN
				+ "&total=60&minimumPerWard=2&measure=SN&method=HUNTINGTON_HILL" + PERIOD);
		assertThat(allocation.body()).contains("id=\"boroughs-table\"").contains("id=\"wards-table\"").contains("chart-data");
		WebSession.Page infeasible = supt.get("/allocation?scope=BOROUGH&borough=" + CAMDEN
				+ "&total=10&minimumPerWard=2&measure=SN&method=HAMILTON" + PERIOD);
		assertThat(infeasible.body()).contains("govuk-error-summary").contains("A minimum of 2 per ward needs");
		WebSession.Page schools = supt.get("/schools?borough=" + CAMDEN + "&year=2034&officers=3" + PERIOD);
		assertThat(schools.body()).contains("id=\"ranking\"").contains("Synthetic School").contains("Keeps officer");
		// a proposal made through the page lands on its plan page
		WebSession.Page proposed = supt.post("/supervision?borough=" + CAMDEN, "/supervision/plans",
				Map.of("borough", CAMDEN, "sergeants", Integer.toString(wards - 1), "from", FROM.toString(), "to",
						TO.toString(), "maxGroupSize", "2", "rationale", "From the page"));
		assertThat(proposed.status()).isEqualTo(302);
		assertThat(proposed.location()).contains("/supervision/plans/");
		assertThat(supt.get(proposed.location().replaceFirst("^https?://[^/]+", "")).body()).contains("From the page");
	}

	@Test
	@Order(31)
	void inChromiumTheChartDrawsAndThePagesFitA320PixelScreen() throws Exception {
		this.playwright = Playwright.create();
		this.browser = Chromium.launch(this.playwright);
		Files.createDirectories(Path.of("target/screenshots"));
		try (BrowserContext context = this.browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640))) {
			Page page = context.newPage();
			Chromium.signIn(page, this.port, "analyst");
			page.navigate("http://localhost:" + this.port + "/allocation");
			page.getByLabel("All London").check();
			page.getByLabel("Officers in all").fill("1700");
			page.getByLabel("No ward loses what it has").check();
			page.getByLabel("Demand from").fill(FROM.toString());
			page.getByLabel("Demand to").fill(TO.toString());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allocate")).click();
			com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#result-heading"))
				.containsText("All London: 1700 officers");
			page.locator("#borough-chart svg").first().waitFor();
			assertThat(page.locator("#borough-chart svg path, #borough-chart svg rect").count()).isGreaterThan(32);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/allocation-320.png")).setFullPage(true));
			for (String path : List.of("/allocation", "/supervision?borough=" + CAMDEN + "&sergeants=16" + PERIOD,
					"/schools?borough=" + CAMDEN + "&year=2034&officers=3" + PERIOD, "/supervision/plans/1")) {
				page.navigate("http://localhost:" + this.port + path);
				int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
				assertThat(width).as("page width of %s at 320 px", path).isLessThanOrEqualTo(320);
			}
			page.navigate("http://localhost:" + this.port + "/schools?borough=" + CAMDEN + "&year=2034&officers=3" + PERIOD);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/schools-320.png")).setFullPage(true));
		}
	}

}
