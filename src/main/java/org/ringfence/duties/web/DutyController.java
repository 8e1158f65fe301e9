package org.ringfence.duties.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ringfence.duties.Classification;
import org.ringfence.duties.ClassificationRules;
import org.ringfence.duties.Duty;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.DutyService;
import org.ringfence.duties.NewDuty;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;

import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1")
@Tag(name = "Duties", description = "Duty records (planned and actual) and the classification of activity codes")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
@ApiResponse(responseCode = "404", description = "No such duty, person or ward")
class DutyController {

	static final int MAX_DAYS = 400;

	private final DutyService duties;

	private final ClassificationRules rules;

	private final CurrentAccess access;

	DutyController(DutyService duties, ClassificationRules rules, CurrentAccess access) {
		this.duties = duties;
		this.rules = rules;
		this.access = access;
	}

	/** A duty as written on a form or sent by a script: roster date and local London times. */
	record DutyBody(@NotNull Long personId, @NotNull DutyKind kind, @NotNull LocalDate date, @NotNull LocalTime start,
			@NotNull LocalTime end, String wardCode, String place, @NotBlank String activityCode) {

		NewDuty toNewDuty() {
			if (this.date.getYear() < 2000 || this.date.getYear() > 2099) {
				// as the CSV import: outside these years the time arithmetic could overflow (a 500, found by fuzzing)
				throw new InvalidInput("date must be in the years 2000-2099.",
						List.of(new InvalidInput.FieldError("date", "a date in the years 2000-2099")));
			}
			return NewDuty.ofLocalTimes(this.personId, this.kind, this.date, this.start, this.end,
					Optional.ofNullable(this.wardCode), this.place, this.activityCode);
		}

	}

	/** A change: the version read, the duty as it should be, and (for a published roster's tour inside the notice window) the exigencies-of-duty reason. */
	record ChangeBody(@NotNull Integer version, @NotNull @Valid DutyBody duty, String reason) {
	}

