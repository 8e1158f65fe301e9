package org.ringfence.neighbourhood.web;

import java.util.List;

import org.ringfence.identity.Roles;
import org.ringfence.neighbourhood.PoliceUk;
import org.ringfence.neighbourhood.PublicNeighbourhoods;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The data.police.uk-compatible API: a client configured with base URL
 * {@code http://HOST:PORT/police-uk/api/} works unchanged. Anonymous, rate-limited per client
 * address and cacheable (see {@link PublicApiFilters}); only published information.
 */
@RestController
@RequestMapping(path = "/police-uk/api", produces = "application/json")
class PoliceUkApiController {

	private final PublicNeighbourhoods published;

	PoliceUkApiController(PublicNeighbourhoods published) {
		this.published = published;
	}

	@GetMapping("/forces")
	@PreAuthorize(Roles.PUBLIC)
	List<PoliceUk.Force> policeUkForces() {
		return this.published.forces();
	}

	@GetMapping("/forces/{force}")
	@PreAuthorize(Roles.PUBLIC)
	PoliceUk.ForceDetail policeUkForce(@PathVariable String force) {
		return this.published.force(force, base());
	}

	@GetMapping("/forces/{force}/people")
	@PreAuthorize(Roles.PUBLIC)
	List<PoliceUk.Person> policeUkSeniorOfficers(@PathVariable String force) {
		return this.published.forcePeople(force);
	}

	@GetMapping("/locate-neighbourhood")
	@PreAuthorize(Roles.PUBLIC)
	PoliceUk.Located policeUkLocate(@RequestParam(required = false) String q) {
		return this.published.locate(q);
	}

	@GetMapping("/{force}/neighbourhoods")
	@PreAuthorize(Roles.PUBLIC)
	List<PoliceUk.NeighbourhoodSummary> policeUkNeighbourhoods(@PathVariable String force) {
		return this.published.neighbourhoods(force);
	}

	@GetMapping("/{force}/{id}")
	@PreAuthorize(Roles.PUBLIC)
	PoliceUk.Neighbourhood policeUkNeighbourhood(@PathVariable String force, @PathVariable String id) {
		return this.published.neighbourhood(force, id, base());
	}

	@GetMapping("/{force}/{id}/people")
	@PreAuthorize(Roles.PUBLIC)
	List<PoliceUk.Person> policeUkPeople(@PathVariable String force, @PathVariable String id) {
		return this.published.people(force, id);
	}

	@GetMapping("/{force}/{id}/priorities")
	@PreAuthorize(Roles.PUBLIC)
	List<PoliceUk.PublishedPriority> policeUkPriorities(@PathVariable String force, @PathVariable String id) {
		return this.published.priorities(force, id);
	}

	@GetMapping("/{force}/{id}/events")
	@PreAuthorize(Roles.PUBLIC)
	List<PoliceUk.Event> policeUkEvents(@PathVariable String force, @PathVariable String id) {
		return this.published.events(force, id);
	}

	@GetMapping("/{force}/{id}/boundary")
	@PreAuthorize(Roles.PUBLIC)
	List<PoliceUk.Point> policeUkBoundary(@PathVariable String force, @PathVariable String id) {
		return this.published.boundary(force, id);
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}

}
