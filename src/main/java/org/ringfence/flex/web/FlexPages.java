package org.ringfence.flex.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ringfence.flex.FlexAction;
import org.ringfence.flex.FlexCheckReport;
import org.ringfence.flex.FlexCommand;
import org.ringfence.flex.FlexDashboard;
import org.ringfence.flex.FlexMonitoring;
import org.ringfence.flex.FlexRequestView;
import org.ringfence.flex.FlexRequests;
import org.ringfence.flex.FlexStatus;
import org.ringfence.flex.NewFlexRequest;
import org.ringfence.flex.ReviewOutcome;
import org.ringfence.flex.Tours;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.RingfenceUser;
import org.ringfence.identity.Role;
import org.ringfence.identity.Roles;
import org.ringfence.identity.Scope;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.workforce.WorkforceService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The flex pages: requests of a borough, a request with its checks and the steps you may take, a new request, the dashboard. */
@Controller
class FlexPages {

	/** Rows of officers on the new-request form. */
	static final int OFFICER_ROWS = 6;

	private final FlexRequests requests;

	private final FlexMonitoring monitoring;

	private final GeographyService geography;

	private final WorkforceService workforce;

	private final CurrentAccess access;

	private final JsonMapper json;

	FlexPages(FlexRequests requests, FlexMonitoring monitoring, GeographyService geography, WorkforceService workforce,
			CurrentAccess access, JsonMapper json) {
		this.requests = requests;
		this.monitoring = monitoring;
		this.geography = geography;
		this.workforce = workforce;
		this.access = access;
		this.json = json;
	}

	@GetMapping("/flex")
	@PreAuthorize(Roles.FLEX_READERS)
	String list(@RequestParam Optional<String> borough, @RequestParam Optional<FlexStatus> status, Model model) {
		Optional<String> selected = borough.filter(b -> !b.isBlank());
		model.addAttribute("requests", this.requests.list(selected, status));
		model.addAttribute("borough", selected.orElse(null));
		model.addAttribute("scopeName", selected.map(b -> this.geography.borough(b).name()).orElse("your area"));
		model.addAttribute("statuses", FlexStatus.values());
		model.addAttribute("status", status.orElse(null));
		model.addAttribute("boroughs", this.geography.boroughs());
		model.addAttribute("mayDraft", !draftableWards().isEmpty());
		return "flex/list";
	}

	// ------------------------------------------------------------------ new request

	@GetMapping("/flex/requests/new")
	@PreAuthorize(Roles.FLEX_DRAFTERS)
	String newRequest(Model model) {
		model.addAttribute("form", new LinkedHashMap<String, Object>());
		return newForm(model, List.of(), null);
	}

