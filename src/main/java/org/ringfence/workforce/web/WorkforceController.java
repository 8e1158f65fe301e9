package org.ringfence.workforce.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;
import org.ringfence.workforce.Posting;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.NewPosting;
import org.ringfence.workforce.WorkforceViews.PersonDetail;
import org.ringfence.workforce.WorkforceViews.PersonSummary;
import org.ringfence.workforce.WorkforceViews.TeamHistory;
import org.ringfence.workforce.WorkforceViews.TeamMember;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Workforce", description = "Ward teams, people and postings")
@ApiResponse(responseCode = "400", description = "Invalid parameter")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
@ApiResponse(responseCode = "404", description = "No such ward, cluster, borough or person")
class WorkforceController {

	private final WorkforceService workforce;

	private final CurrentAccess access;

	WorkforceController(WorkforceService workforce, CurrentAccess access) {
		this.workforce = workforce;
		this.access = access;
	}

	@GetMapping("/wards/{code}/team")
	@PreAuthorize(Roles.TEAM_READERS)
	@Operation(summary = "The ward's Safer Neighbourhoods team today: members with role and posting start")
	List<TeamMember> team(@PathVariable String code) {
		this.access.require(this.workforce.placeOf(Unit.ward(code)));
		return this.workforce.team(code);
	}

	@GetMapping("/wards/{code}/team/history")
	@PreAuthorize(Roles.TEAM_READERS)
	@Operation(summary = "Former members (last 3 years) and periods below strength (succession gaps)")
	TeamHistory teamHistory(@PathVariable String code) {
		this.access.require(this.workforce.placeOf(Unit.ward(code)));
		return this.workforce.history(code);
	}

	@GetMapping("/people")
	@PreAuthorize(Roles.PEOPLE_LISTERS)
	@Operation(summary = "People posted today to a borough, a cluster or a ward (give exactly one)")
	List<PersonSummary> people(@RequestParam Optional<String> borough, @RequestParam Optional<String> cluster,
			@RequestParam Optional<String> ward) {
		int given = (borough.isPresent() ? 1 : 0) + (cluster.isPresent() ? 1 : 0) + (ward.isPresent() ? 1 : 0);
		if (given != 1) {
			throw new InvalidInput("Give exactly one of borough, cluster or ward.",
					List.of(new InvalidInput.FieldError("borough|cluster|ward", "exactly one is required")));
		}
		if (borough.isPresent()) {
			this.access.require(this.workforce.placeOf(Unit.borough(borough.get())));
			return this.workforce.peopleOfBorough(borough.get());
		}
		if (cluster.isPresent()) {
			this.access.require(this.workforce.placeOf(Unit.cluster(cluster.get())));
			return this.workforce.peopleOfCluster(cluster.get());
		}
		this.access.require(this.workforce.placeOf(Unit.ward(ward.get())));
		return this.workforce.peopleOfWard(ward.get());
	}

	@GetMapping("/people/{id}")
	@PreAuthorize(Roles.PEOPLE_READERS)
	@Operation(summary = "A person with their postings (officers: only themselves)")
	PersonDetail person(@PathVariable long id) {
		PersonDetail person = this.workforce.person(id);
		this.access.requirePerson(id, this.workforce.currentPlace(id));
		return person;
	}

	record PostPerson(@NotNull WorkforceRole role, @NotBlank @Size(max = 100) String position,
			@NotNull Unit.Kind unitKind, @NotBlank String unitCode, String alsoWard, @NotNull LocalDate start) {
	}

	@PostMapping("/people/{id}/postings")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ADMIN','RESOURCE_OFFICE')")
	@Operation(summary = "Post a person to a ward team, cluster or borough from a date (ends the current posting)")
	@ApiResponse(responseCode = "422", description = "The posting breaks a rule (overlap, backdated)")
	Posting post(@PathVariable long id, @Valid @RequestBody PostPerson body) {
		Unit unit = new Unit(body.unitKind(), body.unitCode());
		this.access.require(this.workforce.placeOf(unit));
		this.access.requirePerson(id, this.workforce.currentPlace(id).or(() -> Optional.of(this.workforce.placeOf(unit))));
		return this.workforce.post(id, new NewPosting(body.role(), body.position(), unit,
				Optional.ofNullable(body.alsoWard()).filter(s -> !s.isBlank()), body.start(), Optional.empty()));
	}

}
