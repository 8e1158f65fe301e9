package org.ringfence.allocation.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ringfence.allocation.SaferSchools;
import org.ringfence.allocation.SchoolAllocation;
import org.ringfence.allocation.SchoolCriterion;
import org.ringfence.allocation.SchoolImportReport;
import org.ringfence.allocation.SchoolRankingRequest;
import org.ringfence.allocation.SchoolRecord;
import org.ringfence.allocation.SchoolReview;
import org.ringfence.allocation.domain.SchoolRanking.Direction;
import org.ringfence.allocation.domain.SchoolRanking.Normalisation;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.web.Uploads;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

@RestController
@RequestMapping("/api/v1/schools")
@Tag(name = "Safer Schools", description = "Needs analysis of schools: import, ranking, officers, points of contact, "
		+ "annual review")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or borough does not allow this")
@ApiResponse(responseCode = "404", description = "No such borough, or nothing recorded for the year")
class SchoolsController {

	static final String TEXT_CSV = "text/csv";

	private final SaferSchools schools;

	SchoolsController(SaferSchools schools) {
		this.schools = schools;
	}

	@GetMapping("/criteria")
	@PreAuthorize(Roles.ALLOCATION_READERS)
	@Operation(summary = "The needs analysis criteria (the 2011 list and those boroughs added), with default weight and "
			+ "direction")
	List<SchoolCriterion> schoolCriteria(@RequestParam Optional<String> borough) {
		return this.schools.criteria(borough.filter(b -> !b.isBlank()));
	}

	record CriterionBody(@NotBlank String code, @NotBlank String label, @NotNull Direction direction,
			Double defaultWeight, String borough) {
	}

	@PostMapping("/criteria")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.ALLOCATION_WRITERS)
	@Operation(summary = "Add a criterion for a borough's partnership (e.g. bullying incidents); without a borough a "
			+ "London-wide one (force-wide users only). Its values then come in a column of that code")
	@ApiResponse(responseCode = "409", description = "The code is taken")
	SchoolCriterion addSchoolCriterion(@Valid @RequestBody CriterionBody body) {
		return this.schools.addCriterion(new SaferSchools.NewCriterion(body.code(), body.label(), body.direction(),
				body.defaultWeight() == null ? 1 : body.defaultWeight(), Optional.ofNullable(body.borough())));
	}

	@PostMapping(path = "/import", consumes = { MediaType.MULTIPART_FORM_DATA_VALUE, TEXT_CSV })
	@PreAuthorize(Roles.ALLOCATION_WRITERS)
	@Operation(summary = "Import schools for an academic year (all or nothing, idempotent by URN and year)",
			description = "Multipart field 'files' (one or more CSV files) or one text/csv body. Columns (header row, any "
					+ "order and case, comma or semicolon, UTF-8): urn, name, phase (PRIMARY, SECONDARY, ALL_THROUGH, "
					+ "SPECIAL, PUPIL_REFERRAL_UNIT or PRU, FURTHER_EDUCATION or college, OTHER), ward_code or lat and lng, "
					+ "has_officer (yes/no), then one column per criterion code (see GET /criteria; empty = missing; "
					+ "asb_around and crime_around come from the demand data and may not be sent). Any problem rejects "
					+ "the import (422 with every problem by file, line and column). A borough user imports only schools "
					+ "in their borough. Format: docs/schools-csv.md")
	@ApiResponse(responseCode = "200", description = "Imported (or dry run): rows read, created, updated, unchanged")
	@ApiResponse(responseCode = "422", description = "Problems: nothing imported; the report lists every problem")
	SchoolImportReport importSchools(HttpServletRequest request,
			@Parameter(description = "The academic year: the September it starts, e.g. 2034 for 2034/35") @RequestParam int year,
			@Parameter(description = "Check and report without storing") @RequestParam(defaultValue = "false") boolean dryRun)
			throws IOException {
		List<SaferSchools.Upload> uploads = new ArrayList<>();
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (MultipartFile file : multipart.getFiles("files")) {
				uploads.add(new SaferSchools.Upload(Uploads.safeName(file.getOriginalFilename()), file.getBytes()));
			}
			if (uploads.isEmpty()) {
				throw new InvalidInput("Send the CSV files in the multipart field 'files'.",
						List.of(new InvalidInput.FieldError("files", "missing")));
			}
		}
		else {
			uploads.add(new SaferSchools.Upload("(request body)", Uploads.body(request)));
		}
		return this.schools.importSchools(year, uploads, dryRun);
	}

	@GetMapping
	@PreAuthorize(Roles.ALLOCATION_READERS)
	@Operation(summary = "The schools imported for a borough and academic year, with their values")
	List<SchoolRecord> schools(@RequestParam String borough, @RequestParam int year) {
		return this.schools.schools(borough, year);
	}

	record RankingBody(@NotBlank String borough, @NotNull Integer year, @NotNull Integer officers,
			Map<String, Double> weights, Map<String, Direction> directions, Normalisation normalisation, LocalDate from,
			LocalDate to) {

		SchoolRankingRequest request() {
			return new SchoolRankingRequest(this.borough, this.year, this.officers, this.weights, this.directions,
					this.normalisation, Optional.ofNullable(this.from), Optional.ofNullable(this.to));
		}

	}

	@PostMapping("/ranking")
	@PreAuthorize(Roles.ALLOCATION_READERS)
	@Operation(summary = "Rank a borough's schools by need and allocate its officers (a preview: nothing is stored)",
			description = "weights and directions override the criteria's defaults by code; normalisation MIN_MAX "
					+ "(default) or Z_SCORE, per criterion across the schools ranked. Schools with an officer now (in the "
					+ "file, or allocated the year before) keep it; the rest go to the highest need; every other school "
					+ "gets a named point of contact from its ward's team. ASB and crime around a school are its ward's "
					+ "over from..to (default 1 September of the year before to 31 August of the year).")
	@ApiResponse(responseCode = "422", description = "No schools for the year, more schools with an officer than "
			+ "officers, or no demand data for ASB and crime (set their weights to 0)")
	SchoolAllocation rankSchools(@Valid @RequestBody RankingBody body) {
		return this.schools.rank(body.request());
	}

	@PostMapping("/allocations")
	@PreAuthorize(Roles.ALLOCATION_WRITERS)
	@Operation(summary = "Rank and allocate as /ranking, and record it as the borough's allocation for the year "
			+ "(replacing an earlier one); the next year's allocation keeps these officers")
	@ApiResponse(responseCode = "422", description = "As /ranking")
	SchoolAllocation recordSchoolAllocation(@Valid @RequestBody RankingBody body) {
		return this.schools.record(body.request());
	}

	@GetMapping("/allocations")
	@PreAuthorize(Roles.ALLOCATION_READERS)
	@Operation(summary = "The borough's recorded allocation for an academic year")
	SchoolAllocation schoolAllocation(@RequestParam String borough, @RequestParam int year) {
		return this.schools.recorded(borough, year)
			.orElseThrow(() -> new NotFound("No Safer Schools allocation is recorded for " + borough + " for " + year + "."));
	}

	@GetMapping("/review")
	@PreAuthorize(Roles.ALLOCATION_READERS)
	@Operation(summary = "Annual review: the year's recorded allocation against the year before (moved up or down, "
			+ "gained or lost an officer, new and gone schools)")
	SchoolReview schoolReview(@RequestParam String borough, @RequestParam int year) {
		return this.schools.review(borough, year);
	}

}
