package org.ringfence.duties;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

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
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The ward team dashboard shows the same figures as the abstraction report API's row for that
 * team, month by month; the London dashboard's map has every ward with its visibility, the same
 * as the API's, over a GeoJSON of all 632 wards of a reasonable size.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbstractionPagesIT {

	static final String CAMDEN = "E09000007";

	static final Pattern CHART_DATA = Pattern.compile("<script id=\"chart-data\" type=\"application/json\">(.*?)</script>",
			Pattern.DOTALL);

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	Api api;

	String ward;

	YearMonth month;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.ward = this.geography.wards(Optional.of(CAMDEN)).get(2).code();
		// the last complete month, which the demo duties cover
		this.month = YearMonth.now(NewDuty.LONDON).minusMonths(1);
	}

	@Test
	void theWardDashboardShowsTheReportApisFiguresForThatTeamEachMonth() {
		WebSession supt = WebSession.signIn(this.port, "supt.camden");
		WebSession.Page page = supt.get("/reports/abstraction/wards/" + this.ward + "?month=" + this.month + "&months=12");
		assertThat(page.status()).isEqualTo(200);
		JsonNode trend = Api.parse(chartData(page.body())).get("trend");
		assertThat(trend.size()).isEqualTo(12);
		assertThat(trend.get(11).get("month").asString()).isEqualTo(this.month.toString());
		int monthsWithDuty = 0;
		for (JsonNode point : trend) {
			JsonNode team = team(point.get("month").asString());
			assertThat(point.get("dutyMinutes").asLong()).as(point.get("month").asString())
				.isEqualTo(team.get("dutyMinutes").asLong());
			assertThat(point.get("ownWardMinutes").asLong()).isEqualTo(team.get("ownWardMinutes").asLong());
			assertThat(point.get("abstractedMinutes").asLong()).isEqualTo(team.get("abstractedMinutes").asLong());
			assertThat(point.get("flexGivenMinutes").asLong()).isEqualTo(team.get("flexGivenMinutes").asLong());
			assertThat(point.get("flexReceivedMinutes").asLong()).isEqualTo(team.get("flexReceivedMinutes").asLong());
			assertThat(point.get("visibility").asDouble()).isEqualTo(team.get("visibility").asDouble());
			assertThat(minutes(point.get("minutesByType"))).isEqualTo(minutes(team.get("minutesByType")));
			monthsWithDuty += team.get("dutyMinutes").asLong() > 0 ? 1 : 0;
		}
		assertThat(monthsWithDuty).as("months of demo duties shown").isGreaterThanOrEqualTo(3);
		// the headline and the month's table rows are the same figures as shown to people
		JsonNode current = team(this.month.toString());
		assertThat(percent(page.body(), "id=\"visibility\">")).isCloseTo(100 * current.get("visibility").asDouble(),
				within(0.051));
		assertThat(page.body()).contains("id=\"flex-given\">" + current.get("flexGivenMinutes").asLong() / 60 + " h<")
			.contains("id=\"flex-received\">" + current.get("flexReceivedMinutes").asLong() / 60 + " h<");
		current.get("minutesByType").properties().forEach(e -> assertThat(page.body())
			.contains("data-type=\"" + HtmlUtils.htmlEscape(e.getKey()) + "\" data-minutes=\"" + e.getValue().asLong() + "\""));
		// every figure links to the records behind it
		assertThat(page.body()).contains("/reports/abstraction/duties?ward=" + this.ward + "&amp;month=" + this.month);
	}

	@Test
	void oversightSeesTheWardDashboardWithoutLinksToNamedRecordsAndOtherBoroughsAreDenied() {
		WebSession oversight = WebSession.signIn(this.port, "oversight");
		WebSession.Page page = oversight.get("/reports/abstraction/wards/" + this.ward + "?month=" + this.month);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"visibility\"").doesNotContain("/reports/abstraction/duties");
		assertThat(WebSession.signIn(this.port, "supt.hackney")
			.get("/reports/abstraction/wards/" + this.ward + "?month=" + this.month)
			.status()).isEqualTo(403);
	}

	@Test
	void theLondonMapHasEveryWardColouredByTheReportsVisibility() throws Exception {
		Api.Response geo = this.api.get("oversight", "/api/v1/wards/map");
		assertThat(geo.status()).isEqualTo(200);
		assertThat(geo.contentType()).startsWith("application/geo+json");
		assertThat(geo.body().getBytes(StandardCharsets.UTF_8).length).as("GeoJSON size").isLessThan(2_000_000);
		Set<String> mapped = new HashSet<>();
		geo.json().get("features").forEach(f -> {
			assertThat(f.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
			mapped.add(f.get("properties").get("code").asString());
		});
		assertThat(mapped).hasSize(632).hasSize(this.geography.wards(Optional.empty()).size());
		assertThat(gzippedSize("/api/v1/wards/map", geo.body())).as("compressed size").isLessThan(600_000);

		WebSession analyst = WebSession.signIn(this.port, "analyst");
		WebSession.Page page = analyst.get("/reports/abstraction?month=" + this.month);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("data-geojson=\"/api/v1/wards/map\"")
			.contains("data-ward-link=\"/reports/abstraction/wards/{code}?month=" + this.month + "\"")
			.contains("id=\"map-legend\"");
		Matcher visibility = Pattern.compile("data-visibility=\"(\\{[^\"]*\\})\"").matcher(page.body());
		assertThat(visibility.find()).isTrue();
		JsonNode shown = Api.parse(HtmlUtils.htmlUnescape(visibility.group(1)));
		Map<String, Double> expected = new HashMap<>();
		this.api.get("analyst", "/api/v1/reports/abstraction?month=" + this.month)
			.json()
			.get("teams")
			.forEach(t -> expected.put(t.get("code").asString(), t.get("visibility").asDouble()));
		assertThat(expected).hasSize(632);
		assertThat(shown.size()).isEqualTo(632);
		List<String> shownWards = new ArrayList<>();
		shown.properties().forEach(e -> {
			shownWards.add(e.getKey());
			assertThat(e.getValue().asDouble()).as(e.getKey()).isEqualTo(expected.get(e.getKey()));
		});
		assertThat(shownWards).containsExactlyInAnyOrderElementsOf(mapped);
		assertThat(expected.values()).anyMatch(v -> v > 0.3);
	}

	private JsonNode team(String month) {
		JsonNode report = this.api.get("supt.camden", "/api/v1/reports/abstraction?month=" + month + "&borough=" + CAMDEN)
			.json();
		for (JsonNode team : report.get("teams")) {
			if (team.get("code").asString().equals(this.ward)) {
				return team;
			}
		}
		return Api.parse("{\"dutyMinutes\":0,\"ownWardMinutes\":0,\"abstractedMinutes\":0,\"flexGivenMinutes\":0,"
				+ "\"flexReceivedMinutes\":0,\"visibility\":0,\"minutesByType\":{}}");
	}

	private static Map<String, Long> minutes(JsonNode byType) {
		Map<String, Long> minutes = new HashMap<>();
		byType.properties().forEach(e -> minutes.put(e.getKey(), e.getValue().asLong()));
		return minutes;
	}

	private static String chartData(String page) {
		Matcher matcher = CHART_DATA.matcher(page);
		assertThat(matcher.find()).as("chart data on the page").isTrue();
		return matcher.group(1);
	}

	private static double percent(String page, String after) {
		int at = page.indexOf(after);
		assertThat(at).as(after).isGreaterThan(0);
		String text = page.substring(at + after.length(), page.indexOf('<', at + after.length()));
		return Double.parseDouble(text.replace("%", "").strip());
	}

	/** The size of a response sent gzipped, checking it unzips to the same text. */
	private long gzippedSize(String path, String plain) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(this.api.uri(path))
				.header("Accept-Encoding", "gzip")
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString(("oversight:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
		}
		return response.body().length;
	}

}
