package org.ringfence.deflection.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.ringfence.deflection.CallDeflection;
import org.ringfence.deflection.CallPriorities;
import org.ringfence.deflection.DeflectionDecision;
import org.ringfence.deflection.DeflectionDecision.OutcomeResult;
import org.ringfence.deflection.Incident;
import org.ringfence.deflection.PrioritiesBoard;
import org.ringfence.deflection.WardCallPriorities;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardDetail;
import org.ringfence.geography.WardSummary;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.Role;
import org.ringfence.identity.RingfenceUser;
import org.ringfence.identity.Roles;
import org.ringfence.identity.Scope;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages for controllers and teams: the borough priorities board, the deflection form and its
 * answer, the monthly evaluation, and a ward's call priorities (edited by its sergeant or
 * inspector).
 */
@Controller
class DeflectionPages {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final CallDeflection deflection;

	private final CallPriorities priorities;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final Clock clock;

	DeflectionPages(CallDeflection deflection, CallPriorities priorities, GeographyService geography, CurrentAccess access,
			Clock clock) {
		this.deflection = deflection;
		this.priorities = priorities;
		this.geography = geography;
		this.access = access;
		this.clock = clock;
	}

	/** A link in a list. */
	record Link(String label, String href) {
	}

	@GetMapping("/deflection")
	@PreAuthorize(Roles.PRIORITY_READERS)
	String index(Model model) {
		RingfenceUser user = this.access.user();
		List<Link> boards = new ArrayList<>();
		List<Link> wards = new ArrayList<>();
		Map<String, String> wardNames = this.geography.wardNames();
		boolean boardReader = Roles.PRIORITY_READER_ROLES.contains(user.role()) && user.role() != Role.INSPECTOR
				&& user.role() != Role.SERGEANT;
		for (Scope scope : user.scopes()) {
			switch (scope.type()) {
				case FORCE -> {
					if (boardReader) {
						this.geography.boroughs().forEach(b -> boards.add(new Link(b.name(), "/deflection/boroughs/" + b.code())));
					}
				}
				case BOROUGH -> {
					if (boardReader) {
						boards.add(new Link(this.geography.borough(scope.code()).name(), "/deflection/boroughs/" + scope.code()));
					}
				}
				case CLUSTER -> this.geography.cluster(scope.code())
					.wardCodes()
					.forEach(w -> wards.add(new Link(wardNames.getOrDefault(w, w), "/deflection/wards/" + w + "/priorities")));
				case WARD -> wards.add(new Link(wardNames.getOrDefault(scope.code(), scope.code()),
						"/deflection/wards/" + scope.code() + "/priorities"));
				case PERSON -> {
				}
			}
		}
		wards.sort(java.util.Comparator.comparing(Link::label));
		model.addAttribute("boards", boards);
		model.addAttribute("wards", wards);
		model.addAttribute("decider", user.role() == Role.ADMIN || user.role() == Role.CONTROLLER);
		model.addAttribute("evaluationReader", List.of(Role.ADMIN, Role.CONTROLLER, Role.ANALYST, Role.SUPERINTENDENT,
				Role.SMT_LEAD).contains(user.role()));
		model.addAttribute("month", YearMonth.now(this.clock.withZone(LONDON)).toString());
		return "deflection/index";
	}

	/**
	 * The borough's board: every ward, its call priorities and who is on duty on it now. One
	 * statement for the wards and priorities, one for who is on duty, one for their names; the
	 * server time is sent as a Server-Timing header and shown at the foot of the page.
	 */
	@GetMapping("/deflection/boroughs/{code}")
	@PreAuthorize(Roles.PRIORITY_BOARD_READERS)
	String board(@PathVariable String code, Model model, HttpServletResponse response) {
		long started = System.nanoTime();
		this.access.require(Place.borough(code));
		PrioritiesBoard board = this.priorities.board(code, this.clock.instant());
		double millis = (System.nanoTime() - started) / 1_000_000.0;
		response.setHeader("Server-Timing", "board;desc=\"wards, priorities and who is on duty\";dur=" + String.format("%.1f", millis));
		model.addAttribute("board", board);
		model.addAttribute("london", LONDON);
		model.addAttribute("millis", Math.round(millis));
		model.addAttribute("decider", isDecider());
		model.addAttribute("withPriorities", board.wards().stream().filter(w -> w.priorities().isPresent()).count());
		model.addAttribute("withSomeoneOnDuty", board.wards().stream().filter(w -> !w.onDuty().isEmpty()).count());
		return "deflection/board";
	}

