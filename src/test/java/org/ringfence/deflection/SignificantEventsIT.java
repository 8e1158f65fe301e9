package org.ringfence.deflection;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.duties.Duty;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.DutyService;
import org.ringfence.duties.NewDuty;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.TeamMember;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Significant events in May 2037 (hand-built duties, far from the demo roster): declared by the
 * borough's superintendent; deployments state their reassurance purpose and re-code planned tours;
 * an officer from another borough is refused without "extreme circumstances" and flagged with them;
 * other modules learn whether an event covers some dates.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignificantEventsIT {

	static final String CAMDEN = "E09000007";

	static final String HACKNEY = "E09000012";

	@LocalServerPort
	int port;

	@Autowired
	SignificantEvents events;

	@Autowired
	DutyService duties;

	@Autowired
	WorkforceService workforce;

	@Autowired
	GeographyService geography;

	Api api;

	long eventId;

	long camdenPcso;

	long hackneyOfficer;

	long camdenPlannedTour;

	@BeforeAll
	void declareAndRoster() {
		this.api = new Api(this.port);
		String camdenWard = this.geography.clusters(Optional.of(CAMDEN)).get(3).wardCodes().get(0);
		String hackneyWard = this.geography.wards(Optional.of(HACKNEY)).get(2).code();
		this.camdenPcso = member(camdenWard, WorkforceRole.PCSO);
		this.hackneyOfficer = member(hackneyWard, WorkforceRole.DWO);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken("resources.camden", null, List.of()));
		try {
			this.camdenPlannedTour = duty(this.camdenPcso, "2037-05-01", camdenWard, "SN_WARD").id();
			duty(this.camdenPcso, "2037-05-02", null, "REST");
			duty(this.hackneyOfficer, "2037-05-02", hackneyWard, "SN_WARD");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		Api.Response declared = post("supt.camden", "/api/v1/significant-events",
				"{\"boroughCode\":\"" + CAMDEN + "\",\"title\":\"Explosion at King's Cross\",\"description\":\"Major incident "
						+ "declared\",\"startsOn\":\"2037-05-01\",\"endsOn\":\"2037-05-03\"}");
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		this.eventId = declared.json().get("id").asLong();
		assertThat(declared.json().get("declaredByRole").asString()).isEqualTo("SUPERINTENDENT");
		assertThat(declared.json().get("reference").asString()).isEqualTo("SE-" + this.eventId);
	}

	long member(String ward, WorkforceRole role) {
		return this.workforce.team(ward)
			.stream()
			.filter(m -> m.role() == role && m.postedWard().equals(ward))
			.map(TeamMember::personId)
			.findFirst()
			.orElseThrow();
	}

	Duty duty(long person, String date, String ward, String code) {
		return this.duties.record(NewDuty.ofLocalTimes(person, DutyKind.PLANNED, LocalDate.parse(date), LocalTime.of(7, 0),
				LocalTime.of(15, 0), Optional.ofNullable(ward), "", code));
	}

	Api.Response post(String user, String path, String json) {
		return this.api.post(user, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	String deployment(long person, String extreme) {
		return "{\"personId\":" + person + ",\"startsOn\":\"2037-05-01\",\"endsOn\":\"2037-05-02\","
				+ "\"reassurancePurpose\":\"Reassurance patrols and visits to residents near the scene\""
				+ (extreme == null ? "" : ",\"extremeCircumstances\":\"" + extreme + "\"") + "}";
	}

	@Test
	void onlyTheBoroughsSuperintendentOrAnAdministratorDeclares() {
		String body = "{\"boroughCode\":\"" + CAMDEN + "\",\"title\":\"x\",\"startsOn\":\"2037-06-01\",\"endsOn\":\"2037-06-01\"}";
		assertThat(post("supt.hackney", "/api/v1/significant-events", body).status()).isEqualTo(403);
		assertThat(post("smt.camden", "/api/v1/significant-events", body).status()).isEqualTo(403);
		assertThat(post("controller", "/api/v1/significant-events", body).status()).isEqualTo(403);
		Api.Response admin = post("admin", "/api/v1/significant-events", body);
		assertThat(admin.status()).isEqualTo(201);
		assertThat(admin.json().get("declaredByRole").asString()).isEqualTo("ADMIN");
	}

	@Test
	void otherModulesLearnWhetherADeclaredEventCoversTheirDates() {
		assertThat(this.events.eventCovering(CAMDEN, LocalDate.of(2037, 5, 1), LocalDate.of(2037, 5, 3)))
			.hasValueSatisfying(s -> assertThat(s).startsWith("SE-" + this.eventId + " Explosion at King's Cross"));
		assertThat(this.events.eventCovering(CAMDEN, LocalDate.of(2037, 5, 2), LocalDate.of(2037, 5, 4))).isEmpty();
		assertThat(this.events.eventCovering(HACKNEY, LocalDate.of(2037, 5, 1), LocalDate.of(2037, 5, 2))).isEmpty();
	}

	@Test
	void aHomeBoroughDeploymentIsRecordedAndRecodesThePlannedTourKeepingItsHistory() {
		Api.Response response = post("smt.camden", "/api/v1/significant-events/" + this.eventId + "/deployments",
				deployment(this.camdenPcso, null));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode deployment = response.json();
		assertThat(deployment.get("outsideHomeBorough").asBoolean()).isFalse();
		assertThat(deployment.get("homeBoroughCode").asString()).isEqualTo(CAMDEN);
		assertThat(deployment.get("dutiesRecoded").asInt()).isEqualTo(1);
		assertThat(deployment.get("dutiesNotChanged").toString()).contains("2037-05-02");
		Duty recoded = this.duties.duty(this.camdenPlannedTour);
		assertThat(recoded.activityCode()).isEqualTo("SIG_EVENT");
		assertThat(recoded.place()).contains("SE-" + this.eventId);
		assertThat(recoded.version()).isEqualTo(1);
		assertThat(this.duties.history(this.camdenPlannedTour)).singleElement()
			.satisfies(h -> assertThat(h.get("code")).isEqualTo("SN_WARD"));
		// one person, one deployment at a time
		Api.Response again = post("smt.camden", "/api/v1/significant-events/" + this.eventId + "/deployments",
				deployment(this.camdenPcso, null));
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.json().get("code").asString()).isEqualTo("deployment-overlap");
	}

	@Test
	void useOutsideTheHomeBoroughIsRefusedWithoutExtremeCircumstancesAndFlaggedWithThem() {
		Api.Response refused = post("supt.camden", "/api/v1/significant-events/" + this.eventId + "/deployments",
				deployment(this.hackneyOfficer, null));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("code").asString()).isEqualTo("extreme-circumstances-required");
		assertThat(this.events.event(this.eventId).deployments()).noneMatch(d -> d.personId() == this.hackneyOfficer);

		Api.Response accepted = post("supt.camden", "/api/v1/significant-events/" + this.eventId + "/deployments",
				deployment(this.hackneyOfficer, "Simultaneous attacks across London: every borough's reserves committed"));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
		assertThat(accepted.json().get("outsideHomeBorough").asBoolean()).isTrue();
		assertThat(accepted.json().get("homeBoroughCode").asString()).isEqualTo(HACKNEY);

		List<Long> flagged = new ArrayList<>();
		this.api.get("analyst", "/api/v1/significant-events/deployments?from=2037-05-01&to=2037-05-31&outsideHomeBorough=true")
			.json()
			.forEach(d -> {
				assertThat(d.get("outsideHomeBorough").asBoolean()).isTrue();
				assertThat(d.get("extremeCircumstances").asString()).isNotBlank();
				flagged.add(d.get("personId").asLong());
			});
		assertThat(flagged).contains(this.hackneyOfficer).doesNotContain(this.camdenPcso);
		// the officer's home borough sees it too
		JsonNode hackneyView = this.api
			.get("supt.hackney", "/api/v1/significant-events/deployments?from=2037-05-01&to=2037-05-31&outsideHomeBorough=true")
			.json();
		assertThat(hackneyView.toString()).contains("\"personId\":" + this.hackneyOfficer);
	}

	@Test
	void aDeploymentMustStateItsReassurancePurposeAndLieWithinTheEvent() {
		Api.Response vague = post("supt.camden", "/api/v1/significant-events/" + this.eventId + "/deployments",
				"{\"personId\":" + this.camdenPcso + ",\"startsOn\":\"2037-05-03\",\"endsOn\":\"2037-05-03\",\"reassurancePurpose\":\"aid\"}");
		assertThat(vague.status()).isEqualTo(422);
		assertThat(vague.json().get("detail").asString()).contains("reassurance purpose");
		Api.Response late = post("supt.camden", "/api/v1/significant-events/" + this.eventId + "/deployments",
				"{\"personId\":" + this.camdenPcso + ",\"startsOn\":\"2037-05-04\",\"endsOn\":\"2037-05-04\","
						+ "\"reassurancePurpose\":\"Reassurance patrols after the event\"}");
		assertThat(late.status()).isEqualTo(422);
		assertThat(late.json().get("detail").asString()).contains("within the event's days");
	}

	@Test
	void eventsAreReadWithinScope() {
		assertThat(this.api.get("supt.hackney", "/api/v1/significant-events/" + this.eventId).status()).isEqualTo(403);
		assertThat(this.api.get("controller", "/api/v1/significant-events/" + this.eventId).status()).isEqualTo(200);
		JsonNode camden = this.api.get("smt.camden", "/api/v1/significant-events?from=2037-01-01&to=2037-12-31").json();
		assertThat(camden.toString()).contains("\"id\":" + this.eventId);
		assertThat(this.api.get("officer.camden", "/api/v1/significant-events").status()).isEqualTo(403);
	}

}
