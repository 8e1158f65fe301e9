package org.ringfence.deflection.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ringfence.deflection.SignificantEvents;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.Role;
import org.ringfence.identity.RingfenceUser;
import org.ringfence.identity.Roles;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Significant events and the SNT deployments to them, with use outside the home borough flagged. */
@Controller
class SignificantEventPages {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final SignificantEvents events;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final Clock clock;

	SignificantEventPages(SignificantEvents events, GeographyService geography, CurrentAccess access, Clock clock) {
		this.events = events;
		this.geography = geography;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/significant-events")
	@PreAuthorize(Roles.EVENT_READERS)
	String list(Model model) {
		return page(model, List.of());
	}

	private String page(Model model, List<InvalidInput.FieldError> errors) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), LONDON);
		Optional<List<String>> boroughs = this.access.boroughsOrAll();
		RingfenceUser user = this.access.user();
		model.addAttribute("events", this.events.events(today.minusYears(1), today.plusYears(1), boroughs));
		model.addAttribute("flagged", this.events.deployments(today.minusYears(1), today.plusYears(1), boroughs, true));
		model.addAttribute("declarer", user.role() == Role.ADMIN || user.role() == Role.SUPERINTENDENT);
		model.addAttribute("deployer",
				user.role() == Role.ADMIN || user.role() == Role.SUPERINTENDENT || user.role() == Role.SMT_LEAD);
		model.addAttribute("boroughOptions", boroughs.map(list -> list.stream().map(this.geography::borough).toList())
			.orElseGet(this.geography::boroughs));
		model.addAttribute("errors", errors);
		return "deflection/events";
	}

	@PostMapping("/significant-events")
	@PreAuthorize(Roles.EVENT_DECLARERS)
	String declare(@RequestParam String boroughCode, @RequestParam String title, @RequestParam Optional<String> description,
			@RequestParam Optional<String> startsOn, @RequestParam Optional<String> endsOn, Model model) {
		this.access.require(Place.borough(boroughCode));
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		LocalDate from = date(startsOn, "startsOn", errors);
		LocalDate to = date(endsOn, "endsOn", errors);
		if (errors.isEmpty()) {
			try {
				this.events.declare(new SignificantEvents.NewEvent(boroughCode, title, description.orElse(""), from, to),
						this.access.user().role().name());
				return "redirect:/significant-events";
			}
			catch (InvalidInput ex) {
				errors.addAll(ex.errors());
			}
		}
		return page(model, errors);
	}

	@PostMapping("/significant-events/{id}/deployments")
	@PreAuthorize(Roles.EVENT_DEPLOYERS)
	String deploy(@PathVariable long id, @RequestParam Optional<Long> personId, @RequestParam Optional<String> startsOn,
			@RequestParam Optional<String> endsOn, @RequestParam Optional<String> tourStart,
			@RequestParam Optional<String> tourEnd, @RequestParam Optional<String> reassurancePurpose,
			@RequestParam Optional<String> extremeCircumstances, Model model) {
		this.access.require(this.events.placeOf(id));
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (personId.isEmpty()) {
			errors.add(new InvalidInput.FieldError("personId", "Enter the person's number"));
		}
		LocalDate from = date(startsOn, "startsOn", errors);
		LocalDate to = date(endsOn, "endsOn", errors);
		Optional<LocalTime> start = time(tourStart, errors);
		Optional<LocalTime> end = time(tourEnd, errors);
		if (errors.isEmpty()) {
			try {
				this.events.deploy(id, new SignificantEvents.NewDeployment(personId.get(), from, to, start, end,
						reassurancePurpose.orElse(""), extremeCircumstances.filter(s -> !s.isBlank())));
				return "redirect:/significant-events";
			}
			catch (InvalidInput ex) {
				errors.addAll(ex.errors());
			}
			catch (DomainRuleViolation | NotFound ex) {
				errors.add(new InvalidInput.FieldError("deploy-" + id, ex.getMessage()));
			}
		}
		return page(model, errors);
	}

	private static LocalDate date(Optional<String> text, String field, List<InvalidInput.FieldError> errors) {
		try {
			return LocalDate.parse(text.orElse("").strip());
		}
		catch (RuntimeException ex) {
			errors.add(new InvalidInput.FieldError(field, "Enter a date"));
			return null;
		}
	}

	private static Optional<LocalTime> time(Optional<String> text, List<InvalidInput.FieldError> errors) {
		if (text.isEmpty() || text.get().isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalTime.parse(text.get().strip()));
		}
		catch (RuntimeException ex) {
			errors.add(new InvalidInput.FieldError("tour", "Enter the tour's times as HH:MM"));
			return Optional.empty();
		}
	}

}
