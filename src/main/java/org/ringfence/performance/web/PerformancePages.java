package org.ringfence.performance.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.ringfence.geography.GeographyService;
import org.ringfence.performance.Area;
import org.ringfence.performance.Areas;
import org.ringfence.performance.EpicActivities;
import org.ringfence.performance.EpicMeasure;
import org.ringfence.performance.PerformanceReport;
import org.ringfence.performance.PerformanceReports;
import org.ringfence.performance.PerformanceRoles;
import org.ringfence.performance.PerformanceScope;
import org.ringfence.performance.ProblemStage;
import org.ringfence.performance.ProblemView;
import org.ringfence.performance.Problems;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Pages: the monthly report, EPIC activity entry and import, the problem-solving database. */
@Controller
class PerformancePages {

	private final PerformanceReports reports;

	private final Areas areas;

	private final EpicActivities activities;

	private final Problems problems;

	private final GeographyService geography;

	private final PerformanceScope scope;

	private final Clock clock;

	PerformancePages(PerformanceReports reports, Areas areas, EpicActivities activities, Problems problems,
			GeographyService geography, PerformanceScope scope, Clock clock) {
		this.scope = scope;
		this.reports = reports;
		this.areas = areas;
		this.activities = activities;
		this.problems = problems;
		this.geography = geography;
		this.clock = clock;
	}

	private YearMonth lastMonth() {
		return YearMonth.now(this.clock.withZone(ZoneId.of("Europe/London"))).minusMonths(1);
	}

	@GetMapping("/performance")
	@PreAuthorize(PerformanceRoles.REPORT_READERS)
	String report(@RequestParam Optional<String> month, @RequestParam Optional<String> level,
			@RequestParam Optional<String> code, Model model) {
		YearMonth m = Params.month(month, lastMonth());
		Area area = level.filter(l -> !l.isBlank()).isPresent()
				? this.areas.readable(Params.level(level, Area.Level.FORCE), code.filter(c -> !c.isBlank()))
				: this.areas.defaultFor();
		PerformanceReport report = this.reports.build(m, area);
		model.addAttribute("report", report);
		model.addAttribute("boroughs", this.geography.boroughs());
		model.addAttribute("query", "month=" + report.month() + "&level=" + area.level().name().toLowerCase(java.util.Locale.ROOT)
				+ "&code=" + java.net.URLEncoder.encode(area.code(), java.nio.charset.StandardCharsets.UTF_8));
		model.addAttribute("topDiagnostics", report.diagnostics().stream().limit(20).toList());
		return "performance/report";
	}

	@GetMapping("/performance/activity")
	@PreAuthorize(PerformanceRoles.ACTIVITY_WRITERS)
	String activityForm(@RequestParam Optional<String> ward, @RequestParam Optional<String> month, Model model) {
		YearMonth m = Params.month(month, lastMonth());
		List<String> wards = writableWards();
		String chosen = ward.filter(wards::contains).orElse(wards.isEmpty() ? null : wards.get(0));
		return activityPage(model, chosen, m, wards, null, null);
	}

	private String activityPage(Model model, String ward, YearMonth month, List<String> wards, String problem,
			String message) {
		model.addAttribute("wards", wards.stream().map(w -> new String[] { w, this.geography.wardNames().getOrDefault(w, w) }).toList());
		model.addAttribute("ward", ward);
		model.addAttribute("month", month.toString());
		model.addAttribute("measures", Arrays.asList(EpicMeasure.values()));
		java.util.Map<String, Integer> counts = new java.util.HashMap<>();
		if (ward != null) {
			this.activities.counts(ward, month)
				.stream()
				.filter(c -> c.priorityId().isEmpty())
				.forEach(c -> counts.put(c.measure(), c.count()));
		}
		model.addAttribute("counts", counts);
		model.addAttribute("problem", problem);
		model.addAttribute("message", message);
		model.addAttribute("prioritiesAvailable", this.activities.priorityLookup().isPresent());
		return "performance/activity";
	}

