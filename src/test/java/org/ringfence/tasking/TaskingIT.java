package org.ringfence.tasking;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Borough tasking over HTTP: a meeting is planned, a bid goes on its agenda, the chair decides it
 * (the bid takes the outcome), a decided item cannot be decided again, the meeting closes only when
 * every item is decided, and the minutes PDF names the borough, the day and each decision. Roles
 * and boroughs outside tasking are refused.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskingIT {

	static final String CAMDEN = "E09000007";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void aBidIsDecidedAtTheMeetingWhichClosesWithItsMinutes() throws Exception {
		LocalDate day = LocalDate.now().plusDays(40);
		JsonNode meeting = post("smt.camden", "/api/v1/tasking/meetings",
				"{\"boroughCode\":\"" + CAMDEN + "\",\"heldOn\":\"" + day + "\",\"chair\":\"Supt Camden\"}", 201);
		long id = meeting.get("id").asLong();
		assertThat(meeting.get("boroughName").asString()).isEqualTo("Camden");
		// one meeting a day per borough
		post("supt.camden", "/api/v1/tasking/meetings",
				"{\"boroughCode\":\"" + CAMDEN + "\",\"heldOn\":\"" + day + "\",\"chair\":\"Someone\"}", 409);

		JsonNode bid = post("smt.camden", "/api/v1/tasking/bids", "{\"boroughCode\":\"" + CAMDEN
				+ "\",\"unit\":\"TERRITORIAL_SUPPORT_GROUP\",\"purpose\":\"Robberies around Camden Town station at night\","
				+ "\"wantedFrom\":\"" + day.plusDays(3) + "\",\"wantedTo\":\"" + day.plusDays(10) + "\",\"hoursRequested\":80}", 201);
		long bidId = bid.get("id").asLong();
		assertThat(bid.get("status").asString()).isEqualTo("REQUESTED");

		JsonNode agenda = post("smt.camden", "/api/v1/tasking/meetings/" + id + "/agenda", "", 200).get("agenda");
		JsonNode bidItem = item(agenda, "support-bid:" + bidId);
		assertThat(bidItem.get("kind").asString()).isEqualTo("SUPPORT_BID");
		assertThat(bidItem.get("title").asString()).contains("Territorial Support Group");
		// building again adds nothing twice
		int items = agenda.size();
		assertThat(post("smt.camden", "/api/v1/tasking/meetings/" + id + "/agenda", "", 200).get("agenda").size()).isEqualTo(items);

		JsonNode other = item(post("smt.camden", "/api/v1/tasking/meetings/" + id + "/items",
				"{\"title\":\"Debrief: dogs deployment in Kentish Town\",\"summary\":\"Two arrests\"}", 200).get("agenda"),
				"other:");

		String decision = "/api/v1/tasking/meetings/" + id + "/items/%d/decision";
		// only the chair decides
		post("smt.camden", decision.formatted(bidItem.get("id").asLong()), "{\"outcome\":\"GRANTED\",\"note\":\"x\"}", 403);
		// a partial grant needs the hours; an outcome not open to the item is refused
		post("supt.camden", decision.formatted(bidItem.get("id").asLong()),
				"{\"outcome\":\"PARTLY_GRANTED\",\"note\":\"Half: TSG committed elsewhere\"}", 400);
		post("supt.camden", decision.formatted(bidItem.get("id").asLong()), "{\"outcome\":\"AUTHORISE\",\"note\":\"x\"}", 409);
		post("supt.camden", decision.formatted(bidItem.get("id").asLong()),
				"{\"outcome\":\"PARTLY_GRANTED\",\"note\":\"Half: TSG committed elsewhere\",\"hoursGranted\":40}", 200);
		JsonNode decidedBid = this.api.get("supt.camden", "/api/v1/tasking/bids/" + bidId).json();
		assertThat(decidedBid.get("status").asString()).isEqualTo("PARTLY_GRANTED");
		assertThat(decidedBid.get("hoursGranted").asInt()).isEqualTo(40);
		// decided once only
		JsonNode again = post("supt.camden", decision.formatted(bidItem.get("id").asLong()),
				"{\"outcome\":\"REFUSED\",\"note\":\"changed my mind\"}", 409);
		assertThat(again.get("detail").asString()).contains("decided already (PARTLY_GRANTED)");

		// the meeting closes only when every item is decided
		JsonNode refused = post("supt.camden", "/api/v1/tasking/meetings/" + id + "/close", "{\"minutesNote\":\"\"}", 409);
		assertThat(refused.get("detail").asString()).contains("Debrief: dogs deployment in Kentish Town");
		decideEverythingLeft(id, "NOTED", "DEFERRED");
		JsonNode closed = post("supt.camden", "/api/v1/tasking/meetings/" + id + "/close",
				"{\"minutesNote\":\"Next meeting in two weeks.\"}", 200);
		assertThat(closed.get("closed").asBoolean()).isTrue();
		post("smt.camden", "/api/v1/tasking/meetings/" + id + "/agenda", "", 409);
		assertThat(other.get("outcomes").toString()).contains("NOTED");

		// debrief: the operations office was told, or why not
		String debrief = "/api/v1/tasking/bids/" + bidId + "/debrief";
		post("smt.camden", debrief, "{\"debrief\":\"Three arrests\",\"operationsOfficeInformed\":false}", 409);
		JsonNode debriefed = post("smt.camden", debrief, "{\"debrief\":\"Three arrests for robbery\","
				+ "\"operationsOfficeInformed\":false,\"notInformedReason\":\"Covert phase of Operation Example\"}", 200);
		assertThat(debriefed.get("notInformedReason").asString()).contains("Covert");

		Api.Response pdf = this.api.get("analyst", "/api/v1/tasking/meetings/" + id + "/minutes.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		String text;
		try (var document = org.apache.pdfbox.Loader.loadPDF(this.api.download("analyst",
				"/api/v1/tasking/meetings/" + id + "/minutes.pdf"))) {
			text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
		}
		assertThat(text).contains("Camden: minutes")
			.contains(String.valueOf(day.getYear()))
			.contains("Decision: PARTLY GRANTED")
			.contains("Half: TSG committed elsewhere")
			.contains("Next meeting in two weeks.")
			.doesNotContain("DRAFT");

		// every step is in the audit trail
		assertThat(this.jdbc.sql("select count(*) from audit.entry where entity_type = 'tasking meeting' and entity_id = ?")
			.param(Long.toString(id))
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void taskingIsRefusedToOtherRolesAndBoroughs() {
		LocalDate day = LocalDate.now().plusDays(41);
		long id = post("supt.camden", "/api/v1/tasking/meetings",
				"{\"boroughCode\":\"" + CAMDEN + "\",\"heldOn\":\"" + day + "\",\"chair\":\"Supt Camden\"}", 201).get("id").asLong();
		for (String user : new String[] { "supt.hackney", "oversight", "controller", "sergeant.camden", "inspector.camden",
				"officer.camden", "resources.camden" }) {
			assertThat(this.api.get(user, "/api/v1/tasking/meetings/" + id).status()).as(user).isEqualTo(403);
		}
		assertThat(this.api.get("analyst", "/api/v1/tasking/meetings/" + id).status()).isEqualTo(200);
		post("supt.hackney", "/api/v1/tasking/meetings",
				"{\"boroughCode\":\"" + CAMDEN + "\",\"heldOn\":\"" + day.plusDays(1) + "\",\"chair\":\"x\"}", 403);
		post("analyst", "/api/v1/tasking/meetings",
				"{\"boroughCode\":\"" + CAMDEN + "\",\"heldOn\":\"" + day.plusDays(1) + "\",\"chair\":\"x\"}", 403);
		post("supt.hackney", "/api/v1/tasking/meetings/" + id + "/close", "{}", 403);
		post("resources.camden", "/api/v1/tasking/bids", "{\"boroughCode\":\"" + CAMDEN + "\",\"unit\":\"DOG_SECTION\","
				+ "\"purpose\":\"x\",\"wantedFrom\":\"" + day + "\",\"wantedTo\":\"" + day + "\",\"hoursRequested\":1}", 403);
		assertThat(this.api.get("supt.hackney", "/api/v1/tasking/meetings?borough=" + CAMDEN).status()).isEqualTo(403);
		JsonNode hackneysOwn = this.api.get("supt.hackney", "/api/v1/tasking/meetings").json();
		hackneysOwn.forEach(m -> assertThat(m.get("boroughCode").asString()).isEqualTo("E09000012"));
		assertThat(this.api.get(null, "/api/v1/tasking/meetings").status()).isEqualTo(401);
	}

	@Test
	void aSignificantEventDeclaredInTheBoroughIsOnTheAgendaToBeNoted() {
		LocalDate day = LocalDate.now().plusDays(42);
		JsonNode event = post("supt.camden", "/api/v1/significant-events", "{\"boroughCode\":\"" + CAMDEN
				+ "\",\"title\":\"Major incident: King's Cross fire\",\"description\":\"Reassurance patrols.\","
				+ "\"startsOn\":\"" + day.minusDays(3) + "\",\"endsOn\":\"" + day.minusDays(1) + "\"}", 201);
		long id = post("supt.camden", "/api/v1/tasking/meetings",
				"{\"boroughCode\":\"" + CAMDEN + "\",\"heldOn\":\"" + day + "\",\"chair\":\"Supt Camden\"}", 201)
			.get("id")
			.asLong();
		JsonNode agenda = post("smt.camden", "/api/v1/tasking/meetings/" + id + "/agenda", "", 200).get("agenda");
		JsonNode item = item(agenda, "significant-event:" + event.get("id").asLong());
		assertThat(item.get("kind").asString()).isEqualTo("SIGNIFICANT_EVENT");
		assertThat(item.get("title").asString()).contains("King's Cross fire");
		assertThat(agenda.get(0).get("kind").asString()).as("events are taken first").isEqualTo("SIGNIFICANT_EVENT");
		post("supt.camden", "/api/v1/tasking/meetings/" + id + "/items/" + item.get("id").asLong() + "/decision",
				"{\"outcome\":\"NOTED\",\"note\":\"Patrols stood down on the 3rd day\"}", 200);
	}

	private void decideEverythingLeft(long id, String... preferred) {
		for (JsonNode item : this.api.get("supt.camden", "/api/v1/tasking/meetings/" + id).json().get("agenda")) {
			if (!item.get("outcome").isNull()) {
				continue;
			}
			String outcome = null;
			for (String p : preferred) {
				if (item.get("outcomes").toString().contains("\"" + p + "\"")) {
					outcome = p;
					break;
				}
			}
			post("supt.camden", "/api/v1/tasking/meetings/" + id + "/items/" + item.get("id").asLong() + "/decision",
					"{\"outcome\":\"" + outcome + "\",\"note\":\"Taken at the meeting\"}", 200);
		}
	}

	private static JsonNode item(JsonNode agenda, String refPrefix) {
		for (JsonNode item : agenda) {
			if (item.get("sourceRef").asString().startsWith(refPrefix)) {
				return item;
			}
		}
		throw new AssertionError("no agenda item " + refPrefix + " in " + agenda);
	}

	private JsonNode post(String user, String path, String json, int expected) {
		Api.Response response = this.api.post(user, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).as(user + " POST " + path + ": " + response.body()).isEqualTo(expected);
		return response.body().isEmpty() ? null : response.json();
	}

}
