package org.ringfence.rostering.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ringfence.duties.NewDuty;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.Role;
import org.ringfence.identity.Roles;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.rostering.ClusterCoverage;
import org.ringfence.rostering.RosterViews;
import org.ringfence.rostering.RosterViews.NewRoster;
import org.ringfence.rostering.RosterViews.RosterJob;
import org.ringfence.rostering.RosterViews.RosterSummary;
import org.ringfence.rostering.RosterViews.SlotEdit;
import org.ringfence.rostering.Rosters;
import org.ringfence.platform.ICalendar;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rosters: made and solved in the background, read with their violations, edited (pinned),
 * re-solved and published; each officer's tours as a calendar; a cluster's 16/7 coverage.
 * Readers: the borough's superintendent, SMT lead, inspectors, resource office and analysts (and
 * administrators); writers: the same but analysts. Scope: the cluster's borough (inspectors: their
 * cluster).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Rosters", description = "Rosters from shift patterns under Police Regulations, and 16/7 cluster coverage")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
@ApiResponse(responseCode = "404", description = "No such roster, cluster, pattern or slot")
class RosterController {

	/** Who may make, edit, solve and publish rosters (with {@link Roles#DRILLDOWN_READERS} at the door). */
	static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.SUPERINTENDENT, Role.SMT_LEAD, Role.INSPECTOR,
			Role.RESOURCE_OFFICE);

	/** Who may read rosters: the writers and analysts. */
	static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.ANALYST, Role.SUPERINTENDENT, Role.SMT_LEAD,
			Role.INSPECTOR, Role.RESOURCE_OFFICE);

	private final Rosters rosters;

	private final ClusterCoverage coverage;

	private final CurrentAccess access;

	private final Clock clock;

	RosterController(Rosters rosters, ClusterCoverage coverage, CurrentAccess access, Clock clock) {
		this.rosters = rosters;
		this.coverage = coverage;
		this.access = access;
		this.clock = clock;
	}

	record NewRosterBody(@NotBlank String cluster, @NotNull LocalDate start, @NotNull Integer weeks,
			@NotNull Long patternId, Integer seconds) {
	}

	record SlotEditBody(Long personId, Boolean pinned) {
	}

	@PostMapping("/rosters")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize(Roles.DRILLDOWN_READERS)
	@Operation(summary = "Make a roster of a cluster's officers from a stored shift pattern; solved in the background (202, follow statusUrl)")
	@ApiResponse(responseCode = "422", description = "The pattern is another cluster's, or the cluster has no officers")
	RosterJob createRoster(@Valid @RequestBody NewRosterBody body) {
		requireWriter(this.rosters.placeOfCluster(body.cluster()));
		return this.rosters.create(new NewRoster(body.cluster(), body.start(), body.weeks(), body.patternId(),
				Optional.ofNullable(body.seconds())));
	}

	@GetMapping("/rosters/{id}")
	@PreAuthorize(Roles.DRILLDOWN_READERS)
	@Operation(summary = "A roster: status, score, assignments, officers and every broken rule (name, level, officer, dates)")
	RosterViews.Roster getRoster(@PathVariable long id) {
		requireReader(this.rosters.placeOf(id));
		return this.rosters.roster(id);
	}

	@GetMapping("/clusters/{cluster}/rosters")
	@PreAuthorize(Roles.DRILLDOWN_READERS)
	@Operation(summary = "A cluster's rosters, latest start first")
	List<RosterSummary> clusterRosters(@PathVariable String cluster) {
		requireReader(this.rosters.placeOfCluster(cluster));
		return this.rosters.ofCluster(cluster);
	}

	@PutMapping("/rosters/{id}/assignments/{slotId}")
	@PreAuthorize(Roles.DRILLDOWN_READERS)
	@Operation(summary = "Put an officer on a slot (personId; none leaves it unfilled), pinned unless pinned=false; the roster is re-scored")
	@ApiResponse(responseCode = "409", description = "The roster is being solved or is published")
	RosterViews.Roster assignRosterSlot(@PathVariable long id, @PathVariable String slotId, @RequestBody SlotEditBody body) {
		requireWriter(this.rosters.placeOf(id));
		return this.rosters.assign(id, slotId,
				new SlotEdit(Optional.ofNullable(body.personId()), Optional.ofNullable(body.pinned())));
	}

	@PostMapping("/rosters/{id}/solve")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize(Roles.DRILLDOWN_READERS)
	@Operation(summary = "Solve the roster again, keeping pinned slots (202, follow statusUrl)")
	@ApiResponse(responseCode = "409", description = "The roster is being solved or is published")
	RosterJob solveRoster(@PathVariable long id, @RequestParam Optional<Integer> seconds) {
		requireWriter(this.rosters.placeOf(id));
		return this.rosters.solve(id, seconds);
	}

	@PostMapping("/rosters/{id}/publish")
	@PreAuthorize(Roles.DRILLDOWN_READERS)
	@Operation(summary = "Publish: write the tours as planned duties (all or none); refused with reasons when a hard rule is broken, a slot is unfilled or it starts less than a month ahead")
	@ApiResponse(responseCode = "409", description = "The roster is being solved or is already published")
	@ApiResponse(responseCode = "422", description = "Not publishable: the reasons are listed")
	RosterViews.Roster publishRoster(@PathVariable long id) {
		requireWriter(this.rosters.placeOf(id));
		return this.rosters.publish(id);
	}

	@GetMapping(path = "/rosters/{id}/officers/{personId}.ics", produces = "text/calendar")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "One officer's tours on the roster as an iCalendar file (the officer themself, or the roster's readers)")
	ResponseEntity<String> rosterOfficerCalendar(@PathVariable long id, @PathVariable long personId) {
		boolean self = this.access.user().personId().map(p -> p == personId).orElse(false);
		if (!self && !this.access.may(READERS, this.rosters.placeOf(id))) {
			throw new ScopeDenied("That roster is outside your role or scope.");
		}
		RosterViews.Roster roster = this.rosters.roster(id);
		String name = roster.officers()
			.stream()
			.filter(o -> o.personId() == personId)
			.map(RosterViews.RosterOfficer::name)
			.findFirst()
			.orElseThrow(() -> new org.ringfence.platform.NotFound("Person " + personId + " is not on roster " + id + "."));
		List<ICalendar.Event> tours = roster.assignments()
			.stream()
			.filter(a -> a.personId().isPresent() && a.personId().get() == personId)
			.map(a -> {
				NewDuty duty = NewDuty.ofLocalTimes(personId, org.ringfence.duties.DutyKind.PLANNED, a.date(), a.start(),
						a.end(), Optional.of(a.ward()), "", "SN_WARD");
				return new ICalendar.Event("roster-" + id + "-" + a.slotId() + "@ringfence", duty.startsAt(),
						duty.endsAt(), "Tour " + a.start() + "-" + a.end() + " (" + a.role().toLowerCase() + ")",
						"Ward " + a.ward(), "");
			})
			.toList();
		String body = ICalendar.write("Rosters", "Roster " + id + ": " + name + " (" + roster.status().toLowerCase() + ")", tours,
				this.clock.instant());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roster-" + id + "-" + personId + ".ics\"")
			.body(body);
	}

	@GetMapping("/clusters/{cluster}/coverage")
	@PreAuthorize(Roles.TEAM_READERS)
	@Operation(summary = "16/7 check from planned duties: each hour of the daily window (default 07-23) with no SN team member on on-ward duty")
	ClusterCoverage.Coverage clusterCoverage(@PathVariable String cluster, @RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam(defaultValue = "7") int fromHour, @RequestParam(defaultValue = "23") int toHour) {
		this.access.require(this.rosters.placeOfCluster(cluster));
		return this.coverage.check(cluster, from, to, fromHour, toHour);
	}

	private void requireWriter(Place place) {
		if (!this.access.may(WRITERS, place)) {
			throw new ScopeDenied("Making and changing rosters is for the borough's superintendent, SMT lead, inspectors "
					+ "and resource office, within their scope.");
		}
	}

	private void requireReader(Place place) {
		if (!this.access.may(READERS, place)) {
			throw new ScopeDenied("That roster is outside your role or scope.");
		}
	}

}
