package org.ringfence.rostering.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.Role;
import org.ringfence.identity.Roles;
import org.ringfence.identity.ScopeDenied;
import org.ringfence.platform.InvalidInput;
import org.ringfence.rostering.OfficerPreferences;
import org.ringfence.rostering.OfficerPreferences.RosterPreferences;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An officer's rostering preferences (soft rules). The officer themself reads and sets their own;
 * the roster makers (admin, superintendent, SMT lead, inspector, resource office) covering where the
 * officer is posted read and set them too; analysts covering it read them.
 */
@RestController
@RequestMapping("/api/v1/officers/{personId}/roster-preferences")
@Tag(name = "Rosters", description = "Rosters of a cluster's officers from a shift pattern under Police Regulations")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Not the officer, or role or area does not allow this")
@ApiResponse(responseCode = "404", description = "No such person")
class PreferenceController {

	private final OfficerPreferences preferences;

	private final CurrentAccess access;

	PreferenceController(OfficerPreferences preferences, CurrentAccess access) {
		this.preferences = preferences;
		this.access = access;
	}

	/** As the API reads and writes them: weekdays 1 (Monday) to 7, times HH:MM or null. */
	record PreferencesJson(long personId, List<Integer> restDays, String noStartBefore, String noEndAfter, String note,
			int version, String changedBy, String changedAt) {

		static PreferencesJson of(RosterPreferences p) {
			return new PreferencesJson(p.personId(), p.restDays(), p.noStartBefore().map(LocalTime::toString).orElse(null),
					p.noEndAfter().map(LocalTime::toString).orElse(null), p.note(), p.version(), p.changedBy().orElse(null),
					p.changedAt().map(Object::toString).orElse(null));
		}

	}

	record PreferencesBody(List<Integer> restDays, String noStartBefore, String noEndAfter, String note, Integer version) {
	}

	@GetMapping
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "An officer's rostering preferences (version -1: none set)")
	PreferencesJson read(@PathVariable long personId) {
		require(personId, RosterController.READERS);
		return PreferencesJson.of(this.preferences.of(personId));
	}

	@PutMapping
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "Set an officer's rostering preferences",
			description = "Body: {restDays: [ISO weekdays 1-7, at most 4], noStartBefore: \"HH:MM\"|null, noEndAfter: \"HH:MM\"|null, "
					+ "note, version (-1 when none are set)}. Soft rules: the solver weighs them (2 per tour against a wish) below "
					+ "Police Regulations, absences, the ring-fence and filling every tour. Audited.")
	@ApiResponse(responseCode = "200", description = "The preferences as stored")
	@ApiResponse(responseCode = "400", description = "Invalid preferences")
	@ApiResponse(responseCode = "409", description = "Changed by someone else since the version read")
	PreferencesJson write(@PathVariable long personId, @RequestBody(required = false) PreferencesBody body) {
		require(personId, RosterController.WRITERS);
		if (body == null || body.version() == null) {
			throw new InvalidInput("the preferences need the version read",
					List.of(new InvalidInput.FieldError("version", "Give the version read (-1 when none are set)")));
		}
		return PreferencesJson.of(this.preferences.set(personId, body.version(), body.restDays(),
				time(body.noStartBefore(), "noStartBefore"), time(body.noEndAfter(), "noEndAfter"), body.note()));
	}

	/** The officer themself, or the given roles covering where the officer is posted. */
	private void require(long personId, java.util.Set<Role> roles) {
		boolean self = this.access.user().personId().map(p -> p == personId).orElse(false);
		if (self) {
			this.preferences.placeOf(personId);
			return;
		}
		Optional<Place> place = this.preferences.placeOf(personId);
		if (place.isEmpty() || !this.access.may(roles, place.get())) {
			throw new ScopeDenied("An officer's preferences are for the officer and the roster makers covering their posting.");
		}
	}

	private static Optional<LocalTime> time(String text, String field) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalTime.parse(text.strip()));
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("a time cannot be read", List.of(new InvalidInput.FieldError(field, "Give the time as HH:MM")));
		}
	}

}
