package org.ringfence.duties.web;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.ringfence.duties.AbstractionReport;
import org.ringfence.duties.AbstractionReport.Summary;
import org.ringfence.duties.AbstractionReports;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.DutyService;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardDetail;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One ward team's dashboard: its visibility by month, time away by type, flex given and
 * received, each month's figures taken from the team's row of the borough's abstraction report
 * (the same report the API and the borough dashboard serve), with links to the duty records
 * behind them for those who may see names.
 */
@Controller
class WardReportPage {

	/** The most months one dashboard shows. */
	static final int MAX_MONTHS = 12;

	private final AbstractionReports reports;

	private final DutyService duties;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final JsonMapper json;

	WardReportPage(AbstractionReports reports, DutyService duties, GeographyService geography, CurrentAccess access,
			JsonMapper json) {
		this.reports = reports;
		this.duties = duties;
		this.geography = geography;
		this.access = access;
		this.json = json;
	}

	/** One month of the team's figures. */
	public record MonthFigures(String month, String monthName, Summary team, double boroughVisibility) {

		public double abstractedShare() {
			return this.team.dutyMinutes() == 0 ? 0 : (double) this.team.abstractedMinutes() / this.team.dutyMinutes();
		}

	}

	/** Minutes of one type in the selected month, with their share of duty time. */
	public record TypeFigure(String type, long minutes, double shareOfDuty) {
	}

	@GetMapping("/reports/abstraction/wards/{ward}")
	@PreAuthorize(Roles.REPORT_READERS)
	String ward(@PathVariable String ward, @RequestParam Optional<String> month, @RequestParam Optional<Integer> months,
			Model model) {
		YearMonth selected = ReportPages.month(month);
		int span = months.orElse(ReportPages.TREND_MONTHS);
		if (span < 1 || span > MAX_MONTHS) {
			throw new InvalidInput("months must be 1 to " + MAX_MONTHS + ".",
					List.of(new InvalidInput.FieldError("months", "1 to " + MAX_MONTHS)));
		}
		Place place = this.duties.placeOfWard(ward);
		this.access.require(place);
		WardDetail detail = this.geography.ward(ward);
		List<MonthFigures> figures = new ArrayList<>();
		List<Map<String, Object>> trend = new ArrayList<>();
		TreeSet<String> types = new TreeSet<>();
		for (int i = span - 1; i >= 0; i--) {
			YearMonth m = selected.minusMonths(i);
			AbstractionReport report = this.reports.report(m.atDay(1), m.atEndOfMonth(), DutyKind.ACTUAL,
					Optional.of(place.boroughCode()));
			Summary team = report.teams()
				.stream()
				.filter(t -> t.code().equals(ward))
				.findFirst()
				.orElse(new Summary("team", ward, detail.name(), 0, 0, 0, Map.of(), 0, 0, 0));
			double borough = report.boroughs()
				.stream()
				.filter(b -> b.code().equals(place.boroughCode()))
				.findFirst()
				.map(Summary::visibility)
				.orElse(0.0);
			figures.add(new MonthFigures(m.toString(), name(m), team, borough));
			trend.add(point(m, team, borough));
			types.addAll(team.minutesByType().keySet());
		}
		MonthFigures current = figures.get(figures.size() - 1);
		Summary team = current.team();
		List<TypeFigure> byType = team.minutesByType()
			.entrySet()
			.stream()
			.map(e -> new TypeFigure(e.getKey(), e.getValue(),
					team.dutyMinutes() == 0 ? 0 : (double) e.getValue() / team.dutyMinutes()))
			.sorted(Comparator.comparingLong(TypeFigure::minutes).reversed().thenComparing(TypeFigure::type))
			.toList();
		model.addAttribute("ward", detail);
		model.addAttribute("month", selected.toString());
		model.addAttribute("monthName", name(selected));
		model.addAttribute("months", span);
		model.addAttribute("previousMonth", selected.minusMonths(1).toString());
		model.addAttribute("nextMonth", selected.plusMonths(1).toString());
		model.addAttribute("current", current);
		model.addAttribute("team", team);
		model.addAttribute("figures", figures);
		model.addAttribute("byType", byType);
		// inside a script element: no "</" may end it early
		model.addAttribute("chartJson",
				this.json.writeValueAsString(Map.of("trend", trend, "types", types)).replace("</", "<\\/"));
		return "reports/ward";
	}

	private static Map<String, Object> point(YearMonth month, Summary team, double boroughVisibility) {
		Map<String, Object> point = new LinkedHashMap<>();
		point.put("month", month.toString());
		point.put("visibility", team.visibility());
		point.put("boroughVisibility", boroughVisibility);
		point.put("dutyHours", team.dutyMinutes() / 60);
		Map<String, Long> hours = new LinkedHashMap<>();
		team.minutesByType().forEach((type, minutes) -> hours.put(type, minutes / 60));
		point.put("hoursByType", hours);
		point.put("dutyMinutes", team.dutyMinutes());
		point.put("ownWardMinutes", team.ownWardMinutes());
		point.put("abstractedMinutes", team.abstractedMinutes());
		point.put("flexGivenMinutes", team.flexGivenMinutes());
		point.put("flexReceivedMinutes", team.flexReceivedMinutes());
		point.put("minutesByType", new java.util.TreeMap<>(team.minutesByType()));
		return point;
	}

	private static String name(YearMonth month) {
		return month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear();
	}

}
