package org.ringfence.duties.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.ringfence.duties.Duty;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.DutyService;
import org.ringfence.duties.NewDuty;
import org.ringfence.duties.domain.NoticeWindow;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.PersonDetail;
import org.ringfence.workforce.WorkforceViews.PersonSummary;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The resource office's duty pages: find a person's or a ward team's duties, record a duty, and
 * change one (at the version read, with its history). Scope: a person posted in the user's
 * borough (the administrator: anyone). Saving goes through {@link DutyService}, which checks the
 * rules and the overlap; a failed save stores nothing and shows the form again with the errors.
 */
@Controller
class DutyPages {

	/** The longest period one list shows. */
	static final int MAX_LIST_DAYS = 93;

	private final DutyService duties;

	private final WorkforceService workforce;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final java.time.Clock clock;

	DutyPages(DutyService duties, WorkforceService workforce, GeographyService geography, CurrentAccess access,
			java.time.Clock clock) {
		this.duties = duties;
		this.workforce = workforce;
		this.geography = geography;
		this.access = access;
		this.clock = clock;
	}

	/** A listed duty with what the list shows of it. */
	public record DutyRow(Duty duty, String name, String times, String where, String code, boolean overnight) {
	}

	/** One version of a duty as the history shows it. */
	public record VersionRow(Object version, String date, String times, String where, String code, String kind,
			Object noticeDays) {
	}

	@GetMapping("/duties")
	@PreAuthorize(Roles.DUTY_WRITERS)
	String find(@RequestParam Optional<String> borough, @RequestParam Optional<String> person,
			@RequestParam Optional<String> serviceNumber, @RequestParam Optional<String> ward,
			@RequestParam Optional<String> from, @RequestParam Optional<String> to, @RequestParam Optional<String> kind,
			Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate today = LocalDate.now(NewDuty.LONDON);
		LocalDate start = date(from, "from", today.minusDays(today.getDayOfWeek().getValue() - 1), errors);
		LocalDate end = date(to, "to", start.plusDays(13), errors);
		if (!errors.containsKey("from") && !errors.containsKey("to")
				&& (end.isBefore(start) || start.plusDays(MAX_LIST_DAYS).isBefore(end))) {
			errors.put("to", "The end date must be on or after the start date and at most " + MAX_LIST_DAYS + " days later");
		}
		Optional<DutyKind> dutyKind = kind.filter(k -> !k.isBlank()).flatMap(k -> {
			try {
				return Optional.of(DutyKind.valueOf(k));
			}
			catch (IllegalArgumentException ex) {
				errors.put("kind", "Choose planned, actual or both");
				return Optional.empty();
			}
		});
		Optional<Long> personId = person(serviceNumber, person, errors);
		Optional<String> wardCode = ward.filter(w -> !w.isBlank());
		personId.ifPresent(this::requirePerson);
		wardCode.ifPresent(w -> this.access.require(this.duties.placeOfWard(w)));
		String scopeBorough = personId.flatMap(this.duties::placeOfPerson)
			.map(p -> p.boroughCode())
			.or(() -> wardCode.map(w -> this.duties.placeOfWard(w).boroughCode()))
			.or(() -> chosenBorough(borough))
			.orElse(null);
		List<DutyRow> rows = List.of();
		if (personId.isPresent() && wardCode.isPresent()) {
			errors.put("serviceNumber", "Find either a person's duties or a ward team's, not both");
		}
		boolean searched = (personId.isPresent() || wardCode.isPresent()) && errors.isEmpty();
		if (searched) {
			List<Duty> found = personId.isPresent() ? this.duties.ofPerson(personId.get(), dutyKind, start, end)
					: this.duties.ofWardTeam(wardCode.get(), dutyKind, start, end);
			rows = rows(found);
		}
		model.addAttribute("errors", errors);
		model.addAttribute("searched", searched);
		model.addAttribute("rows", rows);
		model.addAttribute("from", from.filter(f -> !f.isBlank()).orElse(start.toString()));
		model.addAttribute("to", to.filter(t -> !t.isBlank()).orElse(end.toString()));
		model.addAttribute("kind", kind.orElse(""));
		model.addAttribute("personId", personId.map(String::valueOf).orElse(""));
		model.addAttribute("serviceNumber", serviceNumber.orElse(""));
		model.addAttribute("personName", personId.map(id -> this.workforce.names(List.of(id)).get(id)).orElse(null));
		model.addAttribute("ward", wardCode.orElse(""));
		model.addAttribute("wardName", wardCode.map(w -> this.duties.wardNames().getOrDefault(w, w)).orElse(null));
		pickers(scopeBorough, model);
		return "duties/find";
	}