	/** The deflection form, as bound from the page. */
	public static class DecisionForm {

		private String cadReference = "";

		private String date = "";

		private String time = "";

		private String wardCode = "";

		private String latitude = "";

		private String longitude = "";

		private String callCategory = "";

		private String needsPoliceOfficer = "";

		private String expectedMinutes = "";

		private boolean criticalIncident;

		private String overrideReason = "";

		public String getCadReference() {
			return this.cadReference;
		}

		public void setCadReference(String cadReference) {
			this.cadReference = cadReference;
		}

		public String getDate() {
			return this.date;
		}

		public void setDate(String date) {
			this.date = date;
		}

		public String getTime() {
			return this.time;
		}

		public void setTime(String time) {
			this.time = time;
		}

		public String getWardCode() {
			return this.wardCode;
		}

		public void setWardCode(String wardCode) {
			this.wardCode = wardCode;
		}

		public String getLatitude() {
			return this.latitude;
		}

		public void setLatitude(String latitude) {
			this.latitude = latitude;
		}

		public String getLongitude() {
			return this.longitude;
		}

		public void setLongitude(String longitude) {
			this.longitude = longitude;
		}

		public String getCallCategory() {
			return this.callCategory;
		}

		public void setCallCategory(String callCategory) {
			this.callCategory = callCategory;
		}

		public String getNeedsPoliceOfficer() {
			return this.needsPoliceOfficer;
		}

		public void setNeedsPoliceOfficer(String needsPoliceOfficer) {
			this.needsPoliceOfficer = needsPoliceOfficer;
		}

		public String getExpectedMinutes() {
			return this.expectedMinutes;
		}

		public void setExpectedMinutes(String expectedMinutes) {
			this.expectedMinutes = expectedMinutes;
		}

		public boolean isCriticalIncident() {
			return this.criticalIncident;
		}

		public void setCriticalIncident(boolean criticalIncident) {
			this.criticalIncident = criticalIncident;
		}

		public String getOverrideReason() {
			return this.overrideReason;
		}

		public void setOverrideReason(String overrideReason) {
			this.overrideReason = overrideReason;
		}

	}

	@GetMapping("/deflection/decide")
	@PreAuthorize(Roles.DEFLECTION_DECIDERS)
	String decideForm(@RequestParam Optional<String> ward, Model model) {
		DecisionForm form = new DecisionForm();
		Instant now = this.clock.instant();
		form.setDate(LocalDate.ofInstant(now, LONDON).toString());
		form.setTime(LocalTime.ofInstant(now, LONDON).truncatedTo(ChronoUnit.MINUTES).toString());
		ward.ifPresent(form::setWardCode);
		return decidePage(form, List.of(), model);
	}

	private String decidePage(DecisionForm form, List<InvalidInput.FieldError> errors, Model model) {
		Optional<WardDetail> ward = Optional.ofNullable(form.getWardCode())
			.filter(w -> !w.isBlank())
			.flatMap(w -> {
				try {
					return Optional.of(this.geography.ward(w));
				}
				catch (RuntimeException ex) {
					return Optional.empty();
				}
			});
		model.addAttribute("form", form);
		model.addAttribute("ward", ward.orElse(null));
		model.addAttribute("wardOptions", ward.map(w -> this.geography.wards(Optional.of(w.boroughCode())))
			.orElse(List.of()));
		model.addAttribute("wardPriorities", ward.flatMap(w -> this.priorities.ofWard(w.code())).orElse(null));
		model.addAttribute("categories", this.priorities.categories());
		model.addAttribute("errors", errors);
		return "deflection/decide";
	}

