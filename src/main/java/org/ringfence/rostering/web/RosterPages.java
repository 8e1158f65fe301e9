package org.ringfence.rostering.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.rostering.RosterViews;
import org.ringfence.rostering.Rosters;
import org.ringfence.shifts.ClusterDesignOptions;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Roster pages: a cluster's rosters, and one roster as a grid (officers x days, coloured by tour,
 * with a legend), the officers on duty by hour of the week as a chart, the broken rules in words,
 * and the workbook export.
 */
@Controller
class RosterPages {

	private final Rosters rosters;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final JsonMapper json;

	private final ClusterDesignOptions designs;

	RosterPages(Rosters rosters, GeographyService geography, CurrentAccess access, JsonMapper json,
			ClusterDesignOptions designs) {
		this.rosters = rosters;
		this.geography = geography;
		this.access = access;
		this.json = json;
		this.designs = designs;
	}

	/** A grid row: the officer and their tour (or none) on each day. */
	record GridRow(RosterViews.RosterOfficer officer, List<Cell> cells, int tours) {
	}

	/** A grid cell: the tour's label (e.g. 07-15), its colour class and a title; empty for a rest day. */
	record Cell(String label, String css, String title) {
	}

	/** A day heading. */
	record Day(LocalDate date, String weekday, boolean weekend) {
	}

	@GetMapping("/rosters")
	@PreAuthorize(Roles.DRILLDOWN_READERS)
	String list(@RequestParam Optional<String> cluster, Model model) {
		List<ClusterSummary> clusters = this.geography.clusters(Optional.empty())
			.stream()
			.filter(c -> this.access.may(RosterController.READERS, this.geography.placeOfCluster(c.id())))
			.toList();
		model.addAttribute("clusters", clusters);
		model.addAttribute("cluster", cluster.orElse(null));
		if (cluster.isPresent()) {
			if (!this.access.may(RosterController.READERS, this.rosters.placeOfCluster(cluster.get()))) {
				throw new ScopeDenied("That cluster is outside your role or scope.");
			}
			model.addAttribute("rosters", this.rosters.ofCluster(cluster.get()));
		}
		return "rostering/list";
	}

	@GetMapping("/rosters/{id}")
	@PreAuthorize(Roles.DRILLDOWN_READERS)
	String roster(@PathVariable long id,
			@RequestParam Optional<Double> perOfficer,
			@RequestParam(defaultValue = "" + ClusterDesignOptions.DEFAULT_PEAK_OFFICERS) int peak,
			@RequestParam(defaultValue = "" + ClusterDesignOptions.DEFAULT_MINIMUM) int minimum, Model model) {
		if (!this.access.may(RosterController.READERS, this.rosters.placeOf(id))) {
			throw new ScopeDenied("That roster is outside your role or scope.");
		}
		RosterViews.Roster roster = this.rosters.roster(id);
		List<Day> days = new ArrayList<>();
		for (LocalDate d = roster.start(); !d.isAfter(roster.end()); d = d.plusDays(1)) {
			days.add(new Day(d, d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.UK),
					d.getDayOfWeek().getValue() >= 6));
		}
		Map<String, String> legend = new LinkedHashMap<>();
		List<GridRow> grid = new ArrayList<>();
		for (RosterViews.RosterOfficer officer : roster.officers()) {
			List<Cell> cells = new ArrayList<>();
			int tours = 0;
			for (Day day : days) {
				Optional<RosterViews.Assignment> a = roster.assignments()
					.stream()
					.filter(x -> x.personId().isPresent() && x.personId().get() == officer.personId()
							&& x.date().equals(day.date()))
					.findFirst();
				if (a.isPresent()) {
					tours++;
					String css = tourClass(a.get().start());
					legend.putIfAbsent(css, legendText(css));
					cells.add(new Cell(hh(a.get().start()) + "-" + hh(a.get().end()), css,
							a.get().date() + " " + a.get().start() + "-" + a.get().end() + ", ward " + a.get().ward()
									+ (a.get().pinned() ? " (pinned)" : "")));
				}
				else {
					cells.add(new Cell("", "rf-tour--rest", day.date() + ": rest day"));
				}
			}
			grid.add(new GridRow(officer, cells, tours));
		}
		legend.put("rf-tour--rest", "Rest day (no tour)");
		long unfilled = roster.assignments().stream().filter(a -> a.personId().isEmpty()).count();
		// officers on duty by hour of the week (average over the cycle's weeks)
		double[] onDuty = new double[168];
		for (RosterViews.Assignment a : roster.assignments()) {
			if (a.personId().isEmpty()) {
				continue;
			}
			int startHour = (a.date().getDayOfWeek().getValue() - 1) * 24 + a.start().getHour();
			for (int m = 0; m < a.lengthMinutes(); m += 60) {
				onDuty[(startHour + m / 60) % 168] += 1.0 / roster.weeks();
			}
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("onDuty", onDuty);
		// officers needed by the cluster's demand, by the shift design options' conversion
		ClusterDesignOptions.Need need = this.designs.need(roster.cluster(), perOfficer, Math.max(1, Math.min(peak, 50)),
				Math.max(0, Math.min(minimum, 50)));
		chart.put("needed", need.officers());
		model.addAttribute("need", need);
		model.addAttribute("roster", roster);
		model.addAttribute("days", days);
		model.addAttribute("grid", grid);
		model.addAttribute("legend", legend);
		model.addAttribute("unfilled", unfilled);
		model.addAttribute("hardViolations", roster.violations().stream().filter(v -> !v.level().equals("SOFT")).toList());
		model.addAttribute("softRules", roster.rules().stream().filter(r -> r.level().equals("SOFT")).toList());
		model.addAttribute("chartJson", this.json.writeValueAsString(chart));
		model.addAttribute("mayWrite", this.access.may(RosterController.WRITERS, this.rosters.placeOf(id)));
		return "rostering/roster";
	}

