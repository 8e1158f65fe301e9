package org.ringfence.geography;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.ringfence.geography.domain.ClusterRules;
import org.ringfence.geography.domain.WardShape;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LondonGeographyIT {

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	@Autowired
	WardShapes shapes;

	@Autowired
	JdbcClient jdbc;

	@Test
	void serves32MetBoroughsWithTheirBcuAndWardCounts() {
		JsonNode boroughs = new Api(this.port).get("analyst", "/api/v1/boroughs").json();
		assertThat(boroughs).hasSize(32);
		int wards = 0;
		Set<String> bcus = new HashSet<>();
		for (JsonNode borough : boroughs) {
			assertThat(borough.get("code").asString()).matches("E09[0-9]{6}").isNotEqualTo("E09000001");
			bcus.add(borough.get("bcu").asString());
			wards += borough.get("wardCount").asInt();
		}
		assertThat(bcus).hasSize(12);
		assertThat(wards).isEqualTo(632);
		JsonNode camden = new Api(this.port).get("analyst", "/api/v1/boroughs/E09000007").json();
		assertThat(camden.get("name").asString()).isEqualTo("Camden");
		assertThat(camden.get("bcu").asString()).isEqualTo("Central North");
	}

	@Test
	void holdsAll632MetWardsWithPopulationAndPolygonAndNoCityWards() {
		List<WardSummary> wards = this.geography.wards(Optional.empty());
		assertThat(wards).hasSize(632);
		assertThat(wards).allSatisfy(w -> {
			assertThat(w.population()).isNotNull().isPositive();
			assertThat(w.hectares()).isPositive();
			assertThat(w.clusterId()).startsWith(w.boroughCode() + "-C");
		});
		assertThat(this.shapes.activeWards()).hasSize(632)
			.allSatisfy(s -> assertThat(s.geometry().getArea()).isPositive());
		assertThat(this.jdbc.sql("select count(*) from geography.ward where borough_code = 'E09000001'")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void everyWardIsInExactlyOneClusterOfThreeToSixContiguousWards() {
		Map<String, Set<String>> adjacency = new HashMap<>();
		this.geography.adjacency().forEach((ward, neighbours) -> adjacency.put(ward, new HashSet<>(neighbours)));
		List<ClusterSummary> clusters = this.geography.clusters(Optional.empty());
		Map<String, Integer> seen = new HashMap<>();
		for (ClusterSummary cluster : clusters) {
			assertThat(cluster.wardCodes()).hasSizeBetween(3, 6);
			assertThat(ClusterRules.isContiguous(new HashSet<>(cluster.wardCodes()), adjacency))
				.as("cluster %s is contiguous", cluster.id()).isTrue();
			cluster.wardCodes().forEach(w -> seen.merge(w, 1, Integer::sum));
		}
		assertThat(seen).hasSize(632);
		assertThat(seen.values()).containsOnly(1);
	}

	@Test
	void adjacencyIsSymmetricAndGivenAsNeighboursOfAWard() {
		Map<String, List<String>> adjacency = this.geography.adjacency();
		adjacency.forEach((ward, neighbours) -> neighbours
			.forEach(n -> assertThat(adjacency.get(n)).as("%s lists %s", n, ward).contains(ward)));
		JsonNode ward = new Api(this.port).get("controller", "/api/v1/wards/E05000137").json();
		assertThat(ward.get("neighbours")).isNotEmpty();
		assertThat(ward.get("boroughCode").asString()).isEqualTo("E09000007");
	}

	@Test
	void locatesAPointInsideEveryWardToThatWard() {
		for (WardShape shape : this.shapes.activeWards()) {
			Point inside = shape.geometry().getInteriorPoint();
			Optional<LocatedWard> located = this.geography.locate(inside.getY(), inside.getX());
			assertThat(located).as("interior point of %s", shape.code()).isPresent();
			assertThat(located.get().wardCode()).isEqualTo(shape.code());
		}
	}

	@Test
	void locateApiAnswersTheWardAndBoroughOr404OutsideTheForce() {
		Api api = new Api(this.port);
		Api.Response camden = api.get("controller", "/api/v1/locate?lat=51.5390&lng=-0.1426");
		assertThat(camden.status()).isEqualTo(200);
		assertThat(camden.json().get("boroughCode").asString()).isEqualTo("E09000007");
		assertThat(api.get("controller", "/api/v1/locate?lat=51.752&lng=-1.2577").status()).isEqualTo(404); // Oxford
		assertThat(api.get("controller", "/api/v1/locate?lat=48.8566&lng=2.3522").status()).isEqualTo(404); // Paris
		assertThat(api.get("controller", "/api/v1/locate?lat=51.5155&lng=-0.0922").status()).isEqualTo(404); // City
		Api.Response bad = api.get("controller", "/api/v1/locate?lat=north&lng=0");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(api.get("controller", "/api/v1/locate?lat=95&lng=0").status()).isEqualTo(400);
	}

	@Test
	void wardsOfABoroughListTheirClusterPopulationAndArea() {
		Api api = new Api(this.port);
		JsonNode wards = api.get("officer.camden", "/api/v1/wards?borough=E09000007").json();
		assertThat(wards.size()).isBetween(15, 25);
		JsonNode first = wards.get(0);
		assertThat(first.has("code") && first.has("name") && first.has("boroughCode") && first.has("clusterId")
				&& first.has("population") && first.has("hectares")).isTrue();
		assertThat(api.get("admin", "/api/v1/wards?borough=E09000099").status()).isEqualTo(404);
		assertThat(api.get("admin", "/api/v1/wards?borough=camden").status()).isEqualTo(400);
		assertThat(api.get("admin", "/api/v1/wards/E05999999").status()).isEqualTo(404);
	}

}
