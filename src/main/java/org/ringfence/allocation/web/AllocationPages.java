package org.ringfence.allocation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.ringfence.allocation.OfficerAllocation;
import org.ringfence.allocation.OfficerAllocationRequest;
import org.ringfence.allocation.OfficerAllocations;
import org.ringfence.allocation.SaferSchools;
import org.ringfence.allocation.SchoolCriterion;
import org.ringfence.allocation.SchoolImportReport;
import org.ringfence.allocation.SchoolRankingRequest;
import org.ringfence.allocation.SharedSupervision;
import org.ringfence.allocation.SupervisionPlan;
import org.ringfence.allocation.SupervisionPlan.ConsulteeType;
import org.ringfence.allocation.SupervisionPlan.Stance;
import org.ringfence.allocation.domain.SchoolRanking.Direction;
import org.ringfence.allocation.domain.SchoolRanking.Normalisation;
import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.web.Uploads;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The allocation pages: shared supervision (recommendation, plans, consultation, decision), the
 * allocation of extra officers with the 2007 comparison, and the Safer Schools ranking. A refusal
 * (no demand data, a constraint that cannot hold) is shown on the page with the reason.
 */
@Controller
class AllocationPages {

	private final SharedSupervision supervision;

	private final OfficerAllocations allocations;

	private final SaferSchools schools;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final JsonMapper json;

	AllocationPages(SharedSupervision supervision, OfficerAllocations allocations, SaferSchools schools,
			GeographyService geography, CurrentAccess access, JsonMapper json) {
		this.supervision = supervision;
		this.allocations = allocations;
		this.schools = schools;
		this.geography = geography;
		this.access = access;
		this.json = json;
	}

	// ------------------------------------------------------------------ shared supervision

	@GetMapping("/supervision")
	@PreAuthorize(Roles.ALLOCATION_READERS)
	String supervision(@RequestParam Map<String, String> params, Model model) {
		Optional<BoroughSummary> borough = chosenBorough(params.get("borough"));
		model.addAttribute("boroughs", visibleBoroughs());
		model.addAttribute("borough", borough.orElse(null));
		model.addAttribute("form", params);
		model.addAttribute("plans", borough.map(b -> this.supervision.plans(Optional.of(b.code()))).orElse(List.of()));
		String sergeants = params.getOrDefault("sergeants", "").strip();
		if (borough.isPresent() && !sergeants.isEmpty()) {
			try {
				model.addAttribute("recommendation", this.supervision.recommend(request(borough.get().code(), params)));
			}
			catch (InvalidInput | DomainRuleViolation ex) {
				model.addAttribute("problem", ex.getMessage());
			}
		}
		return "allocation/supervision";
	}

	@PostMapping("/supervision/plans")
	@PreAuthorize(Roles.ALLOCATION_WRITERS)
	String propose(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		String borough = params.getOrDefault("borough", "");
		try {
			SupervisionPlan plan = this.supervision.propose(new SharedSupervision.Proposal(request(borough, params),
					Optional.empty(), params.getOrDefault("rationale", "")));
			redirect.addFlashAttribute("done", "Plan " + plan.id() + " proposed: record the consultation, then the borough "
					+ "commander decides.");
			return "redirect:/supervision/plans/" + plan.id();
		}
		catch (InvalidInput | DomainRuleViolation ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/supervision?borough=" + borough;
		}
	}

	@GetMapping("/supervision/plans/{id}")
	@PreAuthorize(Roles.ALLOCATION_READERS)
	String plan(@PathVariable long id, Model model) {
		model.addAttribute("plan", this.supervision.plan(id));
		model.addAttribute("consulteeTypes", ConsulteeType.values());
		model.addAttribute("stances", Stance.values());
		model.addAttribute("today", LocalDate.now());
		return "allocation/supervision-plan";
	}

