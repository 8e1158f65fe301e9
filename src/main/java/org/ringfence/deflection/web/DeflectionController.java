package org.ringfence.deflection.web;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ringfence.deflection.CallCategory;
import org.ringfence.deflection.CallDeflection;
import org.ringfence.deflection.CallPriorities;
import org.ringfence.deflection.DeflectionDecision;
import org.ringfence.deflection.DeflectionDecision.OutcomeResult;
import org.ringfence.deflection.DeflectionEvaluation;
import org.ringfence.deflection.Incident;
import org.ringfence.deflection.PrioritiesBoard;
import org.ringfence.deflection.WardCallPriorities;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.Roles;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/deflection")
@Tag(name = "Call deflection", description = "Deflecting calls to Safer Neighbourhoods officers under the protocol's four "
		+ "conditions; the teams' call priorities; the monthly evaluation of deflected (SNT-tagged) calls")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
@ApiResponse(responseCode = "404", description = "No such decision, ward or borough")
class DeflectionController {

	static final int MAX_DAYS = 93;

	static final List<String> CSV_CALLS = List.of("Month", "Borough", "Borough Code", "Ward", "Ward Code", "CAD Reference",
			"Incident Time", "Call Category", "Expected Minutes", "Overridden", "Tag", "Minutes Away", "Result", "Note");

	static final List<String> CSV_WARDS = List.of("Month", "Borough Code", "Ward", "Ward Code", "Decisions", "Deflected",
			"Overridden", "Outcomes Recorded", "Minutes Away", "Average Minutes Away", "Longer Than Expected",
			"Over Threshold");

	private final CallDeflection deflection;

	private final CallPriorities priorities;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final java.time.Clock clock;

	DeflectionController(CallDeflection deflection, CallPriorities priorities, GeographyService geography,
			CurrentAccess access, java.time.Clock clock) {
		this.clock = clock;
		this.deflection = deflection;
		this.priorities = priorities;
		this.geography = geography;
		this.access = access;
	}

	/** An incident as a controller sends it. */
	record DecisionBody(@NotBlank String cadReference, OffsetDateTime at, String wardCode, Double latitude,
			Double longitude, @NotBlank String callCategory, @NotNull Boolean needsPoliceOfficer,
			@NotNull Integer expectedMinutes, Boolean criticalIncident, String overrideReason) {

		Incident toIncident() {
			return new Incident(this.cadReference, Optional.ofNullable(this.at).map(OffsetDateTime::toInstant),
					Optional.ofNullable(this.wardCode), Optional.ofNullable(this.latitude), Optional.ofNullable(this.longitude),
					this.callCategory, this.needsPoliceOfficer, this.expectedMinutes, Boolean.TRUE.equals(this.criticalIncident),
					Optional.ofNullable(this.overrideReason));
		}

	}

