package org.ringfence.rostering.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.platform.InvalidInput;
import org.ringfence.rostering.OfficerPreferences;
import org.ringfence.rostering.OfficerPreferences.RosterPreferences;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An officer's own rostering preferences, as a form: preferred rest days, no start before, no end
 * after, a note. The same rules and audit as {@code PUT /api/v1/officers/{id}/roster-preferences};
 * accounts not linked to a person have none (403).
 */
@Controller
class MyPreferencesPage {

	private final OfficerPreferences preferences;

	private final CurrentAccess access;

	MyPreferencesPage(OfficerPreferences preferences, CurrentAccess access) {
		this.preferences = preferences;
		this.access = access;
	}

	/** A weekday as the form shows it: ISO number and name. */
	public record Weekday(int number, String name) {
	}

	static final List<Weekday> WEEKDAYS = java.util.Arrays.stream(DayOfWeek.values())
		.map(d -> new Weekday(d.getValue(), d.getDisplayName(TextStyle.FULL, Locale.UK)))
		.toList();

	@GetMapping("/me/roster-preferences")
	@PreAuthorize(Roles.ANY_USER)
	String show(Model model) {
		RosterPreferences current = this.preferences.of(personId());
		Map<String, String> form = new LinkedHashMap<>();
		form.put("noStartBefore", current.noStartBefore().map(LocalTime::toString).orElse(""));
		form.put("noEndAfter", current.noEndAfter().map(LocalTime::toString).orElse(""));
		form.put("note", current.note());
		form.put("version", Integer.toString(current.version()));
		return page(model, form, current.restDays(), List.of(), current);
	}

	@PostMapping("/me/roster-preferences")
	@PreAuthorize(Roles.ANY_USER)
	String save(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		long personId = personId();
		Map<String, String> form = new LinkedHashMap<>();
		for (String field : List.of("noStartBefore", "noEndAfter", "note", "version")) {
			form.put(field, Optional.ofNullable(params.getFirst(field)).orElse(""));
		}
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		List<Integer> restDays = new ArrayList<>();
		for (String day : Optional.ofNullable(params.get("restDays")).orElse(List.of())) {
			try {
				restDays.add(Integer.parseInt(day));
			}
			catch (NumberFormatException ex) {
				errors.add(new InvalidInput.FieldError("restDays", "Choose rest days from the list"));
			}
		}
		Optional<LocalTime> noStartBefore = time(form.get("noStartBefore"), "noStartBefore", "No start before", errors);
		Optional<LocalTime> noEndAfter = time(form.get("noEndAfter"), "noEndAfter", "No end after", errors);
		int version;
		try {
			version = Integer.parseInt(form.get("version"));
		}
		catch (NumberFormatException ex) {
			errors.add(new InvalidInput.FieldError("version", "The form is out of date: open it again"));
			version = Integer.MIN_VALUE;
		}
		if (errors.isEmpty()) {
			try {
				this.preferences.set(personId, version, restDays, noStartBefore, noEndAfter, form.get("note"));
				redirect.addFlashAttribute("saved", true);
				return "redirect:/me/roster-preferences";
			}
			catch (InvalidInput ex) {
				errors.addAll(ex.errors());
			}
			catch (OptimisticLockingFailureException ex) {
				errors.add(new InvalidInput.FieldError("restDays",
						"Your preferences were changed elsewhere since you opened this page: the form now shows them; "
								+ "make your change again"));
				return page(model, null, restDays, errors, this.preferences.of(personId));
			}
		}
		return page(model, form, restDays, errors, this.preferences.of(personId));
	}

	private String page(Model model, Map<String, String> form, List<Integer> restDays, List<InvalidInput.FieldError> errors,
			RosterPreferences current) {
		Map<String, String> shown = form;
		List<Integer> days = restDays;
		if (shown == null) { // after a conflict: what is stored now
			shown = new LinkedHashMap<>();
			shown.put("noStartBefore", current.noStartBefore().map(LocalTime::toString).orElse(""));
			shown.put("noEndAfter", current.noEndAfter().map(LocalTime::toString).orElse(""));
			shown.put("note", current.note());
			days = current.restDays();
		}
		shown.put("version", Integer.toString(current.version()));
		model.addAttribute("form", shown);
		model.addAttribute("restDays", days);
		model.addAttribute("weekdays", WEEKDAYS);
		model.addAttribute("errors", errors);
		model.addAttribute("current", current);
		return "rostering/preferences";
	}

	private long personId() {
		return this.access.user()
			.personId()
			.orElseThrow(() -> new ScopeDenied("Your account is not linked to an officer, so it has no rostering preferences."));
	}

	private static Optional<LocalTime> time(String text, String field, String label, List<InvalidInput.FieldError> errors) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalTime.parse(text.strip()));
		}
		catch (DateTimeParseException ex) {
			errors.add(new InvalidInput.FieldError(field, label + ": give the time as HH:MM, for example 08:00"));
			return Optional.empty();
		}
	}

}