	@PostMapping("/supervision/plans/{id}/consultations")
	@PreAuthorize(Roles.ALLOCATION_WRITERS)
	String consult(@PathVariable long id, @RequestParam(defaultValue = "") String consulteeType,
			@RequestParam(defaultValue = "") String consultee, @RequestParam(defaultValue = "") String consultedOn,
			@RequestParam(defaultValue = "") String stance, @RequestParam(defaultValue = "") String response,
			RedirectAttributes redirect) {
		try {
			ConsulteeType type = parse(ConsulteeType.class, consulteeType, "consulteeType", "Choose who was consulted.");
			Stance view = parse(Stance.class, stance, "stance", "Choose their response.");
			this.supervision.consult(id, new SharedSupervision.NewConsultation(type, consultee, date(consultedOn,
					"consultedOn"), view, response));
			redirect.addFlashAttribute("done", "Consultation with " + consultee.strip() + " recorded.");
		}
		catch (InvalidInput | DomainRuleViolation ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			redirect.addFlashAttribute("consultForm", Map.of("consulteeType", consulteeType, "consultee", consultee,
					"consultedOn", consultedOn, "stance", stance, "response", response));
		}
		return "redirect:/supervision/plans/" + id;
	}

	@PostMapping("/supervision/plans/{id}/decision")
	@PreAuthorize(Roles.SUPERVISION_DECIDERS)
	String decide(@PathVariable long id, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "") String effectiveFrom, RedirectAttributes redirect) {
		try {
			this.supervision.decide(id, note, date(effectiveFrom, "effectiveFrom"));
			redirect.addFlashAttribute("done", "Decision recorded: the plan is final and its letter can be sent.");
		}
		catch (InvalidInput | DomainRuleViolation ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			redirect.addFlashAttribute("decisionForm", Map.of("note", note, "effectiveFrom", effectiveFrom));
		}
		return "redirect:/supervision/plans/" + id;
	}

	private SharedSupervision.Request request(String borough, Map<String, String> params) {
		return new SharedSupervision.Request(borough, integer(params.get("sergeants"), "sergeants"),
				optionalDate(params.get("from"), "from"), optionalDate(params.get("to"), "to"),
				params.getOrDefault("maxGroupSize", "2").equals("3") ? 3 : 2);
	}

	// ------------------------------------------------------------------ extra officers

	@GetMapping("/allocation")
	@PreAuthorize(Roles.ALLOCATION_READERS)
	String allocation(@RequestParam Map<String, String> params, Model model) {
		List<BoroughSummary> boroughs = visibleBoroughs();
		model.addAttribute("boroughs", boroughs);
		model.addAttribute("bcus", new TreeSet<>(boroughs.stream().map(BoroughSummary::bcu).toList()));
		model.addAttribute("forceWide", this.access.user().hasForceScope());
		model.addAttribute("measures", OfficerAllocationRequest.Measure.values());
		model.addAttribute("methods", List.of(new String[] { "HAMILTON", "Largest remainder (Hamilton)" },
				new String[] { "DHONDT", "D'Hondt (Jefferson)" }, new String[] { "SAINTE_LAGUE", "Sainte-Laguë (Webster)" },
				new String[] { "HUNTINGTON_HILL", "Huntington-Hill" }));
		Map<String, String> form = new HashMap<>(params);
		form.putIfAbsent("scope", this.access.user().hasForceScope() ? "FORCE" : "BOROUGH");
		if (!boroughs.isEmpty()) {
			form.putIfAbsent("borough", boroughs.get(0).code());
		}
		form.putIfAbsent("minimumPerWard", "2");
		form.putIfAbsent("measure", "SN");
		form.putIfAbsent("method", "SAINTE_LAGUE");
		model.addAttribute("form", form);
		if (params.containsKey("total")) {
			try {
				OfficerAllocationRequest.Scope scope = parse(OfficerAllocationRequest.Scope.class, form.get("scope"), "scope",
						"Choose all London, a BCU or a borough.");
				Optional<String> code = switch (scope) {
					case FORCE -> Optional.empty();
					case BCU -> Optional.ofNullable(form.get("bcu"));
					case BOROUGH -> Optional.ofNullable(form.get("borough"));
				};
				String cap = form.getOrDefault("cap", "").strip();
				OfficerAllocation result = this.allocations.allocate(new OfficerAllocationRequest(scope, code,
						integer(form.get("total"), "total"), integer(form.get("minimumPerWard"), "minimumPerWard"),
						cap.isEmpty() ? Optional.empty() : Optional.of(integer(cap, "cap")), Map.of(),
						"true".equals(form.get("noLoss")),
						parse(OfficerAllocationRequest.Measure.class, form.get("measure"), "measure", "Choose a measure."),
						parse(OfficerAllocationRequest.Method.class, form.get("method"), "method", "Choose a method."),
						optionalDate(form.get("from"), "from"), optionalDate(form.get("to"), "to")));
				model.addAttribute("result", result);
				Map<String, Object> chart = new LinkedHashMap<>();
				chart.put("boroughs", result.boroughs().stream().map(OfficerAllocation.BoroughComparison::name).toList());
				chart.put("allocation",
						result.boroughs().stream().map(OfficerAllocation.BoroughComparison::allocation).toList());
				chart.put("rule2007", result.boroughs().stream().map(OfficerAllocation.BoroughComparison::rule2007).toList());
				chart.put("current", result.boroughs().stream().map(OfficerAllocation.BoroughComparison::current).toList());
				model.addAttribute("chartJson", this.json.writeValueAsString(chart).replace("</", "<\\/"));
			}
			catch (InvalidInput | DomainRuleViolation | NotFound ex) {
				model.addAttribute("problem", ex.getMessage());
			}
		}
		return "allocation/officers";
	}

	// ------------------------------------------------------------------ Safer Schools

	@GetMapping("/schools")
	@PreAuthorize(Roles.ALLOCATION_READERS)
	String schoolsPage(@RequestParam Map<String, String> params, Model model) {
		Optional<BoroughSummary> borough = chosenBorough(params.get("borough"));
		int year = params.containsKey("year") && !params.get("year").isBlank() ? integer(params.get("year"), "year")
				: this.schools.currentYear();
		model.addAttribute("boroughs", visibleBoroughs());
		model.addAttribute("borough", borough.orElse(null));
		model.addAttribute("year", year);
		model.addAttribute("academicYear", year + "/" + String.format("%02d", (year + 1) % 100));
		model.addAttribute("form", params);
		model.addAttribute("normalisations", Normalisation.values());
		model.addAttribute("directions", Direction.values());
		if (borough.isEmpty()) {
			return "allocation/schools";
		}
		String code = borough.get().code();
		List<SchoolCriterion> criteria = this.schools.criteria(Optional.of(code));
		model.addAttribute("criteria", criteria);
		model.addAttribute("imported", this.schools.schools(code, year));
		model.addAttribute("recorded", this.schools.recorded(code, year).orElse(null));
		try {
			model.addAttribute("review", this.schools.recorded(code, year).isPresent() ? this.schools.review(code, year)
					: null);
		}
		catch (NotFound ex) {
			model.addAttribute("review", null);
		}
		if (params.containsKey("officers")) {
			try {
				model.addAttribute("ranking", this.schools.rank(ranking(code, year, params, criteria)));
			}
			catch (InvalidInput | DomainRuleViolation ex) {
				model.addAttribute("problem", ex.getMessage());
			}
		}
		return "allocation/schools";
	}

	@PostMapping("/schools/import")
	@PreAuthorize(Roles.ALLOCATION_WRITERS)
	String importSchools(@RequestParam(defaultValue = "") String borough, @RequestParam(defaultValue = "0") int year,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect)
			throws java.io.IOException {
		List<SaferSchools.Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				if (!file.isEmpty()) {
					uploads.add(new SaferSchools.Upload(Uploads.safeName(file.getOriginalFilename()), file.getBytes()));
				}
			}
		}
		try {
			if (uploads.isEmpty()) {
				throw new InvalidInput("Choose a CSV file of schools.", List.of(new InvalidInput.FieldError("files", "missing")));
			}
			SchoolImportReport report = this.schools.importSchools(year, uploads, false);
			redirect.addFlashAttribute("done", "Schools imported for " + year + ": " + report.created() + " new, "
					+ report.updated() + " changed, " + report.unchanged() + " unchanged.");
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			redirect.addFlashAttribute("importProblems", ex.errors().stream().limit(50).toList());
		}
		catch (DomainRuleViolation ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/schools?borough=" + borough + "&year=" + year;
	}

	@PostMapping("/schools/allocations")
	@PreAuthorize(Roles.ALLOCATION_WRITERS)
	String recordSchools(@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		String borough = params.getOrDefault("borough", "");
		int year = integer(params.getOrDefault("year", "0"), "year");
		try {
			var recorded = this.schools.record(ranking(borough, year, params, this.schools.criteria(Optional.of(borough))));
			redirect.addFlashAttribute("done", "Allocation recorded for " + recorded.year() + ": "
					+ recorded.schools().stream().filter(s -> s.officer()).count() + " schools with an officer.");
		}
		catch (InvalidInput | DomainRuleViolation ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/schools?borough=" + borough + "&year=" + year;
	}

	private SchoolRankingRequest ranking(String borough, int year, Map<String, String> params,
			List<SchoolCriterion> criteria) {
		Map<String, Double> weights = new HashMap<>();
		Map<String, Direction> directions = new HashMap<>();
		for (SchoolCriterion c : criteria) {
			String weight = params.getOrDefault("w." + c.code(), "").strip();
			if (!weight.isEmpty()) {
				try {
					weights.put(c.code(), Double.parseDouble(weight));
				}
				catch (NumberFormatException ex) {
					throw new InvalidInput("The weight of " + c.label() + " must be a number.",
							List.of(new InvalidInput.FieldError("w." + c.code(), "a number")));
				}
			}
			String direction = params.getOrDefault("d." + c.code(), "").strip();
			if (!direction.isEmpty()) {
				directions.put(c.code(), parse(Direction.class, direction, "d." + c.code(), "Choose a direction."));
			}
		}
		String normalisation = params.getOrDefault("normalisation", "MIN_MAX");
		return new SchoolRankingRequest(borough, year, integer(params.getOrDefault("officers", "0"), "officers"), weights,
				directions, parse(Normalisation.class, normalisation, "normalisation", "Choose a normalisation."),
				optionalDate(params.get("from"), "from"), optionalDate(params.get("to"), "to"));
	}

	// ------------------------------------------------------------------ helpers

	private List<BoroughSummary> visibleBoroughs() {
		Optional<List<String>> own = this.access.boroughsOrAll();
		return this.geography.boroughs().stream().filter(b -> own.map(l -> l.contains(b.code())).orElse(true)).toList();
	}

	private Optional<BoroughSummary> chosenBorough(String code) {
		Optional<String> chosen = Optional.ofNullable(code).filter(c -> !c.isBlank());
		List<String> own = this.access.boroughsOrAll().orElse(List.of());
		if (chosen.isEmpty() && own.size() == 1) {
			chosen = Optional.of(own.get(0));
		}
		return chosen.map(c -> {
			BoroughSummary borough = this.geography.borough(c.strip());
			this.access.require(org.ringfence.identity.Place.borough(borough.code()));
			return borough;
		});
	}

	private static int integer(String text, String field) {
		try {
			return Integer.parseInt(text == null ? "" : text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput(field + " must be a whole number.", List.of(new InvalidInput.FieldError(field,
					"a whole number")));
		}
	}

	private static Optional<LocalDate> optionalDate(String text, String field) {
		return text == null || text.isBlank() ? Optional.empty() : Optional.of(date(text, field));
	}

	private static LocalDate date(String text, String field) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("Write dates as YYYY-MM-DD, e.g. 2034-09-01.",
					List.of(new InvalidInput.FieldError(field, "not a date")));
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, String message) {
		try {
			return Enum.valueOf(type, text == null ? "" : text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(message, List.of(new InvalidInput.FieldError(field, "required")));
		}
	}

}