	/** Wards the user may enter activity for: their ward(s), their cluster's wards, or (admin) all. */
	private List<String> writableWards() {
		return this.scope.writableWards();
	}

	@PostMapping("/performance/activity")
	@PreAuthorize(PerformanceRoles.ACTIVITY_WRITERS)
	String saveActivity(@RequestParam String ward, @RequestParam String month,
			@RequestParam MultiValueMap<String, String> form, Model model) {
		YearMonth m = Params.month(Optional.of(month), lastMonth());
		List<EpicActivities.Entry> entries = new ArrayList<>();
		for (EpicMeasure measure : EpicMeasure.values()) {
			String value = Optional.ofNullable(form.getFirst("count_" + measure.code())).orElse("").strip();
			if (value.isEmpty()) {
				continue;
			}
			int count;
			try {
				count = Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				return activityPage(model, ward, m, writableWards(), measure.label() + ": enter a whole number.", null);
			}
			entries.add(new EpicActivities.Entry(ward, m, measure, Optional.empty(), count));
		}
		try {
			EpicActivities.Recorded recorded = this.activities.record(entries);
			return activityPage(model, ward, m, writableWards(), null, "Saved: " + recorded.created() + " new, "
					+ recorded.replaced() + " changed, " + recorded.unchanged() + " unchanged.");
		}
		catch (InvalidInput ex) {
			return activityPage(model, ward, m, writableWards(), ex.getMessage() + " "
					+ String.join("; ", ex.errors().stream().map(e -> e.field() + ": " + e.message()).toList()), null);
		}
	}

	@PostMapping("/performance/activity/import")
	@PreAuthorize(PerformanceRoles.ACTIVITY_WRITERS)
	String importActivity(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		List<String> wards = writableWards();
		String ward = wards.isEmpty() ? null : wards.get(0);
		if (file == null || file.isEmpty()) {
			return activityPage(model, ward, lastMonth(), wards, "Choose a CSV file.", null);
		}
		try {
			EpicActivities.Recorded recorded = this.activities.importCsv(file.getBytes());
			return activityPage(model, ward, lastMonth(), wards, null, "Imported " + recorded.rows() + " rows: "
					+ recorded.created() + " new, " + recorded.replaced() + " changed, " + recorded.unchanged() + " unchanged.");
		}
		catch (InvalidInput ex) {
			model.addAttribute("importErrors", ex.errors());
			return activityPage(model, ward, lastMonth(), wards, ex.getMessage(), null);
		}
		catch (DomainRuleViolation ex) {
			model.addAttribute("importErrors", ex.reasons().stream().map(r -> new InvalidInput.FieldError("", r)).toList());
			return activityPage(model, ward, lastMonth(), wards, ex.getMessage(), null);
		}
	}

	@GetMapping("/performance/problems")
	@PreAuthorize(PerformanceRoles.PROBLEM_READERS)
	String problems(@RequestParam Optional<String> ward, @RequestParam Optional<String> borough,
			@RequestParam Optional<String> stage, @RequestParam Optional<String> status,
			@RequestParam Optional<String> category, @RequestParam Optional<String> text,
			@RequestParam Optional<LocalDate> openedFrom, @RequestParam Optional<LocalDate> openedTo,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Problems.Page result = this.problems.search(ProblemController.filter(ward, borough, stage, status, category, text,
				openedFrom, openedTo), page, 20);
		model.addAttribute("result", result);
		model.addAttribute("stages", ProblemStage.values());
		model.addAttribute("boroughs", this.geography.boroughs());
		model.addAttribute("f", java.util.Map.of("ward", ward.orElse(""), "borough", borough.orElse(""), "stage",
				stage.orElse(""), "status", status.orElse(""), "category", category.orElse(""), "text", text.orElse(""),
				"openedFrom", openedFrom.map(Object::toString).orElse(""), "openedTo",
				openedTo.map(Object::toString).orElse("")));
		return "performance/problems";
	}

