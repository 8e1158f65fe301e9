package org.ringfence.demand.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ringfence.demand.CategoryWeights;
import org.ringfence.demand.DemandImports;
import org.ringfence.demand.DemandProfile;
import org.ringfence.demand.DemandProfiles;
import org.ringfence.demand.ImportJob;
import org.ringfence.demand.ImportKind;
import org.ringfence.demand.ImportUpload;
import org.ringfence.demand.LocalFactors;
import org.ringfence.demand.WardRank;
import org.ringfence.demand.domain.DemandKind;
import org.ringfence.demand.domain.LocalFactorKind;
import org.ringfence.demand.domain.Period;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.RingfenceUser;
import org.ringfence.identity.Roles;
import org.ringfence.identity.Scope;
import org.ringfence.identity.ScopeType;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
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

/** Demand pages: profiles (heatmap, months, map, ranking), imports with progress, local factors, weights. */
@Controller
class DemandPages {

	/** Wards listed under the London map, most demand first. */
	static final int RANKING_ROWS = 50;

	private final DemandProfiles profiles;

	private final DemandImports imports;

	private final LocalFactors factors;

	private final CategoryWeights weights;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final JsonMapper json;

	DemandPages(DemandProfiles profiles, DemandImports imports, LocalFactors factors, CategoryWeights weights,
			GeographyService geography, CurrentAccess access, JsonMapper json) {
		this.profiles = profiles;
		this.imports = imports;
		this.factors = factors;
		this.weights = weights;
		this.geography = geography;
		this.access = access;
		this.json = json;
	}

	// ------------------------------------------------------------------ profiles

