package org.ringfence.shifts.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The MSD API: a design reaches the sample's reference fitness, an evaluation reproduces its cost, bad input is a 400 naming the line. */
@IntegrationTest
class ShiftDesignApiIT {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	static byte[] sample(String name) throws IOException {
		try (InputStream in = ShiftDesignApiIT.class.getResourceAsStream("/shifts/msd/" + name)) {
			return in.readAllBytes();
		}
	}

	@Test
	void designsASampleToItsReferenceFitness() throws IOException {
		Api.Response response = this.api.post("analyst", "/api/v1/shift-design/msd?seconds=10",
				"text/plain; charset=ISO-8859-1", sample("DataSet1-RandomExample3.txt"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode json = response.json();
		assertThat(json.get("cost").asInt()).isLessThanOrEqualTo(600);
		assertThat(json.get("shiftsUsed").asInt()).isEqualTo(json.get("shifts").size());
		assertThat(json.get("provenOptimal").isBoolean()).isTrue();
		assertThat(json.has("shortageMinutes")).isTrue();
		assertThat(json.has("excessMinutes")).isTrue();
		JsonNode first = json.get("shifts").get(0);
		assertThat(first.get("start").asString()).matches("\\d\\d:\\d\\d");
		assertThat(first.get("lengthMinutes").asInt()).isBetween(420, 540);
		assertThat(first.get("workersPerDay").size()).isEqualTo(7);
	}

	@Test
	void evaluatesTheEmbeddedSolutionOrAJsonOne() throws IOException {
		Api.Response text = this.api.post("sergeant.camden", "/api/v1/shift-design/msd/evaluate", "text/plain",
				sample("DataSet1-RandomExample1.txt"));
		assertThat(text.status()).as(text.body()).isEqualTo(200);
		assertThat(text.json().get("cost").asInt()).isEqualTo(480);
		assertThat(text.json().get("shiftsUsed").asInt()).isEqualTo(8);

		JsonMapper mapper = JsonMapper.builder().build();
		ObjectNode body = mapper.createObjectNode();
		body.put("instance", new String(sample("DataSet1-RandomExample1.txt"), StandardCharsets.ISO_8859_1));
		ObjectNode shift = body.putArray("shifts").addObject();
		shift.put("start", "08:00");
		shift.put("lengthMinutes", 420);
		shift.putArray("workersPerDay").add(1).add(0).add(0).add(0).add(0).add(0).add(0);
		Api.Response json = this.api.post("resources.camden", "/api/v1/shift-design/msd/evaluate",
				"application/json", mapper.writeValueAsBytes(body));
		assertThat(json.status()).as(json.body()).isEqualTo(200);
		JsonNode figures = json.json();
		assertThat(figures.get("shiftsUsed").asInt()).isEqualTo(1);
		assertThat(figures.get("shortageMinutes").asLong()).isPositive();
		long expected = figures.get("shortageMinutes").asLong() + figures.get("excessMinutes").asLong() + 60;
		assertThat(figures.get("cost").asLong()).isEqualTo(expected);
	}

	@Test
	void aBadInstanceIsA400NamingTheLine() throws IOException {
		String text = new String(sample("DataSet1-RandomExample1.txt"), StandardCharsets.ISO_8859_1)
			.replace("F Fr\u00fchschicht 6:0", "F Fr\u00fchschicht 6:77");
		Api.Response response = this.api.post("admin", "/api/v1/shift-design/msd", "text/plain; charset=ISO-8859-1",
				text.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("line 18");
		assertThat(response.json().get("errors").get(0).get("message").asString()).contains("bad start time '6:77'");

		Api.Response seconds = this.api.post("admin", "/api/v1/shift-design/msd?seconds=61", "text/plain",
				sample("DataSet1-RandomExample1.txt"));
		assertThat(seconds.status()).isEqualTo(400);
		Api.Response noSolution = this.api.post("admin", "/api/v1/shift-design/msd/evaluate", "text/plain",
				"#MinuteInterval:\n60\n".getBytes(StandardCharsets.UTF_8));
		assertThat(noSolution.status()).isEqualTo(400);
		assertThat(noSolution.json().get("detail").asString()).contains("missing section");
	}

	@Test
	void officersAndControllersMayNotDesign() throws IOException {
		assertThat(this.api.post("officer.camden", "/api/v1/shift-design/msd", "text/plain",
				sample("DataSet1-RandomExample1.txt")).status()).isEqualTo(403);
		assertThat(this.api.post("controller", "/api/v1/shift-design/msd/evaluate", "text/plain",
				sample("DataSet1-RandomExample1.txt")).status()).isEqualTo(403);
		assertThat(this.api.post(null, "/api/v1/shift-design/msd", "text/plain",
				sample("DataSet1-RandomExample1.txt")).status()).isEqualTo(401);
	}

}