	@GetMapping("/performance/problems/{id}")
	@PreAuthorize(PerformanceRoles.PROBLEM_READERS)
	String problem(@PathVariable long id, Model model) {
		return problemPage(model, this.problems.view(id), null);
	}

	private String problemPage(Model model, ProblemView problem, String error) {
		model.addAttribute("problem", problem);
		model.addAttribute("stages", ProblemStage.values());
		model.addAttribute("error", error);
		return "performance/problem";
	}

	@PostMapping("/performance/problems/{id}/stage")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	String move(@PathVariable long id, @RequestParam String stage, @RequestParam(required = false) String reason,
			Model model) {
		try {
			ProblemStage to = ProblemStage.parse(stage).orElseThrow(() -> Params.invalid("stage", "choose a stage"));
			this.problems.move(id, to, reason, Optional.empty());
			return "redirect:/performance/problems/" + id;
		}
		catch (DomainRuleViolation | InvalidInput ex) {
			return problemPage(model, this.problems.view(id), ex.getMessage());
		}
	}

	@PostMapping("/performance/problems/{id}/partners")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	String partner(@PathVariable long id, @RequestParam String organisation, @RequestParam(required = false) String role,
			Model model) {
		return act(id, model, () -> this.problems.addPartner(id, organisation, role));
	}

	@PostMapping("/performance/problems/{id}/actions")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	String action(@PathVariable long id, @RequestParam String action, @RequestParam(required = false) String owner,
			@RequestParam Optional<LocalDate> dueOn, Model model) {
		return act(id, model, () -> this.problems.addAction(id, action, owner, dueOn));
	}

	@PostMapping("/performance/problems/{id}/actions/{actionId}/done")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	String actionDone(@PathVariable long id, @PathVariable long actionId, Model model) {
		return act(id, model, () -> this.problems.completeAction(id, actionId, Optional.empty()));
	}

	@PostMapping("/performance/problems/{id}/links")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	String link(@PathVariable long id, @RequestParam String kind, @RequestParam String refId, Model model) {
		return act(id, model, () -> {
			long ref;
			try {
				ref = Long.parseLong(refId.strip());
			}
			catch (NumberFormatException ex) {
				throw Params.invalid("refId", "enter the id as a number");
			}
			return this.problems.link(id, Problems.LinkKind.valueOf(kind), ref);
		});
	}

	@PostMapping("/performance/problems/{id}/close")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	String close(@PathVariable long id, @RequestParam String whatWasDone, @RequestParam(required = false) String whatChanged,
			Model model) {
		return act(id, model, () -> this.problems.close(id, whatWasDone, whatChanged, Optional.empty(), Optional.empty()));
	}

	private String act(long id, Model model, java.util.function.Supplier<ProblemView> change) {
		try {
			change.get();
			return "redirect:/performance/problems/" + id;
		}
		catch (DomainRuleViolation | InvalidInput ex) {
			return problemPage(model, this.problems.view(id), ex.getMessage());
		}
	}

	@GetMapping("/performance/problems/new")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	String newProblem(Model model) {
		List<String> wards = writableWards();
		model.addAttribute("wards", wards.stream().map(w -> new String[] { w, this.geography.wardNames().getOrDefault(w, w) }).toList());
		return "performance/new-problem";
	}

	@PostMapping("/performance/problems/new")
	@PreAuthorize(PerformanceRoles.PROBLEM_WRITERS)
	String openProblem(@RequestParam String ward, @RequestParam String title, @RequestParam String category,
			@RequestParam(required = false) String description, Model model) {
		try {
			ProblemView view = this.problems.open(new Problems.NewProblem(ward, title, category, description, Optional.empty()));
			return "redirect:/performance/problems/" + view.id();
		}
		catch (InvalidInput ex) {
			model.addAttribute("error", ex.getMessage());
			return newProblem(model);
		}
	}

}