	@GetMapping("/rosters/{id}.xlsx")
	@PreAuthorize(Roles.DRILLDOWN_READERS)
	ResponseEntity<byte[]> workbook(@PathVariable long id) throws IOException {
		if (!this.access.may(RosterController.READERS, this.rosters.placeOf(id))) {
			throw new ScopeDenied("That roster is outside your role or scope.");
		}
		RosterViews.Roster roster = this.rosters.roster(id);
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle header = book.createCellStyle();
			Font bold = book.createFont();
			bold.setBold(true);
			header.setFont(bold);
			Sheet tours = book.createSheet("Tours");
			String[] columns = { "Date", "Start", "End", "Minutes", "Role", "Ward", "Person id", "Officer", "Pinned" };
			Row head = tours.createRow(0);
			for (int c = 0; c < columns.length; c++) {
				head.createCell(c).setCellValue(columns[c]);
				head.getCell(c).setCellStyle(header);
			}
			int r = 1;
			for (RosterViews.Assignment a : roster.assignments()) {
				Row row = tours.createRow(r++);
				row.createCell(0).setCellValue(a.date().toString());
				row.createCell(1).setCellValue(a.start().toString());
				row.createCell(2).setCellValue(a.end().toString());
				row.createCell(3).setCellValue(a.lengthMinutes());
				row.createCell(4).setCellValue(a.role());
				row.createCell(5).setCellValue(a.ward());
				if (a.personId().isPresent()) {
					row.createCell(6).setCellValue(a.personId().get());
				}
				row.createCell(7).setCellValue(a.officer().orElse("UNFILLED"));
				row.createCell(8).setCellValue(a.pinned() ? "yes" : "no");
			}
			Sheet rules = book.createSheet("Violations");
			String[] ruleColumns = { "Rule", "Level", "Officer", "Dates", "Detail", "Penalty" };
			Row ruleHead = rules.createRow(0);
			for (int c = 0; c < ruleColumns.length; c++) {
				ruleHead.createCell(c).setCellValue(ruleColumns[c]);
				ruleHead.getCell(c).setCellStyle(header);
			}
			r = 1;
			for (RosterViews.Violation v : roster.violations()) {
				Row row = rules.createRow(r++);
				row.createCell(0).setCellValue(v.rule());
				row.createCell(1).setCellValue(v.level());
				row.createCell(2).setCellValue(v.officer().orElse(""));
				row.createCell(3).setCellValue(String.join(" ", v.dates().stream().map(LocalDate::toString).toList()));
				row.createCell(4).setCellValue(v.detail());
				row.createCell(5).setCellValue(v.penalty());
			}
			book.write(out);
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"roster-" + id + ".xlsx\"")
				.body(out.toByteArray());
		}
	}

	static String hh(LocalTime time) {
		return time.getMinute() == 0 ? String.format("%02d", time.getHour())
				: String.format("%02d:%02d", time.getHour(), time.getMinute());
	}

	/** Tours coloured by when they start: early (before 10), day (10-13), late (14-17), evening (18-21), night. */
	static String tourClass(LocalTime start) {
		int h = start.getHour();
		return h >= 5 && h < 10 ? "rf-tour--early" : h >= 10 && h < 14 ? "rf-tour--day" : h >= 14 && h < 18 ? "rf-tour--late"
				: h >= 18 && h < 22 ? "rf-tour--evening" : "rf-tour--night";
	}

	static String legendText(String css) {
		return switch (css) {
			case "rf-tour--early" -> "Early tour (starts 05:00-09:59)";
			case "rf-tour--day" -> "Day tour (starts 10:00-13:59)";
			case "rf-tour--late" -> "Late tour (starts 14:00-17:59)";
			case "rf-tour--evening" -> "Evening tour (starts 18:00-21:59)";
			default -> "Night tour (starts 22:00-04:59)";
		};
	}

}
