package org.ringfence.neighbourhood.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data.police.uk-compatible API, anonymous: every endpoint's fields and JSON types against the
 * documented shapes (../shared/data/formats/police-uk-api/API_JSON_SHAPES.md), nothing internal in
 * any answer, 404s as the original, the rate limit (429 with Retry-After) and caching (304).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicApiIT {

	static final String CAMDEN = "E09000007";

	static final Pattern DATE_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$");

	static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?$");

	@LocalServerPort
	int port;

	@Autowired
	PublicRateLimit limit;

	@Autowired
	GeographyService geography;

	Api api;

	double perSecond;

	int burst;

	List<String> camdenWards;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		this.perSecond = this.limit.perSecond();
		this.burst = this.limit.burst();
		this.camdenWards = this.geography.wards(Optional.of(CAMDEN)).stream().map(w -> w.code()).toList();
	}

	@BeforeEach
	void noLimit() {
		this.limit.limit(1_000_000, 1_000_000);
	}

	@AfterAll
	void restoreLimit() {
		this.limit.limit(this.perSecond, this.burst);
	}

	JsonNode get(String path) {
		Api.Response response = this.api.get(null, "/police-uk/api/" + path);
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
		assertThat(response.contentType()).as(path).startsWith("application/json");
		return response.json();
	}

	/** The kinds of JSON value data.police.uk writes. */
	enum Kind {

		STRING, STRING_OR_NULL, DATE_TIME, DATE_TIME_OR_NULL, NUMBER_STRING, OBJECT, ARRAY

	}

	static void assertShape(String what, JsonNode node, Map<String, Kind> fields) {
		assertThat(node.isObject()).as(what + " is an object").isTrue();
		Set<String> names = new TreeSet<>();
		node.propertyNames().forEach(names::add);
		assertThat(names).as(what + " field names").isEqualTo(new TreeSet<>(fields.keySet()));
		fields.forEach((field, kind) -> {
			JsonNode value = node.get(field);
			String label = what + "." + field + " = " + value;
			switch (kind) {
				case STRING -> assertThat(value.isString()).as(label).isTrue();
				case STRING_OR_NULL -> assertThat(value.isString() || value.isNull()).as(label).isTrue();
				case DATE_TIME -> assertThat(value.isString() && DATE_TIME.matcher(value.asString()).matches()).as(label).isTrue();
				case DATE_TIME_OR_NULL -> assertThat(value.isNull() || DATE_TIME.matcher(value.asString()).matches()).as(label)
					.isTrue();
				case NUMBER_STRING -> assertThat(value.isString() && NUMBER.matcher(value.asString()).matches()).as(label).isTrue();
				case OBJECT -> assertThat(value.isObject()).as(label).isTrue();
				case ARRAY -> assertThat(value.isArray()).as(label).isTrue();
			}
		});
	}

	static Map<String, Kind> shape(Object... pairs) {
		Map<String, Kind> out = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			out.put((String) pairs[i], (Kind) pairs[i + 1]);
		}
		return out;
	}

	static final Map<String, Kind> PERSON = shape("name", Kind.STRING, "rank", Kind.STRING, "bio", Kind.STRING_OR_NULL,
			"contact_details", Kind.OBJECT);

	@Test
	void forcesAndForce() {
		JsonNode forces = get("forces");
		assertThat(forces.isArray()).isTrue();
		forces.forEach(f -> assertShape("forces[]", f, shape("id", Kind.STRING, "name", Kind.STRING)));
		assertThat(forces.get(0).get("id").asString()).isEqualTo("metropolitan");
		JsonNode force = get("forces/metropolitan");
		assertShape("force", force, shape("id", Kind.STRING, "name", Kind.STRING, "description", Kind.STRING_OR_NULL, "url",
				Kind.STRING, "telephone", Kind.STRING, "engagement_methods", Kind.ARRAY));
		assertThat(force.get("engagement_methods").size()).isPositive();
		force.get("engagement_methods")
			.forEach(e -> assertShape("engagement_method", e,
					shape("url", Kind.STRING, "description", Kind.STRING_OR_NULL, "title", Kind.STRING)));
		JsonNode people = get("forces/metropolitan/people");
		assertThat(people.size()).as("a superintendent per borough with one").isPositive();
		people.forEach(p -> assertShape("force people[]", p, PERSON));
		assertThat(people.get(0).get("rank").asString()).isEqualTo("Superintendent");
	}

	@Test
	void neighbourhoodsAreTheWardsByCode() {
		JsonNode list = get("metropolitan/neighbourhoods");
		assertThat(list.size()).isEqualTo(this.geography.wards(Optional.empty()).size());
		list.forEach(n -> assertShape("neighbourhoods[]", n, shape("id", Kind.STRING, "name", Kind.STRING)));
		assertThat(list.get(0).get("id").asString()).matches("E05\\d{6}");
	}

	@Test
	void aNeighbourhoodAndItsPeoplePrioritiesEventsAndBoundary() {
		String ward = this.camdenWards.get(0);
		JsonNode n = get("metropolitan/" + ward);
		assertShape("neighbourhood", n, shape("id", Kind.STRING, "name", Kind.STRING, "url_force", Kind.STRING,
				"contact_details", Kind.OBJECT, "links", Kind.ARRAY, "centre", Kind.OBJECT, "locations", Kind.ARRAY,
				"description", Kind.STRING_OR_NULL, "population", Kind.NUMBER_STRING));
		assertThat(n.get("id").asString()).isEqualTo(ward);
		assertShape("centre", n.get("centre"), shape("latitude", Kind.NUMBER_STRING, "longitude", Kind.NUMBER_STRING));
		double lat = Double.parseDouble(n.get("centre").get("latitude").asString());
		double lng = Double.parseDouble(n.get("centre").get("longitude").asString());
		assertThat(lat).isBetween(51.28, 51.70);
		assertThat(lng).isBetween(-0.52, 0.34);
		n.get("contact_details").properties().forEach(e -> assertThat(e.getValue().isString()).as(e.getKey()).isTrue());
		n.get("links").forEach(l -> assertShape("link", l, shape("url", Kind.STRING, "description", Kind.STRING_OR_NULL,
				"title", Kind.STRING)));
		n.get("locations").forEach(l -> assertShape("location", l, shape("name", Kind.STRING, "longitude",
				Kind.STRING_OR_NULL, "postcode", Kind.STRING_OR_NULL, "address", Kind.STRING_OR_NULL, "latitude",
				Kind.STRING_OR_NULL, "type", Kind.STRING, "description", Kind.STRING_OR_NULL)));
		// the centre is in the ward, as locate-neighbourhood finds it
		assertThat(get("locate-neighbourhood?q=" + lat + "," + lng).get("neighbourhood").asString()).isEqualTo(ward);

		JsonNode people = get("metropolitan/" + ward + "/people");
		assertThat(people.size()).as("the demo team").isPositive();
		people.forEach(p -> assertShape("people[]", p, PERSON));

		JsonNode priorities = get("metropolitan/" + ward + "/priorities");
		assertThat(priorities.size()).as("the demo priorities").isPositive();
		priorities.forEach(p -> assertShape("priorities[]", p, shape("issue", Kind.STRING, "action", Kind.STRING_OR_NULL,
				"issue-date", Kind.DATE_TIME, "action-date", Kind.DATE_TIME_OR_NULL)));

		JsonNode events = get("metropolitan/" + ward + "/events");
		assertThat(events.size()).as("the next demo meetings").isPositive();
		events.forEach(e -> assertShape("events[]", e, shape("title", Kind.STRING, "description", Kind.STRING_OR_NULL,
				"address", Kind.STRING, "type", Kind.STRING, "start_date", Kind.DATE_TIME, "end_date", Kind.DATE_TIME,
				"contact_details", Kind.OBJECT)));
		assertThat(events.get(0).get("type").asString()).isEqualTo("meeting");

		JsonNode boundary = get("metropolitan/" + ward + "/boundary");
		assertThat(boundary.size()).isGreaterThanOrEqualTo(3);
		boundary.forEach(p -> assertShape("boundary[]", p, shape("latitude", Kind.NUMBER_STRING, "longitude",
				Kind.NUMBER_STRING)));
	}

	@Test
	void locateNeighbourhoodFindsTheWardAndIs404OutsideLondon() {
		JsonNode located = get("locate-neighbourhood?q=51.5390,-0.1426");
		assertShape("located", located, shape("force", Kind.STRING, "neighbourhood", Kind.STRING));
		assertThat(located.get("force").asString()).isEqualTo("metropolitan");
		assertThat(located.get("neighbourhood").asString())
			.isEqualTo(this.geography.locate(51.5390, -0.1426).orElseThrow().wardCode());
		assertThat(this.api.get(null, "/police-uk/api/locate-neighbourhood?q=52.2053,0.1218").status()).as("Cambridge")
			.isEqualTo(404);
		assertThat(this.api.get(null, "/police-uk/api/locate-neighbourhood?q=51.5155,-0.0922").status())
			.as("the City of London (its own force)")
			.isEqualTo(404);
		assertThat(this.api.get(null, "/police-uk/api/locate-neighbourhood?q=nowhere").status()).isEqualTo(400);
	}

	@Test
	void unknownForcesAndNeighbourhoodsAre404() {
		String ward = this.camdenWards.get(0);
		for (String path : List.of("forces/leicestershire", "forces/leicestershire/people", "leicestershire/neighbourhoods",
				"leicestershire/" + ward, "metropolitan/E05999999", "metropolitan/NC04", "metropolitan/NC04/people",
				"metropolitan/E05999999/priorities", "metropolitan/E05999999/events", "metropolitan/E05999999/boundary",
				"cityoflondon/" + ward + "/people")) {
			assertThat(this.api.get(null, "/police-uk/api/" + path).status()).as(path).isEqualTo(404);
		}
	}

	@Test
	void nothingInternalLeaks() {
		// warrant and payroll numbers of everyone in Camden, duty activity codes, flex references
		List<String> serviceNumbers = new ArrayList<>();
		this.api.get("admin", "/api/v1/people?borough=" + CAMDEN).json().forEach(p -> serviceNumbers.add(p.get("serviceNumber").asString()));
		assertThat(serviceNumbers).hasSizeGreaterThan(20);
		List<String> codes = new ArrayList<>();
		this.api.get("admin", "/api/v1/duties/classification").json().forEach(c -> codes.add(c.get("code").asString()));
		assertThat(codes).contains("SN_WARD", "FLEX");
		List<String> bodies = new ArrayList<>();
		for (String path : List.of("forces", "forces/metropolitan", "forces/metropolitan/people", "metropolitan/neighbourhoods")) {
			bodies.add(this.api.get(null, "/police-uk/api/" + path).body());
		}
		for (String ward : this.camdenWards) {
			for (String tail : List.of("", "/people", "/priorities", "/events", "/boundary")) {
				Api.Response response = this.api.get(null, "/police-uk/api/metropolitan/" + ward + tail);
				assertThat(response.status()).isEqualTo(200);
				bodies.add(response.body());
			}
			bodies.add(this.api.get(null, "/neighbourhoods/" + ward).body());
		}
		for (String body : bodies) {
			for (String number : serviceNumbers) {
				assertThat(Pattern.compile("\\b" + Pattern.quote(number) + "\\b").matcher(body).find())
					.as("warrant/payroll number " + number).isFalse();
			}
			for (String code : codes) {
				if (code.length() >= 4 || code.contains("_")) {
					assertThat(Pattern.compile("\\b" + Pattern.quote(code) + "\\b").matcher(body).find()).as("duty code " + code)
						.isFalse();
				}
			}
			assertThat(body).doesNotContainIgnoringCase("flex");
			assertThat(body).doesNotContain("Synthetic minutes").doesNotContain("personId").doesNotContain("serviceNumber");
		}
	}

	@Test
	void answersCarryAnEtagAnd304WhenUnchanged() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String path = "/police-uk/api/metropolitan/" + this.camdenWards.get(0) + "/priorities";
		HttpResponse<String> first = client.send(HttpRequest.newBuilder(this.api.uri(path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(first.statusCode()).isEqualTo(200);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("public");
		HttpResponse<String> again = client.send(HttpRequest.newBuilder(this.api.uri(path)).header("If-None-Match", etag).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		HttpResponse<String> other = client.send(HttpRequest.newBuilder(this.api.uri(path)).header("If-None-Match", "\"nope\"").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(other.statusCode()).isEqualTo(200);
	}

	@Test
	void pastTheLimitA429WithRetryAfter() throws Exception {
		this.limit.limit(1, 5);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> refused = null;
		for (int i = 0; i < 8; i++) {
			HttpResponse<String> r = client.send(HttpRequest.newBuilder(this.api.uri("/police-uk/api/forces")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			statuses.add(r.statusCode());
			if (r.statusCode() == 429 && refused == null) {
				refused = r;
			}
		}
		assertThat(statuses.subList(0, 5)).containsOnly(200);
		assertThat(statuses.subList(5, 8)).containsOnly(429);
		assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 2);
		assertThat(refused.body()).contains("\"status\":429");
		// the rest of the application is not limited
		assertThat(this.api.get("admin", "/api/v1/boroughs").status()).isEqualTo(200);
		Thread.sleep(1100);
		assertThat(client.send(HttpRequest.newBuilder(this.api.uri("/police-uk/api/forces")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).as("a token back after a second").isEqualTo(200);
	}

	@Test
	void publicPagesAndMapsAnswerAnonymous() {
		String ward = this.camdenWards.get(0);
		Api.Response index = this.api.get(null, "/neighbourhoods");
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.body()).contains("Find your neighbourhood team");
		Api.Response page = this.api.get(null, "/neighbourhoods/" + ward);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Our priorities").contains("synthetic");
		assertThat(this.api.get(null, "/neighbourhoods/" + ward + "/map").status()).isEqualTo(200);
		assertThat(this.api.get(null, "/neighbourhoods/map").body()).contains("FeatureCollection");
		assertThat(this.api.get(null, "/neighbourhoods/E05999999").status()).isEqualTo(404);
		// but the internal pages and API are not public
		assertThat(this.api.get(null, "/panels/" + ward).status()).isEqualTo(302);
		assertThat(this.api.get(null, "/api/v1/neighbourhoods/" + ward + "/priorities").status()).isEqualTo(401);
	}

}
