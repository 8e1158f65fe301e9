package org.ringfence.shifts.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.geography.GeographyService;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.platform.InvalidInput;
import org.ringfence.shifts.ClusterDesignOptions;
import org.ringfence.shifts.NewShiftPattern;
import org.ringfence.shifts.PatternShift;
import org.ringfence.shifts.RosterRole;
import org.ringfence.shifts.ShiftPattern;
import org.ringfence.shifts.ShiftPatterns;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A cluster's shift design options page: its demand turned into officers needed per hour of the
 * week (the rule stated on the page, its two numbers set by query parameters), the four options
 * designed against it (each with a coverage chart, officer-hours short, evening and weekend
 * coverage, 16/7 met or not, and its shifts), and a form to save an option as the cluster's pattern.
 * Who sees it: the planning roles of the shift-design API (admin, analyst, superintendent, SMT lead,
 * inspector, sergeant, resource office) whose scope covers the cluster; who saves: the SMT lead or
 * inspector covering the cluster, or admin (as the patterns API).
 */
@Controller
class ClusterOptionsPage {

	static final int MIN_SECONDS = 1;

	static final int MAX_SECONDS = 10;

	private final ClusterDesignOptions designs;

	private final ShiftPatterns patterns;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final JsonMapper json;

	ClusterOptionsPage(ClusterDesignOptions designs, ShiftPatterns patterns, GeographyService geography,
			CurrentAccess access, JsonMapper json) {
		this.designs = designs;
		this.patterns = patterns;
		this.geography = geography;
		this.access = access;
		this.json = json;
	}

	/** The page's settings as given (query parameters), with their defaults. */
	public record Form(Double perOfficer, int peak, int minimum, double weight, boolean sixteenSeven, int fromHour, int toHour,
			int seconds) {

		public Map<String, Object> query() {
			Map<String, Object> q = new LinkedHashMap<>();
			if (this.perOfficer != null) {
				q.put("perOfficer", this.perOfficer);
			}
			q.put("peak", this.peak);
			q.put("minimum", this.minimum);
			q.put("weight", this.weight);
			q.put("sixteenSeven", this.sixteenSeven);
			q.put("fromHour", this.fromHour);
			q.put("toHour", this.toHour);
			q.put("seconds", this.seconds);
			return q;
		}

		public String describe() {
			return "officers = max(" + this.minimum + ", ceil(demand per hour / "
					+ (this.perOfficer == null ? "(busiest hour's demand / " + this.peak + ")" : this.perOfficer)
					+ ")); evening/weekend weight "
					+ this.weight + "; " + (this.sixteenSeven ? "16/7 minimum " + this.fromHour + ":00-" + this.toHour + ":00"
							: "no 16/7 minimum");
		}

	}

	@GetMapping("/shifts/clusters/{clusterId}")
	@PreAuthorize(Roles.PEOPLE_LISTERS)
	String options(@PathVariable String clusterId,
			@RequestParam Optional<Double> perOfficer,
			@RequestParam(defaultValue = "" + ClusterDesignOptions.DEFAULT_PEAK_OFFICERS) int peak,
			@RequestParam(defaultValue = "" + ClusterDesignOptions.DEFAULT_MINIMUM) int minimum,
			@RequestParam(defaultValue = "2") double weight, @RequestParam(defaultValue = "true") boolean sixteenSeven,
			@RequestParam(defaultValue = "7") int fromHour, @RequestParam(defaultValue = "23") int toHour,
			@RequestParam(defaultValue = "2") int seconds, Model model) {
		this.access.require(this.geography.placeOfCluster(clusterId));
		if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
			throw new InvalidInput("seconds must be between 1 and 10",
					List.of(new InvalidInput.FieldError("seconds", "Enter 1 to 10 seconds per option")));
		}
		if (minimum > 50 || peak > 50) {
			throw new InvalidInput("the minimum and the busiest hour's officers are at most 50",
					List.of(new InvalidInput.FieldError("minimum/peak", "Enter 0 to 50 officers")));
		}
		Form form = new Form(perOfficer.orElse(null), peak, minimum, weight, sixteenSeven, fromHour, toHour, seconds);
		ClusterDesignOptions.Need need = this.designs.need(clusterId, perOfficer, peak, minimum);
		List<ClusterDesignOptions.Option> options = this.designs.options(need, new ClusterDesignOptions.Settings(weight,
				sixteenSeven ? fromHour : null, sixteenSeven ? toHour : null, 1, seconds * 1000L));
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("needed", need.officers());
		chart.put("demand", round(need.demandPerWeek()));
		Map<String, int[]> onDuty = new LinkedHashMap<>();
		options.forEach(o -> onDuty.put(o.key(), o.onDuty()));
		chart.put("onDuty", onDuty);
		model.addAttribute("cluster", need.cluster());
		model.addAttribute("boroughName", this.geography.borough(need.cluster().boroughCode()).name());
		model.addAttribute("need", need);
		model.addAttribute("peak", java.util.Arrays.stream(need.officers()).max().orElse(0));
		model.addAttribute("neededHours", java.util.Arrays.stream(need.officers()).sum());
		model.addAttribute("options", options);
		model.addAttribute("form", form);
		model.addAttribute("days", List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"));
		model.addAttribute("chartJson", this.json.writeValueAsString(chart));
		model.addAttribute("maySave", this.access.may(ShiftPatternController.SAVERS,
				this.geography.placeOfCluster(clusterId)));
		model.addAttribute("patterns", this.patterns.forCluster(clusterId));
		model.addAttribute("defaultName", LocalDate.now(java.time.ZoneId.of("Europe/London")).toString());
		return "shifts/options";
	}