	@PostMapping("/deflection/decide")
	@PreAuthorize(Roles.DEFLECTION_DECIDERS)
	String decide(@ModelAttribute("form") DecisionForm form, Model model) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		Optional<Instant> at = Optional.empty();
		try {
			at = Optional.of(LocalDate.parse(form.getDate().strip()).atTime(LocalTime.parse(form.getTime().strip()))
				.atZone(LONDON)
				.toInstant());
		}
		catch (RuntimeException ex) {
			errors.add(new InvalidInput.FieldError("date", "Enter the date and time of the incident"));
		}
		Optional<Integer> minutes = Optional.empty();
		try {
			minutes = Optional.of(Integer.parseInt(form.getExpectedMinutes().strip()));
		}
		catch (RuntimeException ex) {
			errors.add(new InvalidInput.FieldError("expectedMinutes", "Enter the expected duration in whole minutes"));
		}
		if (!"yes".equals(form.getNeedsPoliceOfficer()) && !"no".equals(form.getNeedsPoliceOfficer())) {
			errors.add(new InvalidInput.FieldError("needsPoliceOfficer", "Say whether the call needs a police officer"));
		}
		Optional<Double> lat = number(form.getLatitude(), "latitude", errors);
		Optional<Double> lng = number(form.getLongitude(), "longitude", errors);
		if (!errors.isEmpty()) {
			return decidePage(form, errors, model);
		}
		Incident incident = new Incident(form.getCadReference(), at, Optional.ofNullable(form.getWardCode()), lat, lng,
				form.getCallCategory(), "yes".equals(form.getNeedsPoliceOfficer()), minutes.get(), form.isCriticalIncident(),
				Optional.ofNullable(form.getOverrideReason()));
		try {
			this.access.require(this.deflection.placeOf(incident));
			DeflectionDecision decision = this.deflection.decide(incident);
			return "redirect:/deflection/decisions/" + decision.id();
		}
		catch (InvalidInput ex) {
			return decidePage(form, ex.errors().isEmpty() ? List.of(new InvalidInput.FieldError("cadReference", ex.getMessage()))
					: ex.errors(), model);
		}
		catch (DomainRuleViolation ex) {
			return decidePage(form, List.of(new InvalidInput.FieldError("overrideReason", ex.getMessage())), model);
		}
		catch (org.ringfence.platform.NotFound ex) {
			return decidePage(form, List.of(new InvalidInput.FieldError("wardCode", ex.getMessage())), model);
		}
	}

	private static Optional<Double> number(String text, String field, List<InvalidInput.FieldError> errors) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Double.parseDouble(text.strip()));
		}
		catch (NumberFormatException ex) {
			errors.add(new InvalidInput.FieldError(field, "Enter the " + field + " as a decimal number"));
			return Optional.empty();
		}
	}

	@GetMapping("/deflection/decisions/{id}")
	@PreAuthorize(Roles.DEFLECTION_READERS)
	String decision(@PathVariable long id, Model model) {
		DeflectionDecision decision = this.deflection.decision(id);
		this.access.require(Place.borough(decision.boroughCode()));
		model.addAttribute("decision", decision);
		model.addAttribute("london", LONDON);
		model.addAttribute("decider", isDecider());
		model.addAttribute("results", OutcomeResult.values());
		model.addAttribute("errors", List.of());
		return "deflection/decision";
	}

	@PostMapping("/deflection/decisions/{id}/outcome")
	@PreAuthorize(Roles.DEFLECTION_DECIDERS)
	String outcome(@PathVariable long id, @RequestParam Optional<Integer> minutesAway,
			@RequestParam Optional<OutcomeResult> result, @RequestParam Optional<String> note, Model model) {
		DeflectionDecision decision = this.deflection.decision(id);
		this.access.require(Place.borough(decision.boroughCode()));
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (minutesAway.isEmpty()) {
			errors.add(new InvalidInput.FieldError("minutesAway", "Enter the minutes spent away from the ward"));
		}
		if (result.isEmpty()) {
			errors.add(new InvalidInput.FieldError("result", "Choose the result"));
		}
		if (errors.isEmpty()) {
			try {
				this.deflection.recordOutcome(id, minutesAway.get(), result.get(), note.orElse(""));
				return "redirect:/deflection/decisions/" + id;
			}
			catch (InvalidInput ex) {
				errors.addAll(ex.errors());
			}
			catch (DomainRuleViolation ex) {
				errors.add(new InvalidInput.FieldError("result", ex.getMessage()));
			}
		}
		model.addAttribute("decision", decision);
		model.addAttribute("london", LONDON);
		model.addAttribute("decider", true);
		model.addAttribute("results", OutcomeResult.values());
		model.addAttribute("errors", errors);
		return "deflection/decision";
	}

	@GetMapping("/deflection/evaluation")
	@PreAuthorize(Roles.DEFLECTION_READERS)
	String evaluation(@RequestParam Optional<String> month, @RequestParam Optional<String> borough, Model model) {
		YearMonth selected = month.map(DeflectionController::month)
			.orElse(YearMonth.now(this.clock.withZone(LONDON)));
		Optional<String> scoped = this.access.boroughOrLondon(borough.filter(b -> !b.isBlank()));
		model.addAttribute("evaluation", this.deflection.evaluation(selected, scoped));
		model.addAttribute("month", selected.toString());
		model.addAttribute("monthName", selected.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK)
				+ " " + selected.getYear());
		model.addAttribute("previousMonth", selected.minusMonths(1).toString());
		model.addAttribute("nextMonth", selected.plusMonths(1).toString());
		model.addAttribute("borough", scoped.orElse(null));
		model.addAttribute("boroughs", this.access.user().hasForceScope() ? this.geography.boroughs() : List.of());
		model.addAttribute("london", LONDON);
		return "deflection/evaluation";
	}

	@GetMapping("/deflection/wards/{code}/priorities")
	@PreAuthorize(Roles.PRIORITY_READERS)
	String priorities(@PathVariable String code, Model model) {
		WardDetail ward = this.geography.ward(code);
		Place place = this.geography.placeOfWard(code);
		if (!this.access.may(Roles.PRIORITY_READER_ROLES, place)) {
			throw new ScopeDenied("That ward is outside your scope.");
		}
		Optional<WardCallPriorities> current = this.priorities.ofWard(code);
		return prioritiesPage(ward, current, current.map(p -> p.categories().stream().map(c -> c.code()).toList())
			.orElse(List.of()), current.map(WardCallPriorities::notes).orElse(""), List.of(), false, model);
	}

	private String prioritiesPage(WardDetail ward, Optional<WardCallPriorities> current, List<String> selected, String notes,
			List<InvalidInput.FieldError> errors, boolean saved, Model model) {
		RingfenceUser user = this.access.user();
		boolean editor = (user.role() == Role.ADMIN || user.role() == Role.SERGEANT || user.role() == Role.INSPECTOR)
				&& this.access.covers(this.geography.placeOfWard(ward.code()));
		model.addAttribute("ward", ward);
		model.addAttribute("current", current.orElse(null));
		model.addAttribute("selected", selected);
		model.addAttribute("notes", notes);
		model.addAttribute("categories", this.priorities.categories());
		model.addAttribute("editor", editor);
		model.addAttribute("errors", errors);
		model.addAttribute("saved", saved);
		return "deflection/priorities";
	}

	@PostMapping("/deflection/wards/{code}/priorities")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	String savePriorities(@PathVariable String code, @RequestParam Optional<List<String>> categories,
			@RequestParam Optional<String> notes, @RequestParam Optional<Integer> version, Model model) {
		WardDetail ward = this.geography.ward(code);
		this.access.require(this.geography.placeOfWard(code));
		List<String> chosen = categories.orElse(List.of());
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		try {
			WardCallPriorities saved = this.priorities.save(code, chosen, notes.orElse(""), version);
			return prioritiesPage(ward, Optional.of(saved), saved.categories().stream().map(c -> c.code()).toList(),
					saved.notes(), List.of(), true, model);
		}
		catch (InvalidInput ex) {
			errors.addAll(ex.errors());
		}
		catch (OptimisticLockingFailureException ex) {
			errors.add(new InvalidInput.FieldError("categories",
					"Someone changed these priorities while you were editing them: check them and save again"));
		}
		return prioritiesPage(ward, this.priorities.ofWard(code), chosen, notes.orElse(""), errors, false, model);
	}

	private boolean isDecider() {
		Role role = this.access.user().role();
		return role == Role.ADMIN || role == Role.CONTROLLER;
	}


}
