package org.ringfence.shifts.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Role;
import org.ringfence.identity.Roles;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.platform.InvalidInput;
import org.ringfence.shifts.NewShiftPattern;
import org.ringfence.shifts.PatternShift;
import org.ringfence.shifts.RosterRole;
import org.ringfence.shifts.ShiftPattern;
import org.ringfence.shifts.ShiftPatterns;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stored shift patterns of a cluster. Planning roles read the patterns of clusters in their scope;
 * the SMT lead or inspector whose scope covers the cluster, and admin, save one (audited).
 */
@RestController
@RequestMapping("/api/v1/shift-patterns")
@Tag(name = "Shift patterns", description = "The stored shift patterns of clusters (what rosters are built from)")
@ApiResponse(responseCode = "400", description = "Invalid pattern")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or area does not allow this")
class ShiftPatternController {

	static final Set<Role> SAVERS = EnumSet.of(Role.ADMIN, Role.SMT_LEAD, Role.INSPECTOR);

	private final ShiftPatterns patterns;

	private final CurrentAccess access;

	private final GeographyService geography;

	ShiftPatternController(ShiftPatterns patterns, CurrentAccess access, GeographyService geography) {
		this.patterns = patterns;
		this.access = access;
		this.geography = geography;
	}

	/** A pattern's shift as the API reads and writes it. */
	record ShiftJson(String start, int lengthMinutes, String role, int[] workersPerDay) {
	}

	record PatternJson(long id, String clusterId, String name, String description, List<ShiftJson> shifts,
			String createdBy, String createdAt) {

		static PatternJson of(ShiftPattern p) {
			return new PatternJson(p.id(), p.clusterId(), p.name(), p.description(),
					p.shifts().stream()
						.map(s -> new ShiftJson(s.start().toString(), s.lengthMinutes(), s.role().name(), s.workersPerDay()))
						.toList(),
					p.createdBy(), p.createdAt().toString());
		}

	}

	record NewPatternJson(String clusterId, String name, String description, List<ShiftJson> shifts) {
	}

	@GetMapping
	@PreAuthorize(Roles.PEOPLE_LISTERS)
	@Operation(summary = "The patterns of a cluster (in your scope)")
	List<PatternJson> forCluster(@RequestParam String cluster) {
		this.access.require(this.geography.placeOfCluster(cluster));
		return this.patterns.forCluster(cluster).stream().map(PatternJson::of).toList();
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.PEOPLE_LISTERS)
	@Operation(summary = "One pattern (its cluster in your scope)")
	PatternJson one(@PathVariable long id) {
		ShiftPattern pattern = this.patterns.find(id);
		this.access.require(this.geography.placeOfCluster(pattern.clusterId()));
		return PatternJson.of(pattern);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.PEOPLE_LISTERS)
	@Operation(summary = "Save a pattern for a cluster",
			description = "Body: {clusterId, name, description, shifts: [{start: \"HH:MM\", lengthMinutes, role: CONSTABLE|PCSO|SERGEANT, "
					+ "workersPerDay: [7 numbers, Monday first]}]}. The SMT lead or inspector covering the cluster, or admin.")
	PatternJson save(@RequestBody NewPatternJson body) {
		if (body == null || body.clusterId() == null || body.clusterId().isBlank()) {
			throw new InvalidInput("a pattern needs a cluster",
					List.of(new InvalidInput.FieldError("clusterId", "Name the cluster")));
		}
		if (!this.access.may(SAVERS, this.geography.placeOfCluster(body.clusterId()))) {
			throw new ScopeDenied("Only the SMT lead or inspector covering the cluster, or admin, saves its pattern.");
		}
		return PatternJson.of(this.patterns.save(new NewShiftPattern(body.clusterId(), body.name(), body.description(),
				shifts(body.shifts()))));
	}

	static List<PatternShift> shifts(List<ShiftJson> shifts) {
		List<PatternShift> result = new ArrayList<>();
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		for (int i = 0; i < (shifts == null ? 0 : shifts.size()); i++) {
			ShiftJson s = shifts.get(i);
			try {
				result.add(new PatternShift(LocalTime.parse(s.start()), s.lengthMinutes(), RosterRole.valueOf(s.role()),
						s.workersPerDay()));
			}
			catch (DateTimeParseException | IllegalArgumentException | NullPointerException ex) {
				errors.add(new InvalidInput.FieldError("shifts[" + i + "]",
						"needs start HH:MM, lengthMinutes 1..1440, role CONSTABLE, PCSO or SERGEANT and 7 non-negative workersPerDay"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput("the shifts cannot be read", errors);
		}
		return result;
	}

}