	@GetMapping("/duties/new")
	@PreAuthorize(Roles.DUTY_WRITERS)
	String newDuty(@RequestParam Optional<String> borough, @RequestParam Optional<Long> person,
			@RequestParam Optional<String> date, Model model) {
		DutyForm form = new DutyForm();
		person.ifPresent(id -> {
			this.workforce.person(id);
			requirePerson(id);
			form.setPersonId(Long.toString(id));
		});
		date.ifPresent(form::setDate);
		String scopeBorough = person.flatMap(this.duties::placeOfPerson)
			.map(p -> p.boroughCode())
			.or(() -> chosenBorough(borough))
			.orElse(null);
		return showForm(form, Map.of(), null, scopeBorough, null, model);
	}

	@PostMapping("/duties/new")
	@PreAuthorize(Roles.DUTY_WRITERS)
	String record(@ModelAttribute DutyForm form, @RequestParam Optional<String> borough, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<Long> personId = person(Optional.ofNullable(form.getServiceNumber()),
				Optional.ofNullable(form.getPersonId()), errors);
		if (personId.isEmpty() && !errors.containsKey("serviceNumber")) {
			errors.put("serviceNumber", "Enter a service number or choose a person");
		}
		personId.ifPresent(this::requirePerson);
		String scopeBorough = personId.flatMap(this.duties::placeOfPerson)
			.map(p -> p.boroughCode())
			.or(() -> chosenBorough(borough))
			.orElse(null);
		Optional<NewDuty> duty = form.read(personId.orElse(0L), errors);
		String summary = null;
		if (errors.isEmpty() && duty.isPresent()) {
			try {
				Duty saved = this.duties.record(duty.get());
				redirect.addFlashAttribute("saved", "Duty " + saved.id() + " recorded: " + describe(saved) + ".");
				redirect.addFlashAttribute("savedId", saved.id());
				return "redirect:" + listOf(saved);
			}
			catch (InvalidInput | DomainRuleViolation | NotFound ex) {
				summary = refused(ex, errors);
			}
		}
		response.setStatus(422);
		if (personId.isPresent()) {
			form.setPersonId(Long.toString(personId.get()));
			form.setServiceNumber("");
		}
		return showForm(form, errors, summary, scopeBorough, null, model);
	}

	@GetMapping("/duties/{id}/edit")
	@PreAuthorize(Roles.DUTY_WRITERS)
	String edit(@PathVariable long id, Model model) {
		Duty duty = this.duties.duty(id);
		requirePerson(duty.personId());
		return showForm(DutyForm.of(duty), Map.of(), null, borough(duty), duty, model);
	}

	@PostMapping("/duties/{id}/edit")
	@PreAuthorize(Roles.DUTY_WRITERS)
	String change(@PathVariable long id, @ModelAttribute DutyForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Duty stored = this.duties.duty(id);
		requirePerson(stored.personId());
		form.setPersonId(Long.toString(stored.personId()));
		form.setKind(stored.kind().name());
		Map<String, String> errors = new LinkedHashMap<>();
		int version = -1;
		try {
			version = Integer.parseInt(form.getVersion());
		}
		catch (NumberFormatException ex) {
			errors.put("version", "The form has no version: open the duty again");
		}
		Optional<NewDuty> duty = form.read(stored.personId(), errors);
		String summary = null;
		if (errors.isEmpty() && duty.isPresent()) {
			try {
				Duty saved = this.duties.change(id, version, duty.get(),
						Optional.ofNullable(form.getReason()).filter(r -> !r.isBlank()));
				String notice = saved.noticeDays().isPresent() && stored.noticeDays().isEmpty()
						? " A rest day was cancelled with " + saved.noticeDays().get() + " days' notice." : "";
				redirect.addFlashAttribute("saved", "Duty " + saved.id() + " changed: " + describe(saved) + "." + notice);
				redirect.addFlashAttribute("savedId", saved.id());
				return "redirect:" + listOf(saved);
			}
			catch (OptimisticLockingFailureException ex) {
				Duty latest = this.duties.duty(id);
				response.setStatus(409);
				summary = "Someone else changed this duty (" + latest.changedBy() + ") since you opened it. The form "
						+ "now shows the latest version: make your change again.";
				return showForm(DutyForm.of(latest), Map.of(), summary, borough(latest), latest, model);
			}
			catch (InvalidInput | DomainRuleViolation | NotFound ex) {
				summary = refused(ex, errors);
			}
		}
		response.setStatus(422);
		return showForm(form, errors, summary, borough(stored), stored, model);
	}