	@PostMapping("/decisions")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.DEFLECTION_DECIDERS)
	@Operation(summary = "Decide whether to deflect a call to the ward's SNT: each of the protocol's four conditions with "
			+ "pass/fail and why, the officers on duty who may take it; stored, audited, tagged SNT when deflected",
			description = "Give wardCode or latitude/longitude. at defaults to now. needsPoliceOfficer=false means a PCSO "
					+ "may take it. overrideReason (only with criticalIncident=true) deflects a developing critical or major "
					+ "incident although a condition fails, provided someone is on duty on the ward.")
	@ApiResponse(responseCode = "201", description = "The decision, stored")
	@ApiResponse(responseCode = "422", description = "An override without a critical or major incident")
	DeflectionDecision decide(@Valid @RequestBody DecisionBody body) {
		Incident incident = body.toIncident();
		this.access.require(this.deflection.placeOf(incident));
		return this.deflection.decide(incident);
	}

	@GetMapping("/decisions/{id}")
	@PreAuthorize(Roles.DEFLECTION_READERS)
	@Operation(summary = "One deflection decision")
	DeflectionDecision decision(@PathVariable long id) {
		DeflectionDecision decision = this.deflection.decision(id);
		this.access.require(Place.borough(decision.boroughCode()));
		return decision;
	}

	@GetMapping("/decisions")
	@PreAuthorize(Roles.DEFLECTION_READERS)
	@Operation(summary = "Decisions on incidents from..to (dates, at most 93 days), newest first; tag=SNT for deflected "
			+ "calls only; borough roles see their borough")
	List<DeflectionDecision> decisions(@RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam Optional<String> borough, @RequestParam Optional<String> tag) {
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new InvalidInput("from..to must be a period of at most " + MAX_DAYS + " days.",
					List.of(new InvalidInput.FieldError("from/to", "invalid period")));
		}
		if (tag.isPresent() && !tag.get().equals(DeflectionDecision.SNT_TAG)) {
			throw new InvalidInput("The only tag is SNT.", List.of(new InvalidInput.FieldError("tag", "SNT or nothing")));
		}
		Optional<List<String>> boroughs = borough.isPresent()
				? Optional.of(List.of(this.access.boroughOrLondon(borough).orElseThrow())) : this.access.boroughsOrAll();
		return this.deflection.decisions(start(from), start(to.plusDays(1)), boroughs, tag.isPresent());
	}

	record OutcomeBody(@NotNull Integer minutesAway, @NotNull OutcomeResult result, String note) {
	}

	@PostMapping("/decisions/{id}/outcome")
	@PreAuthorize(Roles.DEFLECTION_DECIDERS)
	@Operation(summary = "Record (or correct) what happened on a deflected call: minutes away from the ward and the result")
	@ApiResponse(responseCode = "422", description = "The call was not deflected")
	DeflectionDecision outcome(@PathVariable long id, @Valid @RequestBody OutcomeBody body) {
		this.access.require(Place.borough(this.deflection.decision(id).boroughCode()));
		return this.deflection.recordOutcome(id, body.minutesAway(), body.result(), body.note());
	}

	@GetMapping("/evaluation")
	@PreAuthorize(Roles.DEFLECTION_READERS)
	@Operation(summary = "Monthly evaluation of deflected calls per borough and ward with outcomes (time away from the ward)",
			description = "month=YYYY-MM; borough optional for force-wide users (London), borough roles see their own. "
					+ "format=json (summaries and calls), csv (one row per deflected call) or csv with level=wards (one row "
					+ "per ward).")
	@ApiResponse(responseCode = "200", description = "The evaluation")
	ResponseEntity<?> evaluation(@RequestParam String month, @RequestParam Optional<String> borough,
			@RequestParam(defaultValue = "json") String format, @RequestParam(defaultValue = "calls") String level)
			throws IOException {
		YearMonth selected = month(month);
		Optional<String> scoped = this.access.boroughOrLondon(borough);
		DeflectionEvaluation evaluation = this.deflection.evaluation(selected, scoped);
		String name = "deflection-" + selected + scoped.map(b -> "-" + b).orElse("");
		return switch (format) {
			case "json" -> ResponseEntity.ok(evaluation);
			case "csv" -> ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name
						+ (level.equals("wards") ? "-wards" : "") + ".csv\"")
				.body(level.equals("wards") ? wardsCsv(evaluation) : callsCsv(evaluation));
			default -> throw new InvalidInput("format must be json or csv.",
					List.of(new InvalidInput.FieldError("format", "json or csv")));
		};
	}

	static String callsCsv(DeflectionEvaluation evaluation) throws IOException {
		StringWriter out = new StringWriter();
		try (CsvWriter csv = CsvWriter.builder().build(out)) {
			csv.writeRecord(CSV_CALLS);
			for (DeflectionEvaluation.Call c : evaluation.calls()) {
				csv.writeRecord(evaluation.month(), c.boroughName(), c.boroughCode(), c.wardName(), c.wardCode(),
						c.cadReference(), c.incidentAt().atZone(java.time.ZoneId.of("Europe/London")).toLocalDateTime().toString(),
						c.callCategoryName(), Integer.toString(c.expectedMinutes()), c.overridden() ? "Yes" : "No",
						DeflectionDecision.SNT_TAG, c.minutesAway().map(String::valueOf).orElse(""), c.result().orElse(""),
						c.note());
			}
		}
		return out.toString();
	}

	static String wardsCsv(DeflectionEvaluation evaluation) throws IOException {
		StringWriter out = new StringWriter();
		try (CsvWriter csv = CsvWriter.builder().build(out)) {
			csv.writeRecord(CSV_WARDS);
			for (DeflectionEvaluation.Summary w : evaluation.wards()) {
				csv.writeRecord(evaluation.month(), w.boroughCode(), w.name(), w.code(), Integer.toString(w.decisions()),
						Integer.toString(w.deflected()), Integer.toString(w.overridden()), Integer.toString(w.outcomesRecorded()),
						Long.toString(w.minutesAway()), w.averageMinutesAway().map(String::valueOf).orElse(""),
						Integer.toString(w.longerThanExpected()), Integer.toString(w.overThreshold()));
			}
		}
		return out.toString();
	}

	@GetMapping("/call-categories")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "The categories of calls: what teams accept as priorities and what an incident is classed as")
	List<CallCategory> categories() {
		return this.priorities.categories();
	}

	@GetMapping("/wards/{code}/priorities")
	@PreAuthorize(Roles.PRIORITY_READERS)
	@Operation(summary = "A ward team's call priorities as communicated to CCC (404 when it has communicated none)")
	WardCallPriorities wardPriorities(@PathVariable String code) {
		requirePriorityReader(code);
		return this.priorities.ofWard(code)
			.orElseThrow(() -> new NotFound("The team of ward " + code + " has not communicated call priorities."));
	}

	record PrioritiesBody(@NotNull List<String> categories, String notes, Integer version) {
	}

	@PutMapping("/wards/{code}/priorities")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	@Operation(summary = "Set a ward team's call priorities (reviewed today); a change gives the version read",
			description = "The ward's sergeant or cluster inspector (or an administrator).")
	@ApiResponse(responseCode = "409", description = "Changed by someone else since you read it, or no version given")
	WardCallPriorities savePriorities(@PathVariable String code, @Valid @RequestBody PrioritiesBody body) {
		this.access.require(this.geography.placeOfWard(code));
		return this.priorities.save(code, body.categories(), body.notes(), Optional.ofNullable(body.version()));
	}

	@GetMapping("/boroughs/{code}/board")
	@PreAuthorize(Roles.PRIORITY_BOARD_READERS)
	@Operation(summary = "A borough's wards with their call priorities and the SNT members on duty on each now (or at=)")
	PrioritiesBoard board(@PathVariable String code, @RequestParam Optional<OffsetDateTime> at) {
		this.access.require(Place.borough(this.geography.borough(code).code()));
		return this.priorities.board(code, at.map(OffsetDateTime::toInstant).orElseGet(this.clock::instant));
	}

	private void requirePriorityReader(String wardCode) {
		if (!this.access.may(Roles.PRIORITY_READER_ROLES, this.geography.placeOfWard(wardCode))) {
			throw new ScopeDenied("That ward is outside your scope.");
		}
	}

	static YearMonth month(String month) {
		try {
			return YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("month must be YYYY-MM.", List.of(new InvalidInput.FieldError("month", "YYYY-MM")));
		}
	}

	static Instant start(LocalDate day) {
		return day.atStartOfDay(java.time.ZoneId.of("Europe/London")).toInstant();
	}

}