	@GetMapping("/demand")
	@PreAuthorize(Roles.DEMAND_READERS)
	String profile(@RequestParam Optional<String> ward, @RequestParam Optional<String> cluster,
			@RequestParam Optional<String> borough, @RequestParam Optional<String> from, @RequestParam Optional<String> to,
			@RequestParam(defaultValue = "all") String kind, @RequestParam Optional<String> place, Model model) {
		Optional<String> w = DemandController.blankless(ward);
		Optional<String> c = DemandController.blankless(cluster);
		Optional<String> b = DemandController.blankless(borough);
		if (place.isPresent()) {
			String chosen = place.get().strip();
			w = Optional.empty();
			c = Optional.empty();
			b = chosen.isEmpty() || chosen.equals("london") ? Optional.empty() : Optional.of(chosen);
		}
		else if (w.isEmpty() && c.isEmpty() && b.isEmpty()) {
			Optional<Scope> own = ownScope();
			if (own.isPresent()) {
				switch (own.get().type()) {
					case WARD -> w = Optional.of(own.get().code());
					case CLUSTER -> c = Optional.of(own.get().code());
					case BOROUGH -> b = Optional.of(own.get().code());
					default -> {
					}
				}
			}
		}
		DemandProfiles.Place where = this.profiles.place(w, c, b);
		Period period = this.profiles.period(date(from, "from"), date(to, "to"));
		DemandKind demandKind = DemandController.kind(kind);
		DemandProfile profile = this.profiles.profile(where, period, demandKind);
		String boroughCode = switch (where.scope().type()) {
			case "borough" -> where.scope().code();
			case "cluster" -> this.geography.cluster(where.scope().code()).boroughCode();
			case "ward" -> this.geography.placeOfWard(where.scope().code()).boroughCode();
			default -> null;
		};
		List<WardRank> ranking = this.profiles.ranking(Optional.ofNullable(boroughCode), period, demandKind);
		Map<String, Double> wardTotals = new LinkedHashMap<>();
		ranking.forEach(r -> wardTotals.put(r.wardCode(), r.total()));
		model.addAttribute("profile", profile);
		model.addAttribute("kind", demandKind.code());
		model.addAttribute("kinds", List.of(DemandKind.values()).stream().map(DemandKind::code).toList());
		model.addAttribute("from", period.from());
		model.addAttribute("to", period.to());
		model.addAttribute("boroughs", this.geography.boroughs());
		model.addAttribute("borough", boroughCode);
		model.addAttribute("clusters", boroughCode == null ? List.of() : this.geography.clusters(Optional.of(boroughCode)));
		model.addAttribute("wardNames", this.geography.wardNames());
		model.addAttribute("ranking", boroughCode == null ? ranking.subList(0, Math.min(RANKING_ROWS, ranking.size()))
				: ranking);
		model.addAttribute("rankingAll", ranking.size());
		model.addAttribute("synthetic", profile.records().getOrDefault("cad-synthetic", 0L));
		model.addAttribute("realCalls", profile.records().getOrDefault("cad", 0L));
		model.addAttribute("metCounts", profile.records().getOrDefault("mps", 0L));
		model.addAttribute("policeUk", profile.records().getOrDefault("police-uk", 0L));
		model.addAttribute("days", List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"));
		model.addAttribute("chartJson", this.json.writeValueAsString(Map.of("hourOfWeek", profile.hourOfWeek(), "byMonth",
				profile.byMonth(), "kind", demandKind.code())));
		model.addAttribute("wardTotalsJson", this.json.writeValueAsString(wardTotals));
		model.addAttribute("mapUrl", boroughCode == null ? "/api/v1/wards/map" : "/api/v1/boroughs/" + boroughCode + "/map");
		model.addAttribute("highlight", "ward".equals(where.scope().type()) ? where.scope().code() : null);
		return "demand/profile";
	}

	/** The user's own ward, cluster or borough (the first), for the page's default. */
	private Optional<Scope> ownScope() {
		RingfenceUser user = this.access.user();
		if (user.hasForceScope()) {
			return Optional.empty();
		}
		return user.scopes()
			.stream()
			.filter(s -> s.type() == ScopeType.BOROUGH || s.type() == ScopeType.CLUSTER || s.type() == ScopeType.WARD)
			.sorted(java.util.Comparator.comparing(Scope::code))
			.findFirst();
	}

	static Optional<LocalDate> date(Optional<String> text, String field) {
		Optional<String> value = DemandController.blankless(text);
		try {
			return value.map(LocalDate::parse);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput(field + " must be a date like 2021-04-01.", List.of(new InvalidInput.FieldError(field,
					"not a date")));
		}
	}

	// ------------------------------------------------------------------ imports

	@GetMapping("/demand/imports")
	@PreAuthorize(Roles.DEMAND_IMPORTERS)
	String imports(Model model) {
		model.addAttribute("jobs", this.imports.recent(20));
		model.addAttribute("kinds", ImportKind.values());
		return "demand/imports";
	}

	@PostMapping("/demand/imports")
	@PreAuthorize(Roles.DEMAND_IMPORTERS)
	String startImport(@RequestParam String kind, @RequestParam(required = false) List<MultipartFile> files,
			@RequestParam(required = false) String columns, Model model) throws IOException {
		ImportKind importKind;
		try {
			importKind = ImportKind.of(kind);
		}
		catch (IllegalArgumentException ex) {
			return importProblem(model, "Choose what the files hold.", kind, columns);
		}
		List<ImportUpload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				if (file.isEmpty()) {
					continue;
				}
				try (InputStream in = file.getInputStream()) {
					uploads.add(this.imports.receive(Uploads.safeName(file.getOriginalFilename()), in));
				}
			}
		}
		try {
			ImportJob job = this.imports.submit(importKind, uploads, columns);
			return "redirect:/demand/imports/" + job.jobId();
		}
		catch (InvalidInput ex) {
			return importProblem(model, ex.getMessage(), kind, columns);
		}
		catch (DomainRuleViolation ex) {
			return importProblem(model, ex.getMessage(), kind, columns);
		}
	}

	private String importProblem(Model model, String problem, String kind, String columns) {
		model.addAttribute("problem", problem);
		model.addAttribute("chosenKind", kind);
		model.addAttribute("columns", columns);
		return imports(model);
	}

	@GetMapping("/demand/imports/{id}")
	@PreAuthorize(Roles.DEMAND_IMPORTERS)
	String job(@PathVariable UUID id, Model model) {
		model.addAttribute("job", this.imports.job(id));
		return "demand/job";
	}

	/** The job's status and report alone, for the page to poll (htmx) while the job runs. */
	@GetMapping("/demand/imports/{id}/status")
	@PreAuthorize(Roles.DEMAND_IMPORTERS)
	String jobStatus(@PathVariable UUID id, Model model) {
		model.addAttribute("job", this.imports.job(id));
		return "demand/job :: status";
	}

	// ------------------------------------------------------------------ local factors

	@GetMapping("/demand/factors")
	@PreAuthorize(Roles.DEMAND_READERS)
	String factors(@RequestParam Optional<String> borough, Model model) {
		Optional<String> chosen = DemandController.blankless(borough).or(() -> ownScope().map(s -> switch (s.type()) {
			case BOROUGH -> s.code();
			case CLUSTER -> this.geography.cluster(s.code()).boroughCode();
			default -> this.geography.placeOfWard(s.code()).boroughCode();
		}));
		model.addAttribute("boroughs", this.geography.boroughs());
		model.addAttribute("kinds", LocalFactorKind.values());
		if (chosen.isPresent()) {
			String code = chosen.get();
			model.addAttribute("borough", this.geography.borough(code));
			model.addAttribute("wards", this.geography.wards(Optional.of(code)));
			model.addAttribute("factors", this.factors.list(Optional.empty(), Optional.of(code)));
			model.addAttribute("mayEdit", this.access.may(java.util.EnumSet.of(org.ringfence.identity.Role.ADMIN,
					org.ringfence.identity.Role.SUPERINTENDENT, org.ringfence.identity.Role.SMT_LEAD),
					org.ringfence.identity.Place.borough(code)));
		}
		model.addAttribute("wardNames", this.geography.wardNames());
		return "demand/factors";
	}

	@PostMapping("/demand/factors")
	@PreAuthorize(Roles.LOCAL_FACTOR_EDITORS)
	String addFactor(@RequestParam String wardCode, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String description, @RequestParam(required = false) String weight,
			Model model, RedirectAttributes redirect) {
		String borough = this.geography.placeOfWard(wardCode).boroughCode();
		try {
			this.factors.add(wardCode, kind, description, number(weight));
		}
		catch (InvalidInput ex) {
			return factorProblem(model, borough, ex);
		}
		redirect.addFlashAttribute("done", "Local factor added.");
		return "redirect:/demand/factors?borough=" + borough;
	}

	@PostMapping("/demand/factors/{id}")
	@PreAuthorize(Roles.LOCAL_FACTOR_EDITORS)
	String changeFactor(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String description, @RequestParam(required = false) String weight,
			Model model, RedirectAttributes redirect) {
		String borough = this.factors.get(id).boroughCode();
		try {
			this.factors.change(id, version, kind, description, number(weight));
		}
		catch (InvalidInput ex) {
			return factorProblem(model, borough, ex);
		}
		catch (DomainRuleViolation ex) {
			model.addAttribute("problem", ex.getMessage());
			return factors(Optional.of(borough), model);
		}
		redirect.addFlashAttribute("done", "Local factor changed.");
		return "redirect:/demand/factors?borough=" + borough;
	}

	@PostMapping("/demand/factors/{id}/remove")
	@PreAuthorize(Roles.LOCAL_FACTOR_EDITORS)
	String removeFactor(@PathVariable long id, @RequestParam int version, Model model, RedirectAttributes redirect) {
		String borough = this.factors.get(id).boroughCode();
		try {
			this.factors.remove(id, version);
		}
		catch (DomainRuleViolation ex) {
			model.addAttribute("problem", ex.getMessage());
			return factors(Optional.of(borough), model);
		}
		redirect.addFlashAttribute("done", "Local factor removed.");
		return "redirect:/demand/factors?borough=" + borough;
	}

	private String factorProblem(Model model, String borough, InvalidInput ex) {
		model.addAttribute("problem", ex.getMessage());
		model.addAttribute("errors", ex.errors());
		return factors(Optional.of(borough), model);
	}

	static BigDecimal number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput("The weight is not a number.", List.of(new InvalidInput.FieldError("weight",
					"give a number, e.g. 10 or 2.5")));
		}
	}

	// ------------------------------------------------------------------ weights

	@GetMapping("/demand/weights")
	@PreAuthorize(Roles.DEMAND_READERS)
	String weights(Model model) {
		model.addAttribute("categories", this.weights.weights());
		return "demand/weights";
	}

	@PostMapping("/demand/weights")
	@PreAuthorize(Roles.ADMIN)
	String setWeight(@RequestParam String category, @RequestParam(required = false) String weight, Model model,
			RedirectAttributes redirect) {
		try {
			this.weights.set(category, number(weight));
		}
		catch (InvalidInput ex) {
			model.addAttribute("problem", ex.getMessage() + " " + ex.errors().stream()
				.map(InvalidInput.FieldError::message)
				.reduce((a, b) -> a + "; " + b)
				.orElse(""));
			model.addAttribute("problemCategory", category);
			return weights(model);
		}
		redirect.addFlashAttribute("done", "The weight of " + category + " is now " + weight.strip() + ".");
		return "redirect:/demand/weights";
	}

}