	/** Puts a refused save's reasons beside their fields; returns the summary line. */
	private static String refused(RuntimeException ex, Map<String, String> errors) {
		if (ex instanceof InvalidInput invalid) {
			invalid.errors().forEach(e -> errors.putIfAbsent(DutyForm.fieldOf(e.field(), e.message()), capitalised(e.message())));
			return "The duty was not saved.";
		}
		if (ex instanceof DomainRuleViolation violation && "roster-notice-window".equals(violation.code())) {
			errors.put("reason", violation.getMessage());
			return "The duty was not saved: a published roster's tour inside the notice window changes only for "
					+ "exigencies of duty.";
		}
		if (ex instanceof DomainRuleViolation violation && "duty-overlap".equals(violation.code())) {
			errors.put("start", violation.getMessage());
			return "The duty was not saved: it overlaps another duty.";
		}
		String message = ex.getMessage();
		if (message != null && message.contains("ward")) {
			errors.put("ward", message);
		}
		else if (message != null && message.contains("person")) {
			errors.put("serviceNumber", message);
		}
		else {
			errors.put("date", message);
		}
		return "The duty was not saved.";
	}

	private String showForm(DutyForm form, Map<String, String> errors, String summary, String borough, Duty duty,
			Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", DutyForm.ordered(errors));
		model.addAttribute("summary", summary);
		model.addAttribute("duty", duty);
		Optional<Long> personId = Optional.ofNullable(form.getPersonId())
			.filter(p -> !p.isBlank())
			.flatMap(p -> {
				try {
					return Optional.of(Long.parseLong(p.strip()));
				}
				catch (NumberFormatException ex) {
					return Optional.empty();
				}
			});
		model.addAttribute("noticeWindow", duty != null && NoticeWindow.frozen(duty.kind() == DutyKind.PLANNED,
				duty.source(), duty.startsAt(), duty.endsAt(), this.clock.instant(), NewDuty.LONDON));
		if (duty != null) {
			PersonDetail person = this.workforce.person(duty.personId());
			model.addAttribute("person", person);
			model.addAttribute("current", versionRow(state(duty), this.duties.codeNames(), this.duties.wardNames()));
			model.addAttribute("history", history(duty.id()));
			model.addAttribute("listHref", listOf(duty));
		}
		pickers(borough, model);
		boolean personListed = personId.isEmpty() || ((List<?>) model.getAttribute("people")).stream()
			.anyMatch(p -> ((PersonSummary) p).id() == personId.get());
		model.addAttribute("otherPerson", duty != null || personListed ? null
				: Map.entry(personId.get(), this.workforce.names(List.of(personId.get())).getOrDefault(personId.get(), "")));
		String ward = form.getWard() == null ? "" : form.getWard().strip();
		boolean listed = ((List<?>) model.getAttribute("wards")).stream().anyMatch(w -> ((WardSummary) w).code().equals(ward));
		model.addAttribute("otherWard", ward.isEmpty() || listed ? null
				: Map.entry(ward, this.duties.wardNames().getOrDefault(ward, ward)));
		return "duties/form";
	}

	/** The borough's people and wards for the pickers, and the activity codes. */
	private void pickers(String borough, Model model) {
		model.addAttribute("borough", borough);
		model.addAttribute("boroughName", borough == null ? null : this.geography.borough(borough).name());
		model.addAttribute("boroughs", borough == null && this.access.boroughsOrAll().isEmpty() ? this.geography.boroughs()
				: List.of());
		List<PersonSummary> people = borough == null ? List.of() : this.workforce.peopleOfBorough(borough)
			.stream()
			.sorted(Comparator.comparing(PersonSummary::name))
			.toList();
		model.addAttribute("people", people);
		List<WardSummary> wards = borough == null ? List.of() : this.geography.wards(Optional.of(borough))
			.stream()
			.sorted(Comparator.comparing(WardSummary::name))
			.toList();
		model.addAttribute("wards", wards);
		Map<String, String> codes = new java.util.TreeMap<>(this.duties.codeNames());
		model.addAttribute("codes", codes);
	}

	/** The borough whose people and wards the pickers list: the one chosen (in scope), or the user's own. */
	private Optional<String> chosenBorough(Optional<String> borough) {
		Optional<String> chosen = borough.filter(b -> !b.isBlank());
		if (chosen.isEmpty() && this.access.boroughsOrAll().isEmpty()) {
			return Optional.empty();
		}
		return this.access.boroughOrLondon(chosen);
	}

	private String borough(Duty duty) {
		return this.duties.placeOfPerson(duty.personId()).map(p -> p.boroughCode()).orElse(null);
	}

	private Optional<Long> person(Optional<String> serviceNumber, Optional<String> personId, Map<String, String> errors) {
		Optional<String> number = serviceNumber.map(String::strip).filter(s -> !s.isEmpty());
		Optional<Long> chosen = Optional.empty();
		if (personId.isPresent() && !personId.get().isBlank()) {
			try {
				chosen = Optional.of(Long.parseLong(personId.get().strip()));
			}
			catch (NumberFormatException ex) {
				errors.put("serviceNumber", "Choose a person from the list");
				return Optional.empty();
			}
		}
		if (number.isPresent()) {
			Optional<Long> found = this.workforce.personIdByServiceNumber(number.get());
			if (found.isEmpty()) {
				errors.put("serviceNumber", "No one has the service number " + number.get());
				return Optional.empty();
			}
			if (chosen.isPresent() && !chosen.equals(found)) {
				errors.put("serviceNumber", "The service number is not the person chosen: give one or the other");
				return Optional.empty();
			}
			return found;
		}
		chosen.ifPresent(this.workforce::person);
		return chosen;
	}

