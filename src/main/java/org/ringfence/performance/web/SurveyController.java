package org.ringfence.performance.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.ringfence.performance.Area;
import org.ringfence.performance.PerformanceRoles;
import org.ringfence.performance.SurveyOutcome;
import org.ringfence.performance.Surveys;
import org.ringfence.performance.domain.Quarter;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/performance/surveys")
@Tag(name = "Performance: survey outcomes", description = "Quarterly public attitude survey results and significance flags")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
class SurveyController {

	private final Surveys surveys;

	SurveyController(Surveys surveys) {
		this.surveys = surveys;
	}

	record OutcomesView(String level, String code, String period, String rule, List<SurveyOutcome> outcomes) {
	}

	@GetMapping
	@PreAuthorize(PerformanceRoles.REPORT_READERS)
	@Operation(operationId = "performanceSurveyOutcomes", summary = "Survey outcomes of an area for a quarter, flagged quarter on quarter and year on year",
			description = "level=force|bcu|borough|ward (default force), code= (BCU name, borough or ward code), "
					+ "period=2024-Q1 (default the latest held). Force and BCU figures pool their boroughs' samples.")
	@ApiResponse(responseCode = "200", description = "The outcomes")
	@ApiResponse(responseCode = "404", description = "No such area")
	OutcomesView outcomes(@RequestParam Optional<String> level, @RequestParam Optional<String> code,
			@RequestParam Optional<String> period) {
		Area.Level l = Params.level(level, Area.Level.FORCE);
		Optional<Quarter> q;
		try {
			q = period.filter(p -> !p.isBlank()).map(Quarter::parse);
		}
		catch (IllegalArgumentException ex) {
			throw Params.invalid("period", "period must look like 2024-Q1");
		}
		List<SurveyOutcome> outcomes = this.surveys.outcomes(l, code, q);
		return new OutcomesView(l.name(), code.orElse("MPS"), outcomes.isEmpty() ? "" : outcomes.get(0).period(),
				this.surveys.rule(), outcomes);
	}

	@PostMapping("/import")
	@PreAuthorize(PerformanceRoles.SURVEY_IMPORTERS)
	@Operation(operationId = "performanceSurveyImportCsv", summary = "Import quarterly survey results from CSV (all or nothing, idempotent)",
			description = "Columns: period (2024-Q1), area_code (borough E09... or sampled ward E05...), question "
					+ "(satisfaction, asb_concern, feel_safe, understand_priorities, deal_with_priorities, know_ward_officer), "
					+ "sample_size, and positives or proportion (0..1 or 62.5%). A row replaces the result of the same "
					+ "period, area and question. Any problem rejects the file with every problem by line and column.")
	@ApiResponse(responseCode = "200", description = "Imported")
	Surveys.Imported importCsv(HttpServletRequest request) throws IOException {
		return this.surveys.importCsv(ActivityController.body(request, "file"));
	}

}