	@PostMapping("/flex/requests/new")
	@PreAuthorize(Roles.FLEX_DRAFTERS)
	String create(@RequestParam MultiValueMap<String, String> form, Model model) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		try {
			NewFlexRequest request = readRequest(form, errors);
			if (errors.isEmpty()) {
				FlexRequestView created = this.requests.create(request);
				return "redirect:/flex/requests/" + created.id() + "?done=created";
			}
		}
		catch (InvalidInput ex) {
			errors.addAll(ex.errors().isEmpty() ? List.of(new InvalidInput.FieldError("form", ex.getMessage())) : ex.errors());
		}
		catch (DomainRuleViolation | ScopeDenied ex) {
			errors.add(new InvalidInput.FieldError("form", ex.getMessage()));
		}
		model.addAttribute("form", form.toSingleValueMap());
		model.addAttribute("formLists", form);
		return newForm(model, errors, "The request was not saved.");
	}

	private String newForm(Model model, List<InvalidInput.FieldError> errors, String error) {
		List<WardSummary> mine = draftableWards();
		String borough = mine.isEmpty() ? null : mine.get(0).boroughCode();
		model.addAttribute("receivingWards", mine);
		model.addAttribute("providingWards", borough == null ? List.of() : this.geography.wards(Optional.of(borough)));
		model.addAttribute("rows", OFFICER_ROWS);
		model.addAttribute("tours", Tours.values());
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		if (!model.containsAttribute("formLists")) {
			model.addAttribute("formLists", new org.springframework.util.LinkedMultiValueMap<String, String>());
		}
		return "flex/new";
	}

	/** The wards the user may draft for: a sergeant's ward(s), an inspector's cluster. */
	private List<WardSummary> draftableWards() {
		Optional<RingfenceUser> user = this.access.optionalUser();
		if (user.isEmpty()) {
			return List.of();
		}
		List<WardSummary> wards = new ArrayList<>();
		for (Scope scope : user.get().scopes()) {
			switch (scope.type()) {
				case WARD -> {
					Place place = this.geography.placeOfWard(scope.code());
					this.geography.wards(Optional.of(place.boroughCode()))
						.stream()
						.filter(w -> w.code().equals(scope.code()))
						.forEach(wards::add);
				}
				case CLUSTER -> {
					ClusterSummary cluster = this.geography.cluster(scope.code());
					this.geography.wards(Optional.of(cluster.boroughCode()))
						.stream()
						.filter(w -> cluster.wardCodes().contains(w.code()))
						.forEach(wards::add);
				}
				default -> {
				}
			}
		}
		if (user.get().role() != Role.SERGEANT && user.get().role() != Role.INSPECTOR) {
			return List.of();
		}
		wards.sort(java.util.Comparator.comparing(WardSummary::name));
		return wards;
	}

	private NewFlexRequest readRequest(MultiValueMap<String, String> form, List<InvalidInput.FieldError> errors) {
		LocalDate first = date(form.getFirst("firstDay"), "firstDay", errors);
		LocalDate last = date(form.getFirst("lastDay"), "lastDay", errors);
		List<NewFlexRequest.Officer> officers = new ArrayList<>();
		List<String> numbers = form.getOrDefault("serviceNumber", List.of());
		List<String> wards = form.getOrDefault("providingWard", List.of());
		List<String> tours = form.getOrDefault("tours", List.of());
		for (int i = 0; i < numbers.size(); i++) {
			String number = numbers.get(i) == null ? "" : numbers.get(i).strip().toUpperCase(java.util.Locale.ROOT);
			if (number.isEmpty()) {
				continue;
			}
			Optional<Long> person = this.workforce.personIdByServiceNumber(number);
			if (person.isEmpty()) {
				errors.add(new InvalidInput.FieldError("serviceNumber-" + i, "No officer has service number " + number + "."));
				continue;
			}
			String ward = i < wards.size() ? wards.get(i) : "";
			Tours tour = i < tours.size() && tours.get(i) != null && !tours.get(i).isBlank() ? Tours.valueOf(tours.get(i))
					: Tours.ALL;
			officers.add(new NewFlexRequest.Officer(person.get(), ward, first, last, tour));
		}
		return new NewFlexRequest(form.getFirst("receivingWard"), form.getFirst("problemType"),
				form.getFirst("intelligenceSummary"), form.getFirst("aims"), form.getFirst("objectives"),
				form.getFirst("expectedResults"), form.getFirst("problemReference"), first, last,
				Optional.ofNullable(form.getFirst("durationException")), officers);
	}

	private static LocalDate date(String value, String field, List<InvalidInput.FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new InvalidInput.FieldError(field, "Enter a date like 2034-03-06."));
			return null;
		}
	}

	// ------------------------------------------------------------------ a request

	@GetMapping("/flex/requests/{id}")
	@PreAuthorize(Roles.FLEX_READERS)
	String request(@PathVariable long id, @RequestParam Optional<String> done, Model model) {
		return requestPage(id, model, List.of(), null, done.orElse(null));
	}

	private String requestPage(long id, Model model, List<InvalidInput.FieldError> errors, String error, String done) {
		FlexRequestView view = this.requests.view(id);
		model.addAttribute("r", view);
		model.addAttribute("actions", this.requests.actionsFor(view));
		boolean fresh = view.status().ordinal() <= FlexStatus.PRESENTED.ordinal() || view.status().deployed();
		Optional<FlexCheckReport> checks = fresh ? Optional.of(this.requests.whatIf(id)) : view.lastChecks();
		model.addAttribute("checks", checks.orElse(null));
		model.addAttribute("checksFresh", fresh);
		model.addAttribute("flexed", view.dutiesFlexed() + view.dutiesReleased() > 0 ? this.requests.flexedDuties(id) : List.of());
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		model.addAttribute("done", done);
		model.addAttribute("today", this.monitoring.today());
		model.addAttribute("wardsInvolved", view.wardsInvolved());
		Map<String, String> names = new TreeMap<>();
		view.wardsInvolved().forEach(w -> names.put(w, this.geography.wardNames().getOrDefault(w, w)));
		model.addAttribute("wardNames", names);
		model.addAttribute("outcomes", ReviewOutcome.values());
		return "flex/request";
	}

	@PostMapping("/flex/requests/{id}/actions")
	@PreAuthorize(Roles.FLEX_ACTORS)
	String act(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		String error;
		try {
			FlexAction action = FlexAction.valueOf(form.getFirst("action"));
			FlexCommand command = command(action, form, errors);
			if (errors.isEmpty()) {
				Integer version = form.getFirst("version") == null ? null : Integer.valueOf(form.getFirst("version"));
				this.requests.transition(id, command, Optional.ofNullable(version));
				return "redirect:/flex/requests/" + id + "?done=" + action.name();
			}
			error = "\"" + action.label() + "\" was not recorded.";
		}
		catch (InvalidInput ex) {
			errors.addAll(ex.errors());
			error = ex.getMessage();
		}
		catch (DomainRuleViolation ex) {
			error = ex.getMessage();
			ex.reasons().stream().filter(r -> !r.equals(ex.getMessage())).limit(30)
				.forEach(r -> errors.add(new InvalidInput.FieldError("rule", r)));
		}
		catch (OptimisticLockingFailureException ex) {
			error = "Someone changed this request while you were reading it. Read it again and retry.";
		}
		catch (IllegalArgumentException ex) {
			error = "Choose a step to take.";
		}
		return requestPage(id, model, errors, error, null);
	}

	private static FlexCommand command(FlexAction action, MultiValueMap<String, String> form,
			List<InvalidInput.FieldError> errors) {
		String note = form.getFirst("note");
		return switch (action) {
			case SUBMIT -> new FlexCommand.Submit(note);
			case ESCALATE -> new FlexCommand.Escalate(note);
			case APPROVE_WARDS -> {
				List<FlexCommand.WardDialogue> dialogues = new ArrayList<>();
				List<String> wards = form.getOrDefault("ward", List.of());
				for (int i = 0; i < wards.size(); i++) {
					dialogues.add(new FlexCommand.WardDialogue(wards.get(i), date(at(form, "heldOn", i), "heldOn-" + i, errors),
							at(form, "summary", i)));
				}
				yield new FlexCommand.ApproveWards(dialogues, note);
			}
			case PRESENT -> new FlexCommand.Present(date(form.getFirst("meetingDate"), "meetingDate", errors),
					form.getFirst("meetingReference"), note);
			case AUTHORISE -> new FlexCommand.Authorise(note);
			case REJECT -> new FlexCommand.Reject(form.getFirst("reasons"));
			case ENDORSE -> new FlexCommand.Endorse(note);
			case REVIEW -> {
				String outcome = form.getFirst("outcome");
				yield new FlexCommand.Review(date(form.getFirst("heldOn"), "heldOn", errors),
						outcome == null || outcome.isBlank() ? null : ReviewOutcome.valueOf(outcome), note,
						Optional.ofNullable(date(form.getFirst("newLastDay"), "newLastDay", errors)),
						Optional.ofNullable(form.getFirst("exceptionReason")));
			}
			case END -> new FlexCommand.End(Optional.ofNullable(date(form.getFirst("lastDay"), "lastDay", errors)), note);
			case RECORD_FEEDBACK -> {
				List<FlexCommand.WardFeedback> feedback = new ArrayList<>();
				List<String> wards = form.getOrDefault("ward", List.of());
				for (int i = 0; i < wards.size(); i++) {
					String summary = at(form, "summary", i);
					if (summary != null && !summary.isBlank()) {
						feedback.add(new FlexCommand.WardFeedback(wards.get(i), date(at(form, "givenOn", i), "givenOn-" + i,
								errors), summary));
					}
				}
				yield new FlexCommand.RecordFeedback(feedback, note);
			}
			case CLOSE -> new FlexCommand.Close(note);
		};
	}

	private static String at(MultiValueMap<String, String> form, String field, int i) {
		List<String> values = form.getOrDefault(field, List.of());
		return i < values.size() ? values.get(i) : null;
	}

	// ------------------------------------------------------------------ dashboard

	@GetMapping("/flex/dashboard")
	@PreAuthorize(Roles.FLEX_MONITORS)
	String dashboard(@RequestParam Optional<String> borough, @RequestParam Optional<LocalDate> asOf, Model model) {
		Optional<String> scoped = this.access.boroughOrLondon(borough.filter(b -> !b.isBlank()));
		FlexDashboard dashboard = this.monitoring.dashboard(scoped, asOf.orElse(this.monitoring.today()));
		model.addAttribute("d", dashboard);
		model.addAttribute("borough", scoped.orElse(null));
		model.addAttribute("chartJson", org.ringfence.platform.web.ScriptJson.safe(this.json.writeValueAsString(dashboard.months())));
		model.addAttribute("arrowsJson", org.ringfence.platform.web.ScriptJson.safe(this.json.writeValueAsString(dashboard.arrows())));
		List<String> mapBoroughs = new ArrayList<>();
		scoped.ifPresent(mapBoroughs::add);
		dashboard.arrows().forEach(a -> {
			if (!mapBoroughs.contains(a.fromBorough())) {
				mapBoroughs.add(a.fromBorough());
			}
			if (!mapBoroughs.contains(a.toBorough())) {
				mapBoroughs.add(a.toBorough());
			}
		});
		model.addAttribute("mapBoroughs", String.join(",", mapBoroughs));
		model.addAttribute("mayReadRequests", this.access.optionalUser()
			.map(u -> Roles.FLEX_READER_ROLES.contains(u.role()))
			.orElse(false));
		return "flex/dashboard";
	}

}
