package org.ringfence.duties.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.ringfence.duties.AbstractionReport;
import org.ringfence.duties.AbstractionReport.Summary;
import org.ringfence.duties.AbstractionReports;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.DutyService;
import org.ringfence.duties.NewDuty;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The abstraction dashboards and the drill-down page. */
@Controller
class ReportPages {

	static final int TREND_MONTHS = 6;

	private final AbstractionReports reports;

	private final DutyService duties;

	private final CurrentAccess access;

	private final JsonMapper json;

	private final org.ringfence.geography.GeographyService geography;

	ReportPages(AbstractionReports reports, DutyService duties, CurrentAccess access, JsonMapper json,
			org.ringfence.geography.GeographyService geography) {
		this.geography = geography;
		this.reports = reports;
		this.duties = duties;
		this.access = access;
		this.json = json;
	}

	/** The borough dashboard (a force-wide user may leave the borough out for London). */
	@GetMapping("/reports/abstraction")
	@PreAuthorize(Roles.REPORT_READERS)
	String dashboard(@RequestParam Optional<String> borough, @RequestParam Optional<String> month, Model model) {
		YearMonth selected = month(month);
		Optional<String> scoped = this.access.boroughOrLondon(borough);
		List<Map<String, Object>> trend = new ArrayList<>();
		TreeSet<String> types = new TreeSet<>();
		AbstractionReport current = null;
		for (int i = TREND_MONTHS - 1; i >= 0; i--) {
			YearMonth m = selected.minusMonths(i);
			AbstractionReport report = this.reports.report(m.atDay(1), m.atEndOfMonth(), DutyKind.ACTUAL, scoped);
			Summary total = scoped.flatMap(b -> report.boroughs().stream().filter(s -> s.code().equals(b)).findFirst())
				.orElse(report.force());
			Map<String, Object> point = new LinkedHashMap<>();
			point.put("month", m.toString());
			point.put("visibility", total.visibility());
			point.put("dutyHours", total.dutyMinutes() / 60);
			Map<String, Long> hours = new LinkedHashMap<>();
			total.minutesByType().forEach((type, minutes) -> hours.put(type, minutes / 60));
			point.put("hoursByType", hours);
			types.addAll(total.minutesByType().keySet());
			trend.add(point);
			if (i == 0) {
				current = report;
			}
		}
		AbstractionReport report = current;
		Summary total = scoped.flatMap(b -> report.boroughs().stream().filter(s -> s.code().equals(b)).findFirst())
			.orElse(report.force());
		Map<String, Double> wardVisibility = new LinkedHashMap<>();
		report.teams().forEach(t -> wardVisibility.put(t.code(), t.visibility()));
		model.addAttribute("report", report);
		model.addAttribute("total", total);
		model.addAttribute("borough", scoped.orElse(null));
		model.addAttribute("scopeName", scoped.map(b -> this.geography.borough(b).name()).orElse("London"));
		model.addAttribute("month", selected.toString());
		model.addAttribute("monthName", selected.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK)
				+ " " + selected.getYear());
		model.addAttribute("previousMonth", selected.minusMonths(1).toString());
		model.addAttribute("nextMonth", selected.plusMonths(1).toString());
		model.addAttribute("teams", report.teams().stream()
			.sorted(java.util.Comparator.comparingDouble(Summary::visibility))
			.toList());
		model.addAttribute("chartJson", org.ringfence.platform.web.ScriptJson.safe(this.json.writeValueAsString(Map.of("trend", trend, "types", types))));
		model.addAttribute("visibilityJson", this.json.writeValueAsString(wardVisibility));
		return "reports/dashboard";
	}

	/** The duty records behind one team's figure. */
	@GetMapping("/reports/abstraction/duties")
	@PreAuthorize(Roles.DRILLDOWN_READERS)
	String drilldown(@RequestParam String ward, @RequestParam Optional<String> month, @RequestParam Optional<String> type,
			Model model) {
		YearMonth selected = month(month);
		Place place = this.duties.placeOfWard(ward);
		this.access.require(place);
		model.addAttribute("rows", this.reports.drilldown(selected.atDay(1), selected.atEndOfMonth(), DutyKind.ACTUAL,
				ward, type));
		model.addAttribute("ward", ward);
		model.addAttribute("borough", place.boroughCode());
		model.addAttribute("type", type.orElse(null));
		model.addAttribute("month", selected.toString());
		model.addAttribute("london", NewDuty.LONDON);
		return "reports/drilldown";
	}


	/** The month asked for, or the last complete month. */
	static YearMonth month(Optional<String> month) {
		if (month.isEmpty() || month.get().isBlank()) {
			return YearMonth.from(LocalDate.now(NewDuty.LONDON)).minusMonths(1);
		}
		try {
			return YearMonth.parse(month.get());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("month must look like 2026-10.", List.of(new InvalidInput.FieldError("month", "not a month")));
		}
	}

}
