package org.ringfence.identity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.support.WebSession;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role x scope matrix: every API endpoint called by callers who may and callers who may not, with
 * at least one denial per role; anonymous callers get 401 everywhere under /api/v1.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

	static final String CAMDEN = "E09000007";

	static final String HACKNEY = "E09000012";

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	Api api;

	String sergeantWard;

	String otherCamdenWard;

	String inspectorCluster;

	String otherCamdenCluster;

	String otherClusterWard;

	String hackneyWard;

	long officerPerson;

	long otherPerson;

	long hackneyDuty;

	final java.util.Map<String, WebSession> sessions = new java.util.HashMap<>();

	@BeforeAll
	void findScopes() {
		this.api = new Api(this.port);
		JsonNode sergeant = this.api.get("sergeant.camden", "/api/v1/me").json();
		List<String> sergeantWards = new ArrayList<>();
		sergeant.get("scopes").forEach(s -> sergeantWards.add(s.get("code").asString()));
		this.sergeantWard = sergeantWards.get(0);
		this.otherCamdenWard = this.geography.wards(Optional.of(CAMDEN))
			.stream()
			.map(w -> w.code())
			.filter(w -> !sergeantWards.contains(w))
			.findFirst()
			.orElseThrow();
		this.inspectorCluster = this.api.get("inspector.camden", "/api/v1/me").json().get("scopes").get(0).get("code").asString();
		ClusterSummary other = this.geography.clusters(Optional.of(CAMDEN))
			.stream()
			.filter(c -> !c.id().equals(this.inspectorCluster))
			.findFirst()
			.orElseThrow();
		this.otherCamdenCluster = other.id();
		this.otherClusterWard = other.wardCodes().get(0);
		this.hackneyWard = this.geography.wards(Optional.of(HACKNEY)).get(0).code();
		this.officerPerson = this.api.get("officer.camden", "/api/v1/me").json().get("personId").asLong();
		this.otherPerson = this.api.get("supt.camden", "/api/v1/me").json().get("personId").asLong();
		long hackneyPerson = -1;
		for (JsonNode person : this.api.get("admin", "/api/v1/people?borough=" + HACKNEY).json()) {
			if (person.get("unit").get("kind").asString().equals("WARD")) {
				hackneyPerson = person.get("id").asLong();
				break;
			}
		}
		java.time.YearMonth month = java.time.YearMonth.now().minusMonths(1);
		this.hackneyDuty = this.api.get("admin", "/api/v1/duties?person=" + hackneyPerson + "&from=" + month.atDay(1) + "&to="
				+ month.atEndOfMonth()).json().get(0).get("id").asLong();
	}

	record Call(String user, String method, String path, int expected) {

		@Override
		public String toString() {
			return (this.user == null ? "anonymous" : this.user) + " " + this.method + " " + this.path + " -> "
					+ this.expected;
		}

	}

	List<Call> matrix() {
		String team = "/api/v1/wards/%s/team";
		List<Call> calls = new ArrayList<>();
		// admin: everything, but never their own access
		calls.add(new Call("admin", "GET", "/api/v1/users", 200));
		calls.add(new Call("admin", "GET", team.formatted(this.hackneyWard), 200));
		calls.add(new Call("admin", "GET", "/api/v1/audit", 200));
		calls.add(new Call("admin", "PUT", "/api/v1/users/admin/access", 403));
		// analyst: all data read, no changes
		calls.add(new Call("analyst", "GET", team.formatted(this.sergeantWard), 200));
		calls.add(new Call("analyst", "GET", "/api/v1/people?borough=" + HACKNEY, 200));
		calls.add(new Call("analyst", "GET", "/api/v1/audit/verify", 200));
		calls.add(new Call("analyst", "GET", "/api/v1/users", 403));
		calls.add(new Call("analyst", "POST", "/api/v1/geography/boundaries?dryRun=true", 403));
		// oversight: aggregates only
		calls.add(new Call("oversight", "GET", "/api/v1/boroughs", 200));
		calls.add(new Call("oversight", "GET", "/api/v1/audit/verify", 200));
		calls.add(new Call("oversight", "GET", team.formatted(this.sergeantWard), 403));
		calls.add(new Call("oversight", "GET", "/api/v1/people?borough=" + CAMDEN, 403));
		calls.add(new Call("oversight", "GET", "/api/v1/audit", 403));
		// controller: locate and teams across London, no people lists or audit
		calls.add(new Call("controller", "GET", "/api/v1/locate?lat=51.5390&lng=-0.1426", 200));
		calls.add(new Call("controller", "GET", team.formatted(this.hackneyWard), 200));
		calls.add(new Call("controller", "GET", "/api/v1/people?borough=" + CAMDEN, 403));
		calls.add(new Call("controller", "GET", "/api/v1/audit", 403));
		calls.add(new Call("controller", "GET", "/api/v1/audit/verify", 403));
		// superintendent and SMT lead: own borough
		for (String user : List.of("supt.camden", "smt.camden")) {
			calls.add(new Call(user, "GET", team.formatted(this.otherCamdenWard), 200));
			calls.add(new Call(user, "GET", "/api/v1/people?borough=" + CAMDEN, 200));
			calls.add(new Call(user, "GET", "/api/v1/audit", 200));
			calls.add(new Call(user, "GET", team.formatted(this.hackneyWard), 403));
			calls.add(new Call(user, "GET", "/api/v1/people?borough=" + HACKNEY, 403));
			calls.add(new Call(user, "GET", "/api/v1/users", 403));
		}
		calls.add(new Call("supt.hackney", "GET", team.formatted(this.hackneyWard), 200));
		calls.add(new Call("supt.hackney", "GET", team.formatted(this.sergeantWard), 403));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/people?borough=" + CAMDEN, 403));
		// inspector: own cluster
		calls.add(new Call("inspector.camden", "GET", "/api/v1/people?cluster=" + this.inspectorCluster, 200));
		calls.add(new Call("inspector.camden", "GET", team.formatted(this.otherClusterWard), 403));
		calls.add(new Call("inspector.camden", "GET", "/api/v1/people?cluster=" + this.otherCamdenCluster, 403));
		calls.add(new Call("inspector.camden", "GET", "/api/v1/people?borough=" + CAMDEN, 403));
		calls.add(new Call("inspector.camden", "GET", "/api/v1/audit", 403));
		// sergeant: own ward(s)
		calls.add(new Call("sergeant.camden", "GET", team.formatted(this.sergeantWard), 200));
		calls.add(new Call("sergeant.camden", "GET", team.formatted(this.sergeantWard) + "/history", 200));
		calls.add(new Call("sergeant.camden", "GET", "/api/v1/people?ward=" + this.sergeantWard, 200));
		calls.add(new Call("sergeant.camden", "GET", team.formatted(this.otherCamdenWard), 403));
		calls.add(new Call("sergeant.camden", "GET", "/api/v1/people?borough=" + CAMDEN, 403));
		calls.add(new Call("sergeant.camden", "GET", "/api/v1/audit", 403));
		// officer: own records only
		calls.add(new Call("officer.camden", "GET", "/api/v1/people/" + this.officerPerson, 200));
		calls.add(new Call("officer.camden", "GET", "/api/v1/wards?borough=" + CAMDEN, 200));
		calls.add(new Call("officer.camden", "GET", "/api/v1/people/" + this.otherPerson, 403));
		calls.add(new Call("officer.camden", "GET", team.formatted(this.sergeantWard), 403));
		calls.add(new Call("officer.camden", "GET", "/api/v1/people?ward=" + this.sergeantWard, 403));
		// resource office: own borough
		calls.add(new Call("resources.camden", "GET", "/api/v1/people?borough=" + CAMDEN, 200));
		calls.add(new Call("resources.camden", "GET", team.formatted(this.sergeantWard), 200));
		calls.add(new Call("resources.camden", "GET", team.formatted(this.hackneyWard), 403));
		calls.add(new Call("resources.camden", "GET", "/api/v1/audit", 403));
		calls.add(new Call("resources.camden", "POST", "/api/v1/geography/boundaries?dryRun=true", 403));
		calls.add(new Call("resources.camden", "GET", "/api/v1/reports/abstraction?month=2026-10", 200));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/reports/abstraction?month=2026-10&borough=" + CAMDEN, 403));
		calls.add(new Call("inspector.camden", "GET", "/api/v1/reports/abstraction?month=2026-10", 403));
		calls.add(new Call("oversight", "GET", "/api/v1/reports/abstraction?month=2026-10", 200));
		calls.add(new Call("oversight", "GET", "/api/v1/duties?person=" + this.officerPerson + "&from=2026-10-01&to=2026-10-31", 403));
		calls.add(new Call("controller", "GET", "/api/v1/reports/abstraction?month=2026-10", 403));
		calls.add(new Call("officer.camden", "GET", "/api/v1/me/duties?from=2026-10-01&to=2026-10-31", 200));
		calls.add(new Call("analyst", "POST", "/api/v1/duties/rule-sets", 403));
		calls.add(new Call("officer.camden", "GET", "/api/v1/wards/map", 200));
		// demand: every role but officers reads it, London-wide; admin and analysts import; the borough's SMT keeps factors
		calls.add(new Call("officer.camden", "GET", "/api/v1/demand/profile?borough=" + CAMDEN, 403));
		calls.add(new Call("officer.camden", "GET", "/api/v1/demand/weights", 403));
		calls.add(new Call("oversight", "GET", "/api/v1/demand/profile?borough=" + HACKNEY, 200));
		calls.add(new Call("sergeant.camden", "GET", "/api/v1/demand/ranking", 200));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/demand/profile?ward=" + this.sergeantWard, 200));
		calls.add(new Call("controller", "GET", "/api/v1/demand/local-factors?borough=" + CAMDEN, 200));
		calls.add(new Call("analyst", "POST", "/api/v1/imports/cad-calls", 202));
		calls.add(new Call("admin", "GET", "/api/v1/imports", 200));
		calls.add(new Call("supt.camden", "POST", "/api/v1/imports/police-uk-street", 403));
		calls.add(new Call("resources.camden", "POST", "/api/v1/imports/mps-ward-crime", 403));
		calls.add(new Call("oversight", "GET", "/api/v1/imports", 403));
		calls.add(new Call("smt.camden", "POST", "/api/v1/demand/local-factors", 400));
		calls.add(new Call("inspector.camden", "POST", "/api/v1/demand/local-factors", 403));
		calls.add(new Call("analyst", "POST", "/api/v1/demand/local-factors", 403));
		calls.add(new Call("analyst", "PUT", "/api/v1/demand/weights", 403));
		// shifts: shift design is pure computation, open to planning roles of any borough; officers, controllers and oversight denied
		for (String user : List.of("officer.camden", "controller", "oversight")) {
			calls.add(new Call(user, "POST", "/api/v1/shift-design/msd?seconds=1", 403));
			calls.add(new Call(user, "POST", "/api/v1/shift-design/msd/evaluate", 403));
		}
		calls.add(new Call("supt.hackney", "POST", "/api/v1/shift-design/msd?seconds=1", 400));
		calls.add(new Call("inspector.camden", "POST", "/api/v1/shift-design/msd/evaluate", 400));
		// shifts: stored patterns, read by planning roles covering the cluster, saved by its SMT lead / inspector or admin
		calls.add(new Call("officer.camden", "GET", "/api/v1/shift-patterns?cluster=" + this.inspectorCluster, 403));
		calls.add(new Call("controller", "GET", "/api/v1/shift-patterns?cluster=" + this.inspectorCluster, 403));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/shift-patterns?cluster=" + this.inspectorCluster, 403));
		calls.add(new Call("inspector.camden", "GET", "/api/v1/shift-patterns?cluster=" + this.otherCamdenCluster, 403));
		calls.add(new Call("inspector.camden", "GET", "/api/v1/shift-patterns?cluster=" + this.inspectorCluster, 200));
		calls.add(new Call("officer.camden", "POST", "/api/v1/shift-patterns", 403));
		calls.add(new Call("controller", "POST", "/api/v1/shift-patterns", 403));
		// tasking: the borough's superintendent and SMT lead; analysts read
		calls.add(new Call("supt.camden", "GET", "/api/v1/tasking/meetings?borough=" + CAMDEN, 200));
		calls.add(new Call("analyst", "GET", "/api/v1/tasking/bids", 200));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/tasking/meetings?borough=" + CAMDEN, 403));
		calls.add(new Call("oversight", "GET", "/api/v1/tasking/meetings", 403));
		calls.add(new Call("inspector.camden", "GET", "/api/v1/tasking/meetings", 403));
		calls.add(new Call("controller", "GET", "/api/v1/tasking/bids", 403));
		calls.add(new Call("resources.camden", "POST", "/api/v1/tasking/bids", 403));
		calls.add(new Call("analyst", "POST", "/api/v1/tasking/meetings", 403));
		calls.add(new Call("smt.camden", "POST", "/api/v1/tasking/meetings/1/close", 403));
		// call deflection: controllers decide force-wide; analysts and borough SMT read; sergeants keep priorities
		String decisions = "/api/v1/deflection/decisions";
		String board = "/api/v1/deflection/boroughs/%s/board";
		String priorities = "/api/v1/deflection/wards/%s/priorities";
		calls.add(new Call("controller", "GET", board.formatted(HACKNEY), 200));
		calls.add(new Call("controller", "GET", "/api/v1/deflection/call-categories", 200));
		calls.add(new Call("admin", "GET", board.formatted(CAMDEN), 200));
		calls.add(new Call("supt.camden", "GET", board.formatted(CAMDEN), 200));
		calls.add(new Call("supt.hackney", "GET", board.formatted(CAMDEN), 403));
		calls.add(new Call("sergeant.camden", "GET", board.formatted(CAMDEN), 403));
		calls.add(new Call("oversight", "GET", board.formatted(CAMDEN), 403));
		calls.add(new Call("analyst", "POST", decisions, 403));
		calls.add(new Call("supt.camden", "POST", decisions, 403));
		calls.add(new Call("sergeant.camden", "POST", decisions, 403));
		calls.add(new Call("officer.camden", "GET", decisions + "?from=2026-10-01&to=2026-10-31", 403));
		calls.add(new Call("resources.camden", "GET", decisions + "?from=2026-10-01&to=2026-10-31", 403));
		calls.add(new Call("analyst", "GET", decisions + "?from=2026-10-01&to=2026-10-31", 200));
		calls.add(new Call("analyst", "POST", decisions + "/1/outcome", 403));
		calls.add(new Call("oversight", "GET", "/api/v1/deflection/evaluation?month=2026-10", 403));
		calls.add(new Call("inspector.camden", "GET", "/api/v1/deflection/evaluation?month=2026-10", 403));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/deflection/evaluation?month=2026-10&borough=" + CAMDEN, 403));
		calls.add(new Call("smt.camden", "GET", "/api/v1/deflection/evaluation?month=2026-10", 200));
		calls.add(new Call("officer.camden", "GET", priorities.formatted(this.sergeantWard), 403));
		calls.add(new Call("inspector.camden", "GET", priorities.formatted(this.otherClusterWard), 403));
		calls.add(new Call("officer.camden", "PUT", priorities.formatted(this.sergeantWard), 403));
		calls.add(new Call("controller", "PUT", priorities.formatted(this.sergeantWard), 403));
		calls.add(new Call("analyst", "PUT", priorities.formatted(this.sergeantWard), 403));
		// significant events: the borough's superintendent declares, its SMT records deployments
		calls.add(new Call("smt.camden", "POST", "/api/v1/significant-events", 403));
		calls.add(new Call("controller", "POST", "/api/v1/significant-events", 403));
		calls.add(new Call("resources.camden", "POST", "/api/v1/significant-events/1/deployments", 403));
		calls.add(new Call("analyst", "POST", "/api/v1/significant-events/1/deployments", 403));
		calls.add(new Call("sergeant.camden", "GET", "/api/v1/significant-events", 403));
		calls.add(new Call("oversight", "GET", "/api/v1/significant-events/deployments", 403));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/significant-events?borough=" + CAMDEN, 403));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/significant-events", 200));
		// protocol rule sets: everyone reads, administrators add
		calls.add(new Call("officer.camden", "GET", "/api/v1/protocol/rule-sets", 200));
		calls.add(new Call("supt.camden", "POST", "/api/v1/protocol/rule-sets", 403));
		// flex requests: borough roles and inspectors/sergeants within scope; never oversight, officers, controllers
		calls.add(new Call("analyst", "GET", "/api/v1/flex-requests", 200));
		calls.add(new Call("supt.camden", "GET", "/api/v1/flex-requests?borough=" + CAMDEN, 200));
		calls.add(new Call("resources.camden", "GET", "/api/v1/flex-requests?borough=" + CAMDEN, 200));
		calls.add(new Call("oversight", "GET", "/api/v1/flex-requests", 403));
		calls.add(new Call("officer.camden", "GET", "/api/v1/flex-requests", 403));
		calls.add(new Call("controller", "GET", "/api/v1/flex-requests", 403));
		calls.add(new Call("smt.camden", "POST", "/api/v1/flex-requests", 403));
		calls.add(new Call("analyst", "POST", "/api/v1/flex-requests/1/transitions", 403));
		calls.add(new Call("resources.camden", "POST", "/api/v1/flex-requests/1/transitions", 403));
		calls.add(new Call("oversight", "POST", "/api/v1/flex-requests/what-if", 403));
		// flex dashboard: aggregates, oversight included; borough users only their borough
		calls.add(new Call("oversight", "GET", "/api/v1/flex-dashboard", 200));
		calls.add(new Call("supt.camden", "GET", "/api/v1/flex-dashboard", 200));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/flex-dashboard?borough=" + CAMDEN, 403));
		calls.add(new Call("sergeant.camden", "GET", "/api/v1/flex-dashboard", 403));
		// rotation proposals name officers: planners of the borough
		calls.add(new Call("inspector.camden", "POST", "/api/v1/flex-rotations/proposals", 403));
		calls.add(new Call("oversight", "POST", "/api/v1/flex-rotations/proposals", 403));
		// allocation: the borough's SMT and analysts read; the SMT writes; the superintendent decides
		String plans = "/api/v1/supervision/plans";
		calls.add(new Call("analyst", "GET", plans, 200));
		calls.add(new Call("admin", "GET", plans + "?borough=" + HACKNEY, 200));
		calls.add(new Call("supt.camden", "GET", plans + "?borough=" + CAMDEN, 200));
		calls.add(new Call("smt.camden", "GET", "/api/v1/schools/criteria?borough=" + CAMDEN, 200));
		calls.add(new Call("analyst", "GET", "/api/v1/schools/criteria", 200));
		calls.add(new Call("supt.hackney", "GET", plans + "?borough=" + CAMDEN, 403));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/supervision/recommendation?borough=" + CAMDEN + "&sergeants=10", 403));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/schools?borough=" + CAMDEN + "&year=2034", 403));
		calls.add(new Call("smt.camden", "GET", "/api/v1/schools/review?borough=" + HACKNEY + "&year=2034", 403));
		calls.add(new Call("analyst", "POST", plans, 403));
		calls.add(new Call("analyst", "POST", "/api/v1/schools/allocations", 403));
		calls.add(new Call("analyst", "POST", "/api/v1/schools/criteria", 403));
		calls.add(new Call("smt.camden", "POST", plans + "/1/decision", 403));
		calls.add(new Call("analyst", "POST", plans + "/1/consultations", 403));
		// performance (EPIC activity, problems, surveys, the monthly SN report): report readers by borough; sergeants enter activity
		String report = "/api/v1/performance/report?month=2034-01";
		calls.add(new Call("analyst", "GET", report, 200));
		calls.add(new Call("oversight", "GET", report, 200));
		calls.add(new Call("admin", "GET", report + "&level=borough&code=" + HACKNEY, 200));
		calls.add(new Call("supt.camden", "GET", report + "&level=borough&code=" + CAMDEN, 200));
		calls.add(new Call("inspector.camden", "GET", report + "&level=ward&code=" + this.sergeantWard, 200));
		calls.add(new Call("supt.hackney", "GET", report + "&level=borough&code=" + CAMDEN, 403));
		calls.add(new Call("smt.camden", "GET", report, 403));
		for (String user : List.of("sergeant.camden", "officer.camden", "controller", "resources.camden")) {
			calls.add(new Call(user, "GET", report + "&level=borough&code=" + CAMDEN, 403));
			calls.add(new Call(user, "GET", "/api/v1/performance/surveys?level=borough&code=" + CAMDEN, 403));
		}
		calls.add(new Call("oversight", "GET", "/api/v1/performance/surveys", 200));
		calls.add(new Call("sergeant.camden", "GET", "/api/v1/performance/activity?ward=" + this.sergeantWard + "&month=2034-01", 200));
		calls.add(new Call("officer.camden", "GET", "/api/v1/performance/activity?ward=" + this.sergeantWard + "&month=2034-01", 403));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/performance/activity?ward=" + this.sergeantWard + "&month=2034-01", 403));
		calls.add(new Call("analyst", "POST", "/api/v1/performance/activity/import", 403));
		calls.add(new Call("oversight", "POST", "/api/v1/performance/activity/import", 403));
		calls.add(new Call("smt.camden", "POST", "/api/v1/performance/activity/import", 403));
		calls.add(new Call("sergeant.camden", "POST", "/api/v1/performance/surveys/import", 403));
		calls.add(new Call("oversight", "POST", "/api/v1/performance/surveys/import", 403));
		calls.add(new Call("sergeant.camden", "GET", "/api/v1/performance/problems", 200));
		calls.add(new Call("controller", "GET", "/api/v1/performance/problems", 403));
		calls.add(new Call("officer.camden", "GET", "/api/v1/performance/problems", 403));
		calls.add(new Call("oversight", "POST", "/api/v1/performance/problems", 403));
		calls.add(new Call("analyst", "POST", "/api/v1/performance/problems", 403));
		calls.add(new Call("resources.camden", "POST", "/api/v1/performance/problems/1/stage", 403));
		for (String user : List.of("oversight", "controller", "inspector.camden", "sergeant.camden", "officer.camden",
				"resources.camden")) {
			calls.add(new Call(user, "GET", plans, 403));
			calls.add(new Call(user, "GET", "/api/v1/supervision/recommendation?borough=" + CAMDEN + "&sergeants=10", 403));
			calls.add(new Call(user, "POST", "/api/v1/allocation/officers", 403));
			calls.add(new Call(user, "GET", "/api/v1/schools/criteria", 403));
			calls.add(new Call(user, "POST", "/api/v1/schools/ranking", 403));
		}
		// rostering: the borough's superintendent, SMT lead, inspectors (their cluster), resource office make
		// and publish rosters, analysts read; the 16/7 coverage for team readers within scope
		String coverage = "/api/v1/clusters/%s/coverage?from=2047-01-05&to=2047-01-11";
		calls.add(new Call("analyst", "GET", "/api/v1/clusters/" + this.inspectorCluster + "/rosters", 200));
		calls.add(new Call("smt.camden", "GET", "/api/v1/clusters/" + this.otherCamdenCluster + "/rosters", 200));
		calls.add(new Call("inspector.camden", "GET", "/api/v1/clusters/" + this.otherCamdenCluster + "/rosters", 403));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/clusters/" + this.inspectorCluster + "/rosters", 403));
		for (String user : List.of("oversight", "controller", "sergeant.camden", "officer.camden")) {
			calls.add(new Call(user, "GET", "/api/v1/clusters/" + this.inspectorCluster + "/rosters", 403));
			calls.add(new Call(user, "POST", "/api/v1/rosters", 403));
			calls.add(new Call(user, "GET", "/api/v1/rosters/1", 403));
			calls.add(new Call(user, "POST", "/api/v1/rosters/1/solve", 403));
			calls.add(new Call(user, "POST", "/api/v1/rosters/1/publish", 403));
			calls.add(new Call(user, "PUT", "/api/v1/rosters/1/assignments/d0-s0-0", 403));
		}
		calls.add(new Call("inspector.camden", "GET", coverage.formatted(this.inspectorCluster), 200));
		calls.add(new Call("controller", "GET", coverage.formatted(this.inspectorCluster), 200));
		calls.add(new Call("inspector.camden", "GET", coverage.formatted(this.otherCamdenCluster), 403));
		calls.add(new Call("supt.hackney", "GET", coverage.formatted(this.inspectorCluster), 403));
		calls.add(new Call("oversight", "GET", coverage.formatted(this.inspectorCluster), 403));
		calls.add(new Call("officer.camden", "GET", coverage.formatted(this.inspectorCluster), 403));
		return calls;
	}

	@TestFactory
	Stream<DynamicTest> everyRoleIsAllowedItsOwnAndDeniedTheRest() {
		return matrix().stream().map(call -> DynamicTest.dynamicTest(call.toString(), () -> {
			Api.Response response = switch (call.method()) {
				case "GET" -> this.api.get(call.user(), call.path());
				case "PUT" -> this.api.put(call.user(), call.path(),
						"{\"role\":\"ADMIN\",\"scopes\":[{\"type\":\"FORCE\",\"code\":\"MPS\"}],\"enabled\":true}");
				case "POST" -> call.path().startsWith("/api/v1/imports/")
						? this.api.post(call.user(), call.path(), "text/csv", "reference,received\n".getBytes(StandardCharsets.UTF_8))
						: call.path().startsWith("/api/v1/demand/") ? this.api.post(call.user(), call.path(), "application/json",
								"{}".getBytes(StandardCharsets.UTF_8))
						: this.api.post(call.user(), call.path(), "application/geo+json",
								"{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8));
				default -> throw new IllegalArgumentException(call.method());
			};
			assertThat(response.status()).as(call + ": " + response.body()).isEqualTo(call.expected());
			if (response.status() == 403) {
				assertThat(response.contentType()).startsWith("application/problem+json");
				assertThat(response.json().get("status").asInt()).isEqualTo(403);
			}
		}));
	}

	/** Pages (form login): who may not open the duty pages and the ward dashboard, by role and area. */
	List<Call> pages() {
		String wardDashboard = "/reports/abstraction/wards/%s?months=1";
		List<Call> calls = new ArrayList<>();
		for (String user : List.of("analyst", "oversight", "controller", "supt.camden", "smt.camden", "inspector.camden",
				"sergeant.camden", "officer.camden", "supt.hackney")) {
			calls.add(new Call(user, "GET", "/duties", 403));
		}
		calls.add(new Call("resources.camden", "GET", "/duties", 200));
		calls.add(new Call("resources.camden", "GET", "/duties/new", 200));
		calls.add(new Call("admin", "GET", "/duties/" + this.hackneyDuty + "/edit", 200));
		calls.add(new Call("smt.camden", "GET", "/duties/new", 403));
		calls.add(new Call("supt.camden", "POST", "/duties/new", 403));
		calls.add(new Call("officer.camden", "GET", "/duties/" + this.hackneyDuty + "/edit", 403));
		calls.add(new Call("resources.camden", "GET", "/duties/" + this.hackneyDuty + "/edit", 403));
		calls.add(new Call("resources.camden", "POST", "/duties/" + this.hackneyDuty + "/edit", 403));
		calls.add(new Call("resources.camden", "GET", "/duties?ward=" + this.hackneyWard, 403));
		calls.add(new Call("resources.camden", "GET", "/duties/new?borough=" + HACKNEY, 403));
		calls.add(new Call("resources.camden", "GET", wardDashboard.formatted(this.sergeantWard), 200));
		calls.add(new Call("oversight", "GET", wardDashboard.formatted(this.hackneyWard), 200));
		calls.add(new Call("resources.camden", "GET", wardDashboard.formatted(this.hackneyWard), 403));
		calls.add(new Call("supt.hackney", "GET", wardDashboard.formatted(this.sergeantWard), 403));
		calls.add(new Call("smt.camden", "GET", wardDashboard.formatted(this.hackneyWard), 403));
		for (String user : List.of("controller", "inspector.camden", "sergeant.camden", "officer.camden")) {
			calls.add(new Call(user, "GET", wardDashboard.formatted(this.sergeantWard), 403));
		}
		// rostering preferences page (an account linked to a person; the analyst has none)
		calls.add(new Call("officer.camden", "GET", "/me/roster-preferences", 200));
		calls.add(new Call("analyst", "GET", "/me/roster-preferences", 403));
		calls.add(new Call("analyst", "POST", "/me/roster-preferences", 403));
		calls.add(new Call(null, "GET", "/me/roster-preferences", 302));
		calls.add(new Call("officer.camden", "GET", "/demand", 403));
		calls.add(new Call("sergeant.camden", "GET", "/demand", 200));
		calls.add(new Call("oversight", "GET", "/demand?borough=" + HACKNEY, 200));
		calls.add(new Call("supt.hackney", "GET", "/demand/factors?borough=" + CAMDEN, 200));
		calls.add(new Call("analyst", "GET", "/demand/imports", 200));
		calls.add(new Call("resources.camden", "GET", "/demand/imports", 403));
		calls.add(new Call("supt.camden", "POST", "/demand/imports", 403));
		calls.add(new Call("inspector.camden", "POST", "/demand/factors", 403));
		calls.add(new Call("analyst", "POST", "/demand/weights", 403));
		calls.add(new Call(null, "GET", "/demand", 302));
		for (String user : List.of("oversight", "controller", "inspector.camden", "sergeant.camden", "officer.camden",
				"resources.camden")) {
			calls.add(new Call(user, "GET", "/allocation", 403));
			calls.add(new Call(user, "GET", "/supervision", 403));
			calls.add(new Call(user, "GET", "/schools", 403));
		}
		calls.add(new Call("analyst", "GET", "/allocation", 200));
		calls.add(new Call("supt.camden", "GET", "/supervision", 200));
		calls.add(new Call("smt.camden", "GET", "/schools", 200));
		calls.add(new Call("supt.hackney", "GET", "/supervision?borough=" + CAMDEN, 403));
		calls.add(new Call("analyst", "POST", "/supervision/plans", 403));
		calls.add(new Call("smt.camden", "POST", "/supervision/plans/1/decision", 403));
		calls.add(new Call("analyst", "POST", "/schools/allocations", 403));
		// performance pages
		calls.add(new Call("analyst", "GET", "/performance", 200));
		calls.add(new Call("sergeant.camden", "GET", "/performance", 403));
		calls.add(new Call("officer.camden", "GET", "/performance/problems", 403));
		calls.add(new Call("sergeant.camden", "GET", "/performance/activity", 200));
		calls.add(new Call("oversight", "GET", "/performance/activity", 403));
		calls.add(new Call("supt.hackney", "GET", "/performance?month=2034-01&level=borough&code=" + CAMDEN, 403));
		calls.add(new Call(null, "GET", "/performance", 302));
		calls.add(new Call(null, "GET", "/allocation", 302));
		calls.add(new Call(null, "GET", "/supervision", 302));
		calls.add(new Call(null, "GET", "/schools", 302));
		calls.add(new Call(null, "GET", "/duties", 302));
		calls.add(new Call(null, "GET", wardDashboard.formatted(this.sergeantWard), 302));
		// operations (ops): every page sends anonymous callers to the login page; officers may post no form
		for (String path : List.of("/", "/boroughs", "/boroughs/" + CAMDEN, "/boroughs/" + CAMDEN + "/people",
				"/wards/" + this.sergeantWard, "/people/" + this.officerPerson, "/admin/boundaries", "/audit", "/me/duties",
				"/reports/abstraction", "/reports/abstraction/duties?month=2026-10", "/deflection",
				"/deflection/boroughs/" + CAMDEN, "/deflection/decide", "/deflection/decisions/1", "/deflection/evaluation",
				"/deflection/wards/" + this.sergeantWard + "/priorities", "/significant-events", "/demand/weights",
				"/demand/imports/00000000-0000-0000-0000-000000000000",
				"/demand/imports/00000000-0000-0000-0000-000000000000/status", "/flex", "/flex/dashboard",
				"/flex/requests/new", "/flex/requests/1", "/supervision/plans/1", "/tasking", "/tasking/meetings/1")) {
			calls.add(new Call(null, "GET", path, 302));
		}
		for (String path : List.of("/admin/boundaries", "/deflection/decide", "/deflection/decisions/1/outcome",
				"/deflection/wards/" + this.sergeantWard + "/priorities", "/demand/factors/1", "/demand/factors/1/remove",
				"/flex/requests/new", "/flex/requests/1/actions", "/schools/import", "/significant-events",
				"/significant-events/1/deployments", "/supervision/plans/1/consultations", "/tasking/bids",
				"/tasking/bids/1/debrief", "/tasking/meetings", "/tasking/meetings/1/agenda", "/tasking/meetings/1/close",
				"/tasking/meetings/1/items", "/tasking/meetings/1/items/1/decision")) {
			calls.add(new Call("officer.camden", "POST", path, 403));
		}
		// rosters, ward panels and the performance framework: anonymous callers to the login page, officers post no form
		for (String path : List.of("/rosters", "/rosters/1", "/rosters/1.xlsx", "/panels", "/priorities/themes",
				"/performance/problems/new", "/performance/problems/1")) {
			calls.add(new Call(null, "GET", path, 302));
		}
		for (String path : List.of("/panels/" + this.sergeantWard + "/meetings/new",
				"/panels/" + this.sergeantWard + "/priorities/new", "/priorities/1/status", "/performance/activity",
				"/performance/activity/import", "/performance/problems/new", "/performance/problems/1/actions",
				"/performance/problems/1/close", "/performance/problems/1/links", "/performance/problems/1/partners",
				"/performance/problems/1/stage")) {
			calls.add(new Call("officer.camden", "POST", path, 403));
		}
		// perf7 (issue 7): the edit forms of a ward panel's meetings and members (editors of the ward only),
		// and a problem's action marked done
		String panel = "/panels/" + this.sergeantWard;
		for (String path : List.of(panel + "/members", panel + "/meetings/1/edit")) {
			calls.add(new Call(null, "GET", path, 302));
			calls.add(new Call("analyst", "GET", path, 403));
		}
		calls.add(new Call("sergeant.camden", "GET", "/panels/" + this.hackneyWard + "/members", 403));
		calls.add(new Call("inspector.camden", "GET", "/panels/" + this.otherClusterWard + "/members", 403));
		for (String path : List.of(panel + "/members", panel + "/meetings/1/edit", panel + "/meetings/1/delete",
				"/performance/problems/1/actions/1/done")) {
			calls.add(new Call("officer.camden", "POST", path, 403));
		}
		return calls;
	}

	@TestFactory
	Stream<DynamicTest> pagesDenyRolesAndAreasOutsideThem() {
		return pages().stream().map(call -> DynamicTest.dynamicTest(call.toString(), () -> {
			WebSession session = call.user() == null ? WebSession.anonymous(this.port)
					: this.sessions.computeIfAbsent(call.user(), u -> WebSession.signIn(this.port, u));
			WebSession.Page page = call.method().equals("GET") ? session.get(call.path())
					: session.post("/", call.path(), java.util.Map.of("date", "2035-01-01", "start", "07:00", "end", "15:00",
							"activityCode", "SN_WARD", "kind", "PLANNED", "version", "0", "personId",
							Long.toString(this.officerPerson)));
			assertThat(page.status()).as(call.toString()).isEqualTo(call.expected());
			if (page.status() == 403) {
				assertThat(page.body()).contains("You do not have access to this page");
			}
			if (page.status() == 302) {
				assertThat(page.location()).endsWith("/login");
			}
		}));
	}

	@Test
	void everyRoleHasAtLeastOneDenialInTheMatrix() {
		List<Call> calls = matrix();
		for (String user : List.of("admin", "analyst", "oversight", "controller", "supt.camden", "smt.camden",
				"inspector.camden", "sergeant.camden", "officer.camden", "resources.camden", "supt.hackney")) {
			assertThat(calls).as(user).anyMatch(c -> c.user().equals(user) && c.expected() == 403);
		}
	}

	/** Every API endpoint, as [method, path]: anonymous callers get 401 on each. */
	static List<String[]> anonymousEndpoints() {
		List<String[]> endpoints = new ArrayList<>(List.of(new String[] { "GET", "/api/v1/boroughs" },
				new String[] { "GET", "/api/v1/boroughs/E09000007" }, new String[] { "GET", "/api/v1/boroughs/E09000007/map" }, new String[] { "GET", "/api/v1/wards/map" },
				new String[] { "GET", "/api/v1/clusters" }, new String[] { "GET", "/api/v1/wards?borough=E09000007" },
				new String[] { "GET", "/api/v1/wards/E05000137" }, new String[] { "GET", "/api/v1/wards/E05000137/boundary" },
				new String[] { "GET", "/api/v1/wards/E05000137/team" },
				new String[] { "GET", "/api/v1/wards/E05000137/team/history" },
				new String[] { "GET", "/api/v1/locate?lat=51.5390&lng=-0.1426" },
				new String[] { "POST", "/api/v1/geography/boundaries" }, new String[] { "GET", "/api/v1/people?borough=E09000007" },
				new String[] { "GET", "/api/v1/people/1" }, new String[] { "POST", "/api/v1/people/1/postings" },
				new String[] { "GET", "/api/v1/me" }, new String[] { "GET", "/api/v1/users" },
				new String[] { "POST", "/api/v1/users" }, new String[] { "PUT", "/api/v1/users/admin/access" },
				new String[] { "GET", "/api/v1/audit" }, new String[] { "GET", "/api/v1/audit/verify" },
				new String[] { "POST", "/api/v1/duties" }, new String[] { "GET", "/api/v1/duties/1" },
				new String[] { "PUT", "/api/v1/duties/1" }, new String[] { "GET", "/api/v1/duties/1/history" },
				new String[] { "GET", "/api/v1/duties?person=1&from=2026-01-01&to=2026-01-31" },
				new String[] { "GET", "/api/v1/me/duties?from=2026-01-01&to=2026-01-31" },
				new String[] { "GET", "/api/v1/duties/classification" }, new String[] { "GET", "/api/v1/duties/rule-sets" },
				new String[] { "POST", "/api/v1/duties/rule-sets" }, new String[] { "POST", "/api/v1/duties/activity-codes" },
				new String[] { "GET", "/api/v1/reports/abstraction?month=2026-10" },
				new String[] { "GET", "/api/v1/demand/profile" }, new String[] { "GET", "/api/v1/demand/ranking" },
				new String[] { "GET", "/api/v1/demand/weights" }, new String[] { "PUT", "/api/v1/demand/weights" },
				new String[] { "GET", "/api/v1/demand/local-factors?borough=E09000007" },
				new String[] { "POST", "/api/v1/demand/local-factors" }, new String[] { "PUT", "/api/v1/demand/local-factors/1" },
				new String[] { "POST", "/api/v1/imports/police-uk-street" }, new String[] { "POST", "/api/v1/imports/mps-ward-crime" },
				new String[] { "POST", "/api/v1/imports/cad-calls" }, new String[] { "GET", "/api/v1/imports" },
				new String[] { "GET", "/api/v1/imports/00000000-0000-0000-0000-000000000000" },
				new String[] { "POST", "/api/v1/deflection/decisions" }, new String[] { "GET", "/api/v1/deflection/decisions/1" },
				new String[] { "GET", "/api/v1/deflection/decisions?from=2026-10-01&to=2026-10-31" },
				new String[] { "POST", "/api/v1/deflection/decisions/1/outcome" },
				new String[] { "GET", "/api/v1/deflection/evaluation?month=2026-10" },
				new String[] { "GET", "/api/v1/deflection/call-categories" },
				new String[] { "GET", "/api/v1/deflection/wards/E05000137/priorities" },
				new String[] { "PUT", "/api/v1/deflection/wards/E05000137/priorities" },
				new String[] { "GET", "/api/v1/deflection/boroughs/E09000007/board" },
				new String[] { "POST", "/api/v1/significant-events" }, new String[] { "GET", "/api/v1/significant-events" },
				new String[] { "GET", "/api/v1/significant-events/1" },
				new String[] { "POST", "/api/v1/significant-events/1/deployments" },
				new String[] { "GET", "/api/v1/significant-events/deployments" },
				new String[] { "GET", "/api/v1/tasking/meetings" }, new String[] { "POST", "/api/v1/tasking/meetings" },
				new String[] { "GET", "/api/v1/tasking/meetings/1" }, new String[] { "POST", "/api/v1/tasking/meetings/1/agenda" },
				new String[] { "POST", "/api/v1/tasking/meetings/1/items" },
				new String[] { "POST", "/api/v1/tasking/meetings/1/items/1/decision" },
				new String[] { "POST", "/api/v1/tasking/meetings/1/close" },
				new String[] { "GET", "/api/v1/tasking/meetings/1/minutes.pdf" }, new String[] { "GET", "/api/v1/tasking/bids" },
				new String[] { "POST", "/api/v1/tasking/bids" }, new String[] { "GET", "/api/v1/tasking/bids/1" },
				new String[] { "POST", "/api/v1/tasking/bids/1/debrief" },
				new String[] { "GET", "/api/v1/protocol/rule-sets" }, new String[] { "GET", "/api/v1/protocol/rule-sets/in-force" },
				new String[] { "POST", "/api/v1/protocol/rule-sets" }, new String[] { "GET", "/api/v1/flex-requests" },
				new String[] { "POST", "/api/v1/flex-requests" }, new String[] { "GET", "/api/v1/flex-requests/1" },
				new String[] { "GET", "/api/v1/flex-requests/1/duties" },
				new String[] { "POST", "/api/v1/flex-requests/1/transitions" },
				new String[] { "POST", "/api/v1/flex-requests/what-if" }, new String[] { "POST", "/api/v1/flex-requests/1/what-if" },
				new String[] { "GET", "/api/v1/flex-dashboard" }, new String[] { "POST", "/api/v1/flex-rotations/proposals" },
				new String[] { "GET", "/api/v1/supervision/recommendation?borough=E09000007&sergeants=10" },
				new String[] { "GET", "/api/v1/supervision/plans" }, new String[] { "POST", "/api/v1/supervision/plans" },
				new String[] { "GET", "/api/v1/supervision/plans/1" },
				new String[] { "POST", "/api/v1/supervision/plans/1/consultations" },
				new String[] { "POST", "/api/v1/supervision/plans/1/decision" },
				new String[] { "GET", "/api/v1/supervision/plans/1/letter.pdf" },
				new String[] { "POST", "/api/v1/allocation/officers" }, new String[] { "GET", "/api/v1/schools/criteria" },
				new String[] { "POST", "/api/v1/schools/criteria" }, new String[] { "POST", "/api/v1/schools/import?year=2034" },
				new String[] { "GET", "/api/v1/schools?borough=E09000007&year=2034" },
				new String[] { "POST", "/api/v1/schools/ranking" }, new String[] { "POST", "/api/v1/schools/allocations" },
				new String[] { "GET", "/api/v1/schools/allocations?borough=E09000007&year=2034" },
				new String[] { "GET", "/api/v1/schools/review?borough=E09000007&year=2034" },
				// shifts
				new String[] { "POST", "/api/v1/shift-design/msd" }, new String[] { "POST", "/api/v1/shift-design/msd/evaluate" },
				new String[] { "GET", "/api/v1/shift-patterns?cluster=X" }, new String[] { "GET", "/api/v1/shift-patterns/1" },
				new String[] { "POST", "/api/v1/shift-patterns" },
				// rostering
				new String[] { "POST", "/api/v1/rosters" }, new String[] { "GET", "/api/v1/rosters/1" },
				new String[] { "GET", "/api/v1/clusters/X/rosters" }, new String[] { "PUT", "/api/v1/rosters/1/assignments/d0-s0-0" },
				new String[] { "POST", "/api/v1/rosters/1/solve" }, new String[] { "POST", "/api/v1/rosters/1/publish" },
				new String[] { "GET", "/api/v1/rosters/1/officers/1.ics" },
				new String[] { "GET", "/api/v1/clusters/X/coverage?from=2047-01-05&to=2047-01-11" },
				// performance
				new String[] { "GET", "/api/v1/performance/report?month=2034-01" },
				new String[] { "GET", "/api/v1/performance/report.pdf?month=2034-01" },
				new String[] { "GET", "/api/v1/performance/report.xlsx?month=2034-01" },
				new String[] { "GET", "/api/v1/performance/measures" },
				new String[] { "GET", "/api/v1/performance/activity?ward=E05000137&month=2034-01" },
				new String[] { "POST", "/api/v1/performance/activity" }, new String[] { "POST", "/api/v1/performance/activity/import" },
				new String[] { "GET", "/api/v1/performance/surveys" }, new String[] { "POST", "/api/v1/performance/surveys/import" },
				new String[] { "GET", "/api/v1/performance/problems" }, new String[] { "POST", "/api/v1/performance/problems" },
				new String[] { "GET", "/api/v1/performance/problems/1" },
				new String[] { "POST", "/api/v1/performance/problems/1/stage" },
				new String[] { "POST", "/api/v1/performance/problems/1/partners" },
				new String[] { "POST", "/api/v1/performance/problems/1/actions" },
				new String[] { "POST", "/api/v1/performance/problems/1/actions/1/done" },
				new String[] { "POST", "/api/v1/performance/problems/1/links" },
				new String[] { "POST", "/api/v1/performance/problems/1/close" }));
		// operations (ops): endpoints the list above missed
		endpoints.add(new String[] { "DELETE", "/api/v1/demand/local-factors/1" });
		endpoints.add(new String[] { "DELETE", "/api/v1/neighbourhood-meetings/1?version=0" }); // perf7: deleting a panel meeting
		endpoints.add(new String[] { "GET", "/api/v1/me/duties.ics?from=2026-01-01&to=2026-01-31" });
		endpoints.add(new String[] { "GET", "/api/v1/reports/abstraction/duties?month=2026-10" });
		endpoints.add(new String[] { "POST", "/api/v1/imports/duties" });
		return endpoints;
	}

	@TestFactory
	Stream<DynamicTest> anonymousCallersGet401OnEveryApiEndpoint() {
		List<String[]> endpoints = anonymousEndpoints();
		return endpoints.stream().map(e -> DynamicTest.dynamicTest(e[0] + " " + e[1], () -> {
			Api.Response response = switch (e[0]) {
				case "GET" -> this.api.get(null, e[1]);
				case "PUT" -> this.api.put(null, e[1], "{}");
				case "DELETE" -> this.api.send(null, Api.PASSWORD, java.net.http.HttpRequest.newBuilder(this.api.uri(e[1])).DELETE());
				default -> this.api.post(null, e[1], "application/json", "{}".getBytes(StandardCharsets.UTF_8));
			};
			assertThat(response.status()).as(response.body()).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}));
	}

	// neighbourhood module: panels and priorities are kept by the ward's sergeant or cluster inspector (and admin);
	// priorities and themes are read by any user; panels by team readers within scope; anonymous callers get 401
	// under /api/v1, while the public ward pages and the data.police.uk-compatible API answer them.
	List<Call> neighbourhoodCalls() {
		String priority = "{\"issue\":\"Access matrix\",\"category\":\"burglary\",\"agreedOn\":\""
				+ java.time.LocalDate.now() + "\"}";
		List<Call> calls = new ArrayList<>();
		calls.add(new Call("sergeant.camden", "POST", "/api/v1/neighbourhoods/" + this.sergeantWard + "/priorities|" + priority, 201));
		calls.add(new Call("sergeant.camden", "POST", "/api/v1/neighbourhoods/" + this.otherCamdenWard + "/priorities|" + priority, 403));
		calls.add(new Call("inspector.camden", "POST", "/api/v1/neighbourhoods/" + this.otherClusterWard + "/priorities|" + priority, 403));
		calls.add(new Call("admin", "POST", "/api/v1/neighbourhoods/" + this.hackneyWard + "/priorities|" + priority, 201));
		for (String user : List.of("analyst", "oversight", "controller", "supt.camden", "smt.camden", "officer.camden",
				"resources.camden")) {
			calls.add(new Call(user, "POST", "/api/v1/neighbourhoods/" + this.sergeantWard + "/priorities|" + priority, 403));
		}
		calls.add(new Call("sergeant.camden", "PUT", "/api/v1/neighbourhoods/" + this.hackneyWard + "/panel/members|[]", 403));
		calls.add(new Call("sergeant.camden", "GET", "/api/v1/neighbourhoods/" + this.sergeantWard + "/panel", 200));
		calls.add(new Call("sergeant.camden", "GET", "/api/v1/neighbourhoods/" + this.hackneyWard + "/panel", 403));
		calls.add(new Call("oversight", "GET", "/api/v1/neighbourhoods/" + this.sergeantWard + "/panel", 403));
		calls.add(new Call("officer.camden", "GET", "/api/v1/neighbourhoods/" + this.sergeantWard + "/panel", 403));
		calls.add(new Call("oversight", "GET", "/api/v1/priorities/themes", 200));
		calls.add(new Call("officer.camden", "GET", "/api/v1/neighbourhoods/" + this.hackneyWard + "/priorities", 200));
		calls.add(new Call("analyst", "POST", "/api/v1/neighbourhood-categories|{\"name\":\"x\"}", 403));
		calls.add(new Call("sergeant.camden", "POST", "/api/v1/neighbourhood-categories|{\"name\":\"x\"}", 403));
		calls.add(new Call("supt.camden", "PUT", "/api/v1/priorities/1|{\"status\":\"CLOSED\",\"version\":0}", 403));
		calls.add(new Call("supt.hackney", "PUT", "/api/v1/neighbourhood-meetings/1|{}", 403));
		for (String path : List.of("/api/v1/neighbourhood-categories", "/api/v1/neighbourhoods/E05000137/panel",
				"/api/v1/neighbourhoods/E05000137/priorities", "/api/v1/priorities/1", "/api/v1/priorities/themes")) {
			calls.add(new Call(null, "GET", path, 401));
		}
		for (String path : List.of("/api/v1/neighbourhood-categories", "/api/v1/neighbourhoods/E05000137/priorities",
				"/api/v1/neighbourhoods/E05000137/meetings")) {
			calls.add(new Call(null, "POST", path + "|{}", 401));
		}
		for (String path : List.of("/api/v1/neighbourhoods/E05000137/panel/members", "/api/v1/priorities/1",
				"/api/v1/neighbourhood-meetings/1")) {
			calls.add(new Call(null, "PUT", path + "|{}", 401));
		}
		String ward = this.sergeantWard;
		for (String path : List.of("/police-uk/api/forces", "/police-uk/api/forces/metropolitan",
				"/police-uk/api/forces/metropolitan/people", "/police-uk/api/metropolitan/neighbourhoods",
				"/police-uk/api/metropolitan/" + ward, "/police-uk/api/metropolitan/" + ward + "/people",
				"/police-uk/api/metropolitan/" + ward + "/priorities", "/police-uk/api/metropolitan/" + ward + "/events",
				"/police-uk/api/metropolitan/" + ward + "/boundary", "/police-uk/api/locate-neighbourhood?q=51.5390,-0.1426",
				"/neighbourhoods", "/neighbourhoods/" + ward, "/neighbourhoods/" + ward + "/map", "/neighbourhoods/map")) {
			calls.add(new Call(null, "GET", path, 200));
		}
		calls.add(new Call(null, "POST", "/police-uk/api/forces|{}", 403));
		calls.add(new Call(null, "GET", "/neighbourhoods/locate?lat=51.5390&lng=-0.1426", 302));
		calls.add(new Call(null, "GET", "/panels/" + ward, 302));
		calls.add(new Call("officer.camden", "GET", "/panels/" + ward, 403));
		calls.add(new Call("sergeant.camden", "GET", "/panels/" + this.hackneyWard, 403));
		calls.add(new Call("sergeant.camden", "GET", "/panels/" + ward + "/priorities/new", 200));
		calls.add(new Call("analyst", "GET", "/panels/" + ward + "/priorities/new", 403));
		calls.add(new Call("inspector.camden", "GET", "/panels/" + this.otherClusterWard + "/meetings/new", 403));
		// succession and tenure: team aggregates for report readers, within their borough
		calls.add(new Call("supt.camden", "GET", "/api/v1/succession", 200));
		calls.add(new Call("oversight", "GET", "/api/v1/succession?borough=" + HACKNEY, 200));
		calls.add(new Call("supt.hackney", "GET", "/api/v1/succession?borough=" + CAMDEN, 403));
		calls.add(new Call("sergeant.camden", "GET", "/api/v1/succession", 403));
		calls.add(new Call("officer.camden", "GET", "/api/v1/succession", 403));
		calls.add(new Call(null, "GET", "/api/v1/succession", 401));
		calls.add(new Call("smt.camden", "GET", "/succession", 200));
		calls.add(new Call("inspector.camden", "GET", "/succession", 403));
		calls.add(new Call(null, "GET", "/succession", 302));
		return calls;
	}

	@TestFactory
	Stream<DynamicTest> neighbourhoodEndpointsAreOpenOnlyToTheirRolesAndAreas() {
		return neighbourhoodCalls().stream().map(call -> DynamicTest.dynamicTest(call.toString(), () -> {
			String[] target = call.path().split("\\|", 2);
			int status;
			String body;
			if (target[0].startsWith("/api/") || target[0].startsWith("/police-uk/")) {
				Api.Response response = switch (call.method()) {
					case "GET" -> this.api.get(call.user(), target[0]);
					case "PUT" -> this.api.put(call.user(), target[0], target[1]);
					default -> this.api.post(call.user(), target[0], "application/json", target[1].getBytes(StandardCharsets.UTF_8));
				};
				status = response.status();
				body = response.body();
			}
			else {
				WebSession session = call.user() == null ? WebSession.anonymous(this.port)
						: this.sessions.computeIfAbsent(call.user(), u -> WebSession.signIn(this.port, u));
				WebSession.Page page = session.get(target[0]);
				status = page.status();
				body = page.body();
			}
			assertThat(status).as(call + ": " + body).isEqualTo(call.expected());
		}));
	}

	// issue 6, options work: the shift design options page (the shift-design API's planning roles within the
	// cluster's scope view; the SMT lead or inspector covering the cluster, or admin, save an option as its pattern)
	// and officers' roster preferences (the officer themself, or roster makers covering the officer; readers read)
	List<Call> optionsWorkCalls() {
		List<Call> calls = new ArrayList<>();
		String optionsPage = "/shifts/clusters/" + this.inspectorCluster;
		calls.add(new Call("inspector.camden", "GET", optionsPage + "?seconds=1", 200));
		for (String user : List.of("officer.camden", "controller", "oversight", "supt.hackney")) {
			calls.add(new Call(user, "GET", optionsPage + "?seconds=1", 403));
		}
		calls.add(new Call("inspector.camden", "GET", "/shifts/clusters/" + this.otherCamdenCluster + "?seconds=1", 403));
		calls.add(new Call(null, "GET", optionsPage, 302));
		for (String user : List.of("officer.camden", "analyst", "sergeant.camden", "resources.camden", "supt.hackney")) {
			calls.add(new Call(user, "POST", optionsPage + "/patterns", 403));
		}
		calls.add(new Call("inspector.camden", "POST", "/shifts/clusters/" + this.otherCamdenCluster + "/patterns", 403));
		String preferences = "/api/v1/officers/" + this.officerPerson + "/roster-preferences";
		calls.add(new Call("officer.camden", "GET", preferences, 200));
		calls.add(new Call("analyst", "GET", preferences, 200));
		for (String user : List.of("sergeant.camden", "controller", "oversight", "supt.hackney")) {
			calls.add(new Call(user, "GET", preferences, 403));
		}
		for (String user : List.of("analyst", "sergeant.camden", "supt.hackney")) {
			calls.add(new Call(user, "PUT", preferences + "|{\"restDays\":[],\"version\":-1}", 403));
		}
		calls.add(new Call("officer.camden", "PUT", "/api/v1/officers/" + this.otherPerson
				+ "/roster-preferences|{\"restDays\":[],\"version\":-1}", 403));
		calls.add(new Call(null, "GET", preferences, 401));
		calls.add(new Call(null, "PUT", preferences + "|{}", 401));
		return calls;
	}

	@TestFactory
	Stream<DynamicTest> optionsWorkEndpointsAreOpenOnlyToTheirRolesAndAreas() {
		return optionsWorkCalls().stream().map(call -> DynamicTest.dynamicTest(call.toString(), () -> {
			String[] target = call.path().split("\\|", 2);
			int status;
			String body;
			if (target[0].startsWith("/api/")) {
				Api.Response response = call.method().equals("PUT") ? this.api.put(call.user(), target[0], target[1])
						: this.api.get(call.user(), target[0]);
				status = response.status();
				body = response.body();
			}
			else {
				WebSession session = call.user() == null ? WebSession.anonymous(this.port)
						: this.sessions.computeIfAbsent(call.user(), u -> WebSession.signIn(this.port, u));
				WebSession.Page page = call.method().equals("GET") ? session.get(target[0])
						: session.post("/", target[0], java.util.Map.of("name", "x", "shift", "07:00/480/1,1,1,1,1,1,1"));
				status = page.status();
				body = page.body();
			}
			assertThat(status).as(call + ": " + body).isEqualTo(call.expected());
		}));
	}

	@Test
	void wrongPasswordsAre401AndTheAccountIsThrottledAfterFive() {
		String user = "throttle.test";
		Api.Response created = this.api.post("admin", "/api/v1/users", "application/json",
				("{\"username\":\"" + user + "\",\"displayName\":\"Throttle test\",\"password\":\"demo-password\","
						+ "\"role\":\"ANALYST\",\"scopes\":[{\"type\":\"FORCE\",\"code\":\"MPS\"}]}")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(this.api.get(user, "/api/v1/me").status()).isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.send(user, "wrong-password", java.net.http.HttpRequest.newBuilder(this.api.uri("/api/v1/me")).GET())
				.status()).isEqualTo(401);
		}
		Api.Response locked = this.api.get(user, "/api/v1/me");
		assertThat(locked.status()).isEqualTo(401);
		assertThat(locked.json().get("detail").asString()).contains("Too many failed attempts");
	}

	// operations (ops): every request mapping of the application must be in this matrix ------------------

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlerMapping;

	/**
	 * Handlers open to everyone by design, so in no role row: the error page (served to whoever
	 * met the error) and the login page (anonymous callers must reach it).
	 */
	static final List<String> OPEN_TO_ALL = List.of("GET /error", "* /error", "GET /login");

	/**
	 * Every handler method of the application (RequestMappingHandlerMapping, the application's own
	 * controllers) is called by at least one row of this class: a role row of {@link #matrix()} or
	 * {@link #pages()}, or an anonymous row of {@link #anonymousEndpoints()}. A new endpoint needs
	 * only a row there; this test lists the ones without.
	 */
	@Test
	void everyRequestMappingIsInTheMatrix() {
		List<Call> rows = new ArrayList<>(matrix());
		rows.addAll(pages());
		anonymousEndpoints().forEach(e -> rows.add(new Call(null, e[0], e[1], 401)));
		neighbourhoodCalls().forEach(c -> rows.add(new Call(c.user(), c.method(), c.path().replaceFirst("\\|.*$", ""),
				c.expected())));
		optionsWorkCalls().forEach(c -> rows.add(new Call(c.user(), c.method(), c.path().replaceFirst("\\|.*$", ""),
				c.expected()))); // issue 6, options work
		List<String> missing = new ArrayList<>();
		int checked = 0;
		for (var entry : this.handlerMapping.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getName().startsWith("org.ringfence.")) {
				continue; // springdoc's API documentation: open by design (SecurityConfiguration)
			}
			var info = entry.getKey();
			var patterns = info.getPathPatternsCondition() == null ? java.util.Set.<org.springframework.web.util.pattern.PathPattern>of()
					: info.getPathPatternsCondition().getPatterns();
			java.util.Set<String> methods = info.getMethodsCondition()
				.getMethods()
				.stream()
				.map(Enum::name)
				.collect(java.util.stream.Collectors.toSet());
			for (var pattern : patterns) {
				checked++;
				String label = (methods.isEmpty() ? "*" : String.join(",", new java.util.TreeSet<>(methods))) + " "
						+ pattern.getPatternString();
				if (OPEN_TO_ALL.contains(label)) {
					continue;
				}
				boolean covered = rows.stream()
					.anyMatch(row -> (methods.isEmpty() || methods.contains(row.method())) && pattern
						.matches(org.springframework.http.server.PathContainer.parsePath(row.path().replaceFirst("\\?.*$", ""))));
				if (!covered) {
					missing.add(label + "  (" + entry.getValue().getShortLogMessage() + ")");
				}
			}
		}
		java.util.Collections.sort(missing);
		assertThat(checked).as("request mappings found").isGreaterThan(100);
		assertThat(missing).as("request mappings without a row in AccessMatrixIT (add a role row to matrix() or pages(), "
				+ "or an anonymous row to anonymousEndpoints())").isEmpty();
	}

}
