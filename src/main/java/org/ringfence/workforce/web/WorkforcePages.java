package org.ringfence.workforce.web;

import java.util.List;
import java.util.Optional;

import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardDetail;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.Roles;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.PersonSummary;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class WorkforcePages {

	private final WorkforceService workforce;

	private final GeographyService geography;

	private final CurrentAccess access;

	WorkforcePages(WorkforceService workforce, GeographyService geography, CurrentAccess access) {
		this.workforce = workforce;
		this.geography = geography;
		this.access = access;
	}

	/** The ward page: anyone sees the ward; its team only those whose role and scope allow. */
	@GetMapping("/wards/{code}")
	@PreAuthorize(Roles.ANY_USER)
	String ward(@PathVariable String code, Model model) {
		WardDetail ward = this.geography.ward(code);
		Place place = this.geography.placeOfWard(code);
		boolean teamVisible = this.access.may(Roles.TEAM_READER_ROLES, place);
		model.addAttribute("ward", ward);
		model.addAttribute("wardNames", this.geography.wardNames());
		model.addAttribute("teamVisible", teamVisible);
		model.addAttribute("abstractionVisible", this.access.may(Roles.REPORT_READER_ROLES, place));
		if (teamVisible) {
			model.addAttribute("team", this.workforce.team(code));
			model.addAttribute("history", this.workforce.history(code));
		}
		return "workforce/ward";
	}

	@GetMapping("/boroughs/{code}/people")
	@PreAuthorize(Roles.PEOPLE_LISTERS)
	String boroughPeople(@PathVariable String code, @RequestParam Optional<WorkforceRole> role, Model model) {
		this.access.require(this.workforce.placeOf(Unit.borough(code)));
		List<PersonSummary> people = this.workforce.peopleOfBorough(code);
		model.addAttribute("borough", this.geography.borough(code));
		model.addAttribute("roles", WorkforceRole.values());
		model.addAttribute("selectedRole", role.orElse(null));
		model.addAttribute("total", people.size());
		model.addAttribute("people", role.map(r -> people.stream().filter(p -> p.role() == r).toList()).orElse(people));
		return "workforce/people";
	}

	@GetMapping("/people/{id}")
	@PreAuthorize(Roles.PEOPLE_READERS)
	String person(@PathVariable long id, Model model) {
		var person = this.workforce.person(id);
		this.access.requirePerson(id, this.workforce.currentPlace(id));
		model.addAttribute("person", person);
		model.addAttribute("wardNames", this.geography.wardNames());
		return "workforce/person";
	}

}