	private void requirePerson(long personId) {
		this.access.requirePerson(personId, this.duties.placeOfPerson(personId));
	}

	private List<DutyRow> rows(List<Duty> found) {
		Map<Long, String> names = this.workforce.names(found.stream().map(Duty::personId).distinct().toList());
		Map<String, String> codes = this.duties.codeNames();
		Map<String, String> wards = this.duties.wardNames();
		List<DutyRow> rows = new ArrayList<>();
		for (Duty d : found) {
			rows.add(new DutyRow(d, names.getOrDefault(d.personId(), ""), times(d.startsAt(), d.endsAt()),
					d.wardCode().map(w -> wards.getOrDefault(w, w)).orElse(d.place().isEmpty() ? "-" : d.place()),
					d.activityCode() + ": " + codes.getOrDefault(d.activityCode(), d.activityCode()),
					!d.endsAt().atZone(NewDuty.LONDON).toLocalDate().equals(d.startsAt().atZone(NewDuty.LONDON).toLocalDate())));
		}
		return rows;
	}

	private List<VersionRow> history(long dutyId) {
		Map<String, String> codes = this.duties.codeNames();
		Map<String, String> wards = this.duties.wardNames();
		List<VersionRow> rows = new ArrayList<>();
		for (Map<String, Object> state : this.duties.history(dutyId)) {
			rows.add(versionRow(state, codes, wards));
		}
		return rows;
	}

	private static Map<String, Object> state(Duty duty) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("version", duty.version());
		state.put("kind", duty.kind().name());
		state.put("date", duty.dutyDate().toString());
		state.put("start", duty.startsAt().toString());
		state.put("end", duty.endsAt().toString());
		state.put("ward", duty.wardCode().orElse(""));
		state.put("place", duty.place());
		state.put("code", duty.activityCode());
		duty.noticeDays().ifPresent(n -> state.put("noticeDays", n));
		return state;
	}

	private static VersionRow versionRow(Map<String, Object> state, Map<String, String> codes, Map<String, String> wards) {
		String times = "";
		try {
			times = times(Instant.parse(String.valueOf(state.get("start"))), Instant.parse(String.valueOf(state.get("end"))));
		}
		catch (DateTimeParseException ex) {
			times = state.get("start") + " - " + state.get("end");
		}
		String ward = String.valueOf(state.getOrDefault("ward", ""));
		String place = String.valueOf(state.getOrDefault("place", ""));
		String where = !ward.isEmpty() ? wards.getOrDefault(ward, ward) : place.isEmpty() ? "-" : place;
		String code = String.valueOf(state.get("code"));
		String kind = String.valueOf(state.getOrDefault("kind", "")).toLowerCase(java.util.Locale.ROOT);
		return new VersionRow(state.get("version"), String.valueOf(state.get("date")), times, where,
				code + ": " + codes.getOrDefault(code, code), kind, state.get("noticeDays"));
	}

	private static String times(Instant start, Instant end) {
		var from = start.atZone(NewDuty.LONDON);
		var to = end.atZone(NewDuty.LONDON);
		String next = to.toLocalDate().isAfter(from.toLocalDate()) ? " (next day)" : "";
		return from.toLocalTime() + " to " + to.toLocalTime() + next;
	}

	private String describe(Duty duty) {
		return duty.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + duty.activityCode() + " on "
				+ duty.dutyDate() + ", " + times(duty.startsAt(), duty.endsAt());
	}

	/** The person's duties in the month of this one. */
	private static String listOf(Duty duty) {
		LocalDate first = duty.dutyDate().withDayOfMonth(1);
		return UriComponentsBuilder.fromPath("/duties")
			.queryParam("person", duty.personId())
			.queryParam("from", first)
			.queryParam("to", first.plusMonths(1).minusDays(1))
			.build()
			.toUriString();
	}

	private static LocalDate date(Optional<String> text, String field, LocalDate otherwise, Map<String, String> errors) {
		if (text.isEmpty() || text.get().isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(text.get().strip());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "Enter the " + field + " date as a real date, for example 2035-03-01");
			return otherwise;
		}
	}

	private static String capitalised(String message) {
		return message == null || message.isEmpty() ? "" : Character.toUpperCase(message.charAt(0)) + message.substring(1);
	}

}
