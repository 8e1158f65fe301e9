package org.ringfence.shifts.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.Metrics;
import org.ringfence.shifts.DesignedShift;
import org.ringfence.shifts.MsdReport;
import org.ringfence.shifts.MsdShiftDesign;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Minimum Shift Design over the API. Designing is pure computation on the posted instance (no data
 * is read), so every planning role may use it: admin, analysts, and the superintendent, SMT lead,
 * inspector, sergeant and resource office of any borough; officers, controllers and oversight may not.
 */
@RestController
@RequestMapping("/api/v1/shift-design")
@Tag(name = "Shift design", description = "Minimum Shift Design (TU Wien DBAI format): design and evaluate")
@ApiResponse(responseCode = "400", description = "Bad instance (the line and the reason) or bad parameters")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role does not allow this")
class ShiftDesignController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Metrics metrics;

	ShiftDesignController(Metrics metrics) {
		this.metrics = metrics;
	}

	@PostMapping(path = "/msd", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(Roles.PEOPLE_LISTERS)
	@Operation(summary = "Design shifts for an instance",
			description = "Body: the instance text (text/plain, the format of the samples; any solution section is ignored). "
					+ "seconds (1..60, default 10) limits the search; the best found is returned, with provenOptimal true when "
					+ "its cost equals the lower bound. cost = wUnder x shortage minutes + wOver x excess minutes + wShifts x "
					+ "shifts used. workersPerDay has one number per day of the cycle, the first day first (Monday).")
	@ApiResponse(responseCode = "200", description = "The design")
	MsdReport design(@RequestParam(defaultValue = "10") int seconds, @RequestBody(required = false) String body) {
		if (seconds < MsdShiftDesign.MIN_SECONDS || seconds > MsdShiftDesign.MAX_SECONDS) {
			throw new InvalidInput("seconds must be between 1 and 60",
					List.of(new InvalidInput.FieldError("seconds", "Enter 1 to 60 seconds")));
		}
		return this.metrics.solverRun("shift-design", () -> MsdShiftDesign.design(body, seconds));
	}

	@PostMapping(path = "/msd/evaluate", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(Roles.PEOPLE_LISTERS)
	@Operation(summary = "Evaluate a solution",
			description = "Either text/plain: the instance text ending with a solution section as the samples do "
					+ "(#Shift Start Length Duties: then lines '1:  8:0  420  4 4 4 4 4 0 0', commented or not); or "
					+ "application/json {\"instance\": \"...text...\", \"shifts\": [{\"start\": \"08:00\", \"lengthMinutes\": 420, "
					+ "\"workersPerDay\": [4,4,4,4,4,0,0]}]}. Returns the same figures as a design (provenOptimal null).")
	@ApiResponse(responseCode = "200", description = "The cost and its parts")
	MsdReport evaluate(@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestBody(required = false) String body) {
		if (contentType != null && contentType.toLowerCase().startsWith("application/json")) {
			JsonNode json;
			try {
				json = JSON.readTree(body == null ? "" : body);
			}
			catch (RuntimeException ex) {
				throw new InvalidInput("the body is not JSON",
						List.of(new InvalidInput.FieldError("body", "Post {instance, shifts} as JSON")));
			}
			if (json == null || !json.isObject() || !json.path("instance").isString()) {
				throw new InvalidInput("instance missing",
						List.of(new InvalidInput.FieldError("instance", "Give the instance text as a string")));
			}
			List<DesignedShift> shifts;
			try {
				shifts = List.of(JSON.treeToValue(json.path("shifts"), DesignedShift[].class));
			}
			catch (RuntimeException ex) {
				throw new InvalidInput("shifts cannot be read", List.of(new InvalidInput.FieldError("shifts",
						"Give shifts as [{start: \"HH:MM\", lengthMinutes, workersPerDay: [...]}]")));
			}
			return MsdShiftDesign.evaluate(json.path("instance").asString(), shifts);
		}
		return MsdShiftDesign.evaluate(body);
	}

}