	@PostMapping("/duties")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.DUTY_WRITERS)
	@Operation(summary = "Record a duty (start and end in London local time; an end at or before the start is the next day)")
	@ApiResponse(responseCode = "422", description = "Overlaps another duty of the person, or breaks a rule")
	Duty record(@Valid @RequestBody DutyBody body) {
		requirePersonInScope(body.personId());
		return this.duties.record(body.toNewDuty());
	}

	@PutMapping("/duties/{id}")
	@PreAuthorize(Roles.DUTY_WRITERS)
	@Operation(summary = "Change a duty at the version you read; the earlier version is kept, a cancelled rest day records its notice")
	@ApiResponse(responseCode = "409", description = "Changed by someone else since you read it")
	@ApiResponse(responseCode = "422", description = "Overlaps another duty, breaks a rule, or is a published roster's tour inside the notice window changed without an exigencies-of-duty reason")
	Duty change(@PathVariable long id, @Valid @RequestBody ChangeBody body) {
		Duty existing = this.duties.duty(id);
		requirePersonInScope(existing.personId());
		return this.duties.change(id, body.version(), body.duty().toNewDuty(), Optional.ofNullable(body.reason()));
	}

	@GetMapping("/duties/{id}")
	@PreAuthorize(Roles.PEOPLE_READERS)
	@Operation(summary = "One duty")
	Duty duty(@PathVariable long id) {
		Duty duty = this.duties.duty(id);
		requirePersonInScope(duty.personId());
		return duty;
	}

	@GetMapping("/duties/{id}/history")
	@PreAuthorize(Roles.PEOPLE_READERS)
	@Operation(summary = "Earlier versions of a duty, oldest first")
	List<Map<String, Object>> history(@PathVariable long id) {
		Duty duty = this.duties.duty(id);
		requirePersonInScope(duty.personId());
		return this.duties.history(id);
	}

	@GetMapping("/duties")
	@PreAuthorize(Roles.PEOPLE_READERS)
	@Operation(summary = "Duties of a person (person=) or of a ward team (ward=) from..to (dates, at most 400 days)")
	List<Duty> duties(@RequestParam Optional<Long> person, @RequestParam Optional<String> ward,
			@RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam Optional<DutyKind> kind) {
		if (person.isPresent() == ward.isPresent()) {
			throw new InvalidInput("Give exactly one of person or ward.",
					List.of(new InvalidInput.FieldError("person|ward", "exactly one is required")));
		}
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new InvalidInput("from..to must be a period of at most " + MAX_DAYS + " days.",
					List.of(new InvalidInput.FieldError("from/to", "invalid period")));
		}
		if (person.isPresent()) {
			requirePersonInScope(person.get());
			return this.duties.ofPerson(person.get(), kind, from, to);
		}
		if (!this.access.may(Roles.TEAM_READER_ROLES, this.duties.placeOfWard(ward.get()))) {
			throw new org.ringfence.identity.ScopeDenied("That ward team's duties are outside your role or scope.");
		}
		return this.duties.ofWardTeam(ward.get(), kind, from, to);
	}

	@GetMapping("/me/duties")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "Your own duties, rest days and leave from..to, with notice given for cancelled rest days")
	List<Duty> myDuties(@RequestParam LocalDate from, @RequestParam LocalDate to) {
		long personId = this.access.user().personId()
			.orElseThrow(() -> new NotFound("Your account is not linked to a person, so it has no duties."));
		return duties(Optional.of(personId), Optional.empty(), from, to, Optional.empty());
	}

	@GetMapping(path = "/me/duties.ics", produces = "text/calendar")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "Your own duties as an iCalendar file (default: a month back to three months ahead)")
	org.springframework.http.ResponseEntity<String> myCalendar(@RequestParam Optional<LocalDate> from,
			@RequestParam Optional<LocalDate> to) {
		long personId = this.access.user().personId()
			.orElseThrow(() -> new NotFound("Your account is not linked to a person, so it has no duties."));
		LocalDate today = LocalDate.now(NewDuty.LONDON);
		LocalDate start = from.orElse(today.minusMonths(1));
		LocalDate end = to.orElse(today.plusMonths(3));
		if (end.isBefore(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
			throw new InvalidInput("from..to must be a period of at most " + MAX_DAYS + " days.",
					List.of(new InvalidInput.FieldError("from/to", "invalid period")));
		}
		return org.springframework.http.ResponseEntity.ok()
			.contentType(new org.springframework.http.MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"my-duties.ics\"")
			.body(this.duties.calendar(personId, start, end));
	}

	@GetMapping("/duties/classification")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "How each activity code is classified by the rule set in force on a date (default today)")
	List<Classification> classification(@RequestParam Optional<LocalDate> date) {
		return List.copyOf(this.duties.classificationOn(date.orElse(LocalDate.now(NewDuty.LONDON))).values()).stream()
			.sorted(java.util.Comparator.comparing(Classification::code))
			.toList();
	}

	@GetMapping("/duties/rule-sets")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "The rule sets classifying activity codes, each with the date it takes effect")
	List<ClassificationRules.RuleSet> ruleSets() {
		return this.rules.ruleSets();
	}

	record RuleSetBody(@NotBlank String name, @NotNull LocalDate effectiveFrom, String note,
			@NotNull List<@Valid Classification> changes) {
	}

	@PostMapping("/duties/rule-sets")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.ADMIN)
	@Operation(summary = "Add a rule set from a date (not before this month): a copy of the latest with the given changes")
	@ApiResponse(responseCode = "422", description = "Backdated, out of order, or an unknown code")
	ClassificationRules.RuleSet addRuleSet(@Valid @RequestBody RuleSetBody body) {
		return this.rules.addRuleSet(body.name(), body.effectiveFrom(), body.note(), body.changes());
	}

	record CodeBody(@NotBlank String code, @NotBlank String name, @NotNull Classification classification) {
	}

	@PostMapping("/duties/activity-codes")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.ADMIN)
	@Operation(summary = "Add an activity code (e.g. another pre-planned event) classified from today on")
	@ApiResponse(responseCode = "422", description = "The code exists or is malformed")
	Classification addCode(@Valid @RequestBody CodeBody body) {
		return this.rules.addCode(body.code(), body.name(), body.classification());
	}

	private void requirePersonInScope(long personId) {
		this.access.requirePerson(personId, this.duties.placeOfPerson(personId));
	}

}
