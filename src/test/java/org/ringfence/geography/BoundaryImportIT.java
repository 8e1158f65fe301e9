package org.ringfence.geography;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Imports change the geography, so this class has a database of its own; the changing test runs last. */
@IntegrationTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = { "ringfence.test-context=boundary-import", "ringfence.demo-duties=false" })
class BoundaryImportIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String CAMDEN = "E09000007";

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	@Autowired
	JdbcClient jdbc;

	/** Camden's 2018 features from the shipped file, with the properties named as the API documents. */
	static ArrayNode camdenFeatures() throws IOException {
		try (InputStream in = new ClassPathResource("data/london/wards-2018.geojson").getInputStream()) {
			JsonNode all = JSON.readTree(in);
			ArrayNode camden = JSON.createArrayNode();
			for (JsonNode feature : all.get("features")) {
				if (feature.get("properties").get("borough_code").asString().equals(CAMDEN)) {
					ObjectNode copy = (ObjectNode) feature.deepCopy();
					ObjectNode properties = JSON.createObjectNode();
					properties.put("code", feature.get("properties").get("ward_code").asString());
					properties.put("name", feature.get("properties").get("ward_name").asString());
					properties.put("borough", CAMDEN);
					copy.set("properties", properties);
					camden.add(copy);
				}
			}
			return camden;
		}
	}

	static byte[] collection(ArrayNode features) {
		ObjectNode root = JSON.createObjectNode();
		root.put("type", "FeatureCollection");
		root.set("features", features);
		return JSON.writeValueAsBytes(root);
	}

	Api.Response upload(String query, byte[] body) {
		return new Api(this.port).post("admin", "/api/v1/geography/boundaries" + query, "application/geo+json", body);
	}

	@Test
	void reimportingTheSameBoundariesChangesNothing() throws IOException {
		ArrayNode camden = camdenFeatures();
		JsonNode report = upload("", collection(camden)).json();
		assertThat(report.get("applied").asBoolean()).isTrue();
		assertThat(report.get("unchanged").asInt()).isEqualTo(camden.size());
		assertThat(report.get("created")).isEmpty();
		assertThat(report.get("changed")).isEmpty();
		assertThat(report.get("retired")).isEmpty();
	}

	@Test
	void aFileWithAnyBadFeatureIsRejectedWholeWithEveryReasonAndNothingStored() throws IOException {
		ArrayNode camden = camdenFeatures();
		String renamed = camden.get(0).get("properties").get("code").asString();
		((ObjectNode) camden.get(0).get("properties")).put("name", "Renamed But Rejected");
		((ObjectNode) camden.get(1).get("properties")).put("borough", "E09000001");
		((ObjectNode) camden.get(2)).remove("geometry");
		((ObjectNode) camden.get(3).get("properties")).put("code", "not-a-code");
		long setsBefore = this.jdbc.sql("select count(*) from geography.boundary_set").query(Long.class).single();
		Api.Response response = upload("", collection(camden));
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode rejected = response.json().get("report").get("rejected");
		assertThat(rejected).hasSize(3);
		assertThat(rejected.get(0).get("reason").asString()).contains("City of London");
		assertThat(rejected.get(0).get("feature").asInt()).isEqualTo(1);
		assertThat(this.geography.ward(renamed).name()).isNotEqualTo("Renamed But Rejected");
		assertThat(this.jdbc.sql("select count(*) from geography.boundary_set").query(Long.class).single())
			.isEqualTo(setsBefore);
	}

	@Test
	void garbageIsA400WithAClearMessage() {
		Api.Response response = upload("", "this is not json".getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("detail").asString()).startsWith("The boundary file cannot be read");
		assertThat(upload("", "{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8)).status())
			.isEqualTo(400);
	}

	@Test
	void aDryRunReportsChangesButStoresNothing() throws IOException {
		ArrayNode camden = camdenFeatures();
		String code = camden.get(0).get("properties").get("code").asString();
		String name = this.geography.ward(code).name();
		((ObjectNode) camden.get(0).get("properties")).put("name", "Dry Run Name");
		JsonNode report = upload("?dryRun=true", collection(camden)).json();
		assertThat(report.get("dryRun").asBoolean()).isTrue();
		assertThat(report.get("applied").asBoolean()).isFalse();
		assertThat(report.get("changed").get(0).asString()).isEqualTo(code);
		assertThat(this.geography.ward(code).name()).isEqualTo(name);
	}

	@Test
	@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
	void aNewSetCreatesChangesAndRetiresWardsAndKeepsClustersValid() throws IOException {
		ArrayNode camden = camdenFeatures();
		// Change one ward's name, retire another (left out of the file), add a new one in its place.
		String changedCode = camden.get(0).get("properties").get("code").asString();
		((ObjectNode) camden.get(0).get("properties")).put("name", "Renamed Ward");
		ObjectNode replaced = (ObjectNode) camden.get(5);
		String retiredCode = replaced.get("properties").get("code").asString();
		((ObjectNode) replaced.get("properties")).put("code", "E05999001");
		((ObjectNode) replaced.get("properties")).put("name", "New Ward");
		JsonNode report = upload("?name=Camden%20test%20set", collection(camden)).json();
		assertThat(report.get("applied").asBoolean()).isTrue();
		assertThat(report.get("created").get(0).asString()).isEqualTo("E05999001");
		assertThat(report.get("changed").get(0).asString()).isEqualTo(changedCode);
		assertThat(report.get("retired").get(0).asString()).isEqualTo(retiredCode);
		assertThat(this.geography.ward(changedCode).name()).isEqualTo("Renamed Ward");
		assertThat(this.geography.ward(retiredCode).active()).isFalse();
		List<WardSummary> wards = this.geography.wards(Optional.of(CAMDEN));
		assertThat(wards).extracting(WardSummary::code).contains("E05999001").doesNotContain(retiredCode);
		assertThat(wards).allSatisfy(w -> assertThat(w.clusterId()).isNotNull());
		Optional<LocatedWard> located = this.geography.locate(
				this.geography.ward("E05999001").neighbours().isEmpty() ? 0 : interiorLat(replaced),
				interiorLng(replaced));
		assertThat(located).map(LocatedWard::wardCode).contains("E05999001");
		assertThat(new Api(this.port).get("admin", "/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
	}

	private static double interiorLat(JsonNode feature) {
		return geometry(feature).getInteriorPoint().getY();
	}

	private static double interiorLng(JsonNode feature) {
		return geometry(feature).getInteriorPoint().getX();
	}

	private static org.locationtech.jts.geom.Geometry geometry(JsonNode feature) {
		ArrayNode features = JSON.createArrayNode();
		features.add(feature);
		return org.ringfence.geography.boundary.GeoJsonBoundaryReader.read(collection(features)).accepted().get(0).geometry();
	}

}
