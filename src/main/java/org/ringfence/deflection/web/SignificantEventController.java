package org.ringfence.deflection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ringfence.deflection.EventDeployment;
import org.ringfence.deflection.SignificantEvent;
import org.ringfence.deflection.SignificantEvents;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;

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
@RequestMapping("/api/v1/significant-events")
@Tag(name = "Significant events", description = "Significant events declared per borough and the SNT deployments to them "
		+ "(reassurance first; outside the home borough only in extreme circumstances, flagged)")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
@ApiResponse(responseCode = "404", description = "No such event, person or borough")
class SignificantEventController {

	static final int MAX_DAYS = 800;

	private final SignificantEvents events;

	private final CurrentAccess access;

	private final Clock clock;

	SignificantEventController(SignificantEvents events, CurrentAccess access, Clock clock) {
		this.events = events;
		this.access = access;
		this.clock = clock;
	}

	record EventBody(@NotBlank String boroughCode, @NotBlank String title, String description, @NotNull LocalDate startsOn,
			@NotNull LocalDate endsOn) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.EVENT_DECLARERS)
	@Operation(summary = "Declare a significant event for a borough (its superintendent, or an administrator)")
	SignificantEvent declare(@Valid @RequestBody EventBody body) {
		this.access.require(Place.borough(body.boroughCode()));
		return this.events.declare(new SignificantEvents.NewEvent(body.boroughCode(), body.title(), body.description(),
				body.startsOn(), body.endsOn()), this.access.user().role().name());
	}

	@GetMapping
	@PreAuthorize(Roles.EVENT_READERS)
	@Operation(summary = "Significant events overlapping from..to (default: a year either side of today) with their "
			+ "deployments; borough roles see their borough's")
	List<SignificantEvent> list(@RequestParam Optional<LocalDate> from, @RequestParam Optional<LocalDate> to,
			@RequestParam Optional<String> borough) {
		LocalDate[] period = period(from, to);
		return this.events.events(period[0], period[1], boroughs(borough));
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.EVENT_READERS)
	@Operation(summary = "One significant event with its deployments")
	SignificantEvent event(@PathVariable long id) {
		this.access.require(this.events.placeOf(id));
		return this.events.event(id);
	}

	record DeploymentBody(@NotNull Long personId, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
			LocalTime tourStart, LocalTime tourEnd, @NotBlank String reassurancePurpose, String extremeCircumstances) {
	}

	@PostMapping("/{id}/deployments")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.EVENT_DEPLOYERS)
	@Operation(summary = "Record an SNT member's deployment to the event; their planned on-ward tours on those days are "
			+ "re-coded to the significant-event code",
			description = "reassurancePurpose is required (reassurance of the local community is the first consideration). "
					+ "For someone whose home borough is not the event's, extremeCircumstances is required (refused "
					+ "without, code extreme-circumstances-required) and the deployment is flagged.")
	@ApiResponse(responseCode = "422", description = "No reassurance purpose, outside the event's days, not in a ward team, "
			+ "already deployed, or outside the home borough without extreme circumstances")
	EventDeployment deploy(@PathVariable long id, @Valid @RequestBody DeploymentBody body) {
		this.access.require(this.events.placeOf(id));
		return this.events.deploy(id, new SignificantEvents.NewDeployment(body.personId(), body.startsOn(), body.endsOn(),
				Optional.ofNullable(body.tourStart()), Optional.ofNullable(body.tourEnd()), body.reassurancePurpose(),
				Optional.ofNullable(body.extremeCircumstances())));
	}

	@GetMapping("/deployments")
	@PreAuthorize(Roles.EVENT_READERS)
	@Operation(summary = "SNT deployments to significant events overlapping from..to; outsideHomeBorough=true lists the "
			+ "flagged ones (used away from their home borough, with the extreme circumstances stated)")
	List<EventDeployment> deployments(@RequestParam Optional<LocalDate> from, @RequestParam Optional<LocalDate> to,
			@RequestParam Optional<String> borough, @RequestParam(defaultValue = "false") boolean outsideHomeBorough) {
		LocalDate[] period = period(from, to);
		return this.events.deployments(period[0], period[1], boroughs(borough), outsideHomeBorough);
	}

	private Optional<List<String>> boroughs(Optional<String> borough) {
		if (borough.isPresent()) {
			this.access.require(Place.borough(borough.get()));
			return Optional.of(List.of(borough.get()));
		}
		return this.access.boroughsOrAll();
	}

	private LocalDate[] period(Optional<LocalDate> from, Optional<LocalDate> to) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), java.time.ZoneId.of("Europe/London"));
		LocalDate start = from.orElse(today.minusYears(1));
		LocalDate end = to.orElse(today.plusYears(1));
		if (end.isBefore(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
			throw new InvalidInput("from..to must be a period of at most " + MAX_DAYS + " days.",
					List.of(new InvalidInput.FieldError("from/to", "invalid period")));
		}
		return new LocalDate[] { start, end };
	}

}