	@PostMapping("/shifts/clusters/{clusterId}/patterns")
	@PreAuthorize(Roles.PEOPLE_LISTERS)
	String save(@PathVariable String clusterId, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String option, @RequestParam(defaultValue = "") String settings,
			@RequestParam(name = "shift", required = false) List<String> shifts,
			@RequestParam Map<String, String> all, RedirectAttributes redirect) {
		if (!this.access.may(ShiftPatternController.SAVERS, this.geography.placeOfCluster(clusterId))) {
			throw new ScopeDenied("Only the SMT lead or inspector covering the cluster, or admin, saves its pattern.");
		}
		List<PatternShift> read = read(shifts);
		String description = "Designed on the cluster design options page: option " + option + " ("
				+ (settings.length() > 300 ? settings.substring(0, 300) : settings) + "). Constable tours only.";
		UriComponentsBuilder back = UriComponentsBuilder.fromPath("/shifts/clusters/{id}");
		for (String key : List.of("perOfficer", "peak", "minimum", "weight", "sixteenSeven", "fromHour", "toHour", "seconds")) {
			Optional.ofNullable(all.get(key)).filter(v -> v.matches("[0-9.a-z]{1,10}")).ifPresent(v -> back.queryParam(key, v));
		}
		try {
			ShiftPattern saved = this.patterns.save(new NewShiftPattern(clusterId, name.strip(), description, read));
			// flash attributes live in the (JDBC) session: plain serialisable values only
			redirect.addFlashAttribute("savedPatternId", saved.id());
			redirect.addFlashAttribute("savedPatternName", saved.name());
		}
		catch (InvalidInput ex) {
			redirect.addFlashAttribute("saveError", ex.errors().isEmpty() ? ex.getMessage() : ex.errors().get(0).message());
		}
		return "redirect:" + back.buildAndExpand(clusterId).toUriString();
	}

	/** Shifts as the form posts them: "HH:MM/minutes/7 numbers comma-separated, Monday first". */
	static List<PatternShift> read(List<String> shifts) {
		List<PatternShift> result = new ArrayList<>();
		for (String s : shifts == null ? List.<String>of() : shifts) {
			String[] parts = s.split("/");
			try {
				if (parts.length != 3) {
					throw new IllegalArgumentException("three parts");
				}
				String[] days = parts[2].split(",");
				int[] workers = new int[days.length];
				for (int d = 0; d < days.length; d++) {
					workers[d] = Integer.parseInt(days[d].strip());
				}
				result.add(new PatternShift(LocalTime.parse(parts[0]), Integer.parseInt(parts[1]), RosterRole.CONSTABLE,
						workers));
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				throw new InvalidInput("a shift of the form cannot be read",
						List.of(new InvalidInput.FieldError("shift", "Each shift is HH:MM/minutes/7 numbers: " + s)));
			}
		}
		return result;
	}

	static double[] round(double[] values) {
		double[] rounded = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			rounded[i] = Math.round(values[i] * 100) / 100.0;
		}
		return rounded;
	}

}
