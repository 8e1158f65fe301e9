package org.ringfence.neighbourhood.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;
import org.ringfence.neighbourhood.Category;
import org.ringfence.neighbourhood.NewMeeting;
import org.ringfence.neighbourhood.NewPriority;
import org.ringfence.neighbourhood.PanelMeeting;
import org.ringfence.neighbourhood.PanelMember;
import org.ringfence.neighbourhood.Priority;
import org.ringfence.neighbourhood.PriorityChange;
import org.ringfence.neighbourhood.PriorityStatus;
import org.ringfence.neighbourhood.Themes;
import org.ringfence.neighbourhood.WardPanels;
import org.ringfence.neighbourhood.WardPriorities;
import org.ringfence.platform.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ward panels, their meetings and the priorities they agree, and London-wide themes. Sergeants and
 * inspectors keep their wards' (within their scope), administrators any; every change is audited.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Neighbourhood priorities", description = "Ward panels (members, meetings), the priorities they agree with "
		+ "their Safer Neighbourhoods team, the maintained list of categories, and London-wide themes")
@ApiResponse(responseCode = "400", description = "Invalid input")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
@ApiResponse(responseCode = "404", description = "No such ward, meeting or priority")
class NeighbourhoodController {

	private final WardPriorities priorities;

	private final WardPanels panels;

	private final GeographyService geography;

	private final CurrentAccess access;

	NeighbourhoodController(WardPriorities priorities, WardPanels panels, GeographyService geography, CurrentAccess access) {
		this.priorities = priorities;
		this.panels = panels;
		this.geography = geography;
		this.access = access;
	}

	record CategoryBody(String name) {
	}

	record PriorityBody(String issue, String category, String action, LocalDate agreedOn, LocalDate actionDate,
			LocalDate reviewDate, Long meetingId) {
	}

	record ChangeBody(String action, LocalDate actionDate, PriorityStatus status, LocalDate reviewDate, Integer version) {
	}

	record MeetingBody(LocalDateTime startsAt, LocalDateTime endsAt, String place, @JsonProperty("public") Boolean isPublic,
			Integer attendance, String minutes, Integer version) {

		NewMeeting toMeeting() {
			return new NewMeeting(this.startsAt, this.endsAt, this.place, this.isPublic, this.attendance, this.minutes);
		}

	}

	record MemberBody(String name, String role) {
	}

	/** A ward's panel: its members and meetings of the period asked for. */
	record Panel(String wardCode, List<PanelMember> members, List<PanelMeeting> meetings) {
	}

	@GetMapping("/neighbourhood-categories")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "The maintained list of priority categories")
	List<Category> priorityCategories() {
		return this.priorities.categories();
	}

	@PostMapping("/neighbourhood-categories")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.ADMIN)
	@Operation(summary = "Add a priority category (administrators); audited")
	@ApiResponse(responseCode = "201", description = "The category")
	@ApiResponse(responseCode = "409", description = "A category of that name exists")
	Category addPriorityCategory(@RequestBody CategoryBody body) {
		return this.priorities.addCategory(body.name());
	}

	@GetMapping("/neighbourhoods/{wardCode}/panel")
	@PreAuthorize(Roles.TEAM_READERS)
	@Operation(summary = "A ward's panel: members (name and role) and meetings from a date (default 90 days ago) to a date "
			+ "(default a year ahead), with attendance and minutes")
	Panel wardPanel(@PathVariable String wardCode, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		this.access.require(this.geography.placeOfWard(wardCode));
		LocalDate start = from == null ? LocalDate.now().minusDays(90) : from;
		LocalDate end = to == null ? LocalDate.now().plusYears(1) : to;
		return new Panel(wardCode, this.panels.members(wardCode),
				this.panels.meetings(wardCode, start.atStartOfDay(), end.plusDays(1).atStartOfDay()));
	}

	@PutMapping("/neighbourhoods/{wardCode}/panel/members")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	@Operation(summary = "Replace a ward panel's members (name and role only, chair first); audited")
	List<PanelMember> replacePanelMembers(@PathVariable String wardCode, @RequestBody List<MemberBody> members) {
		this.access.require(this.geography.placeOfWard(wardCode));
		if (members == null) {
			throw new InvalidInput("Send a list of members.", List.of(new InvalidInput.FieldError("members", "missing")));
		}
		return this.panels.replaceMembers(wardCode,
				members.stream().map(m -> new PanelMember(m == null ? null : m.name(), m == null ? null : m.role(), false)).toList());
	}

	@PostMapping("/neighbourhoods/{wardCode}/meetings")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	@Operation(summary = "Record a ward panel meeting (local London times); public meetings are published as events; audited")
	@ApiResponse(responseCode = "201", description = "The meeting")
	PanelMeeting addPanelMeeting(@PathVariable String wardCode, @RequestBody MeetingBody body) {
		this.access.require(this.geography.placeOfWard(wardCode));
		return this.panels.addMeeting(wardCode, body.toMeeting());
	}

	@PutMapping("/neighbourhood-meetings/{id}")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	@Operation(summary = "Change a meeting (e.g. record attendance and minutes), at the version read; audited")
	@ApiResponse(responseCode = "409", description = "Changed by someone else since read")
	PanelMeeting changePanelMeeting(@PathVariable long id, @RequestBody MeetingBody body) {
		this.access.require(this.panels.placeOfMeeting(id));
		if (body.version() == null) {
			throw new InvalidInput("Send the version you read.", List.of(new InvalidInput.FieldError("version", "missing")));
		}
		return this.panels.changeMeeting(id, body.toMeeting(), body.version());
	}

	@DeleteMapping("/neighbourhood-meetings/{id}")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	@Operation(summary = "Delete a meeting (cancelled or recorded by mistake) at the version read, unless a priority "
			+ "was agreed at it; audited")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "409", description = "Changed by someone else since read")
	@ApiResponse(responseCode = "422", description = "A priority was agreed at it (code meeting-has-priorities)")
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
	void deletePanelMeeting(@PathVariable long id, @RequestParam int version) {
		this.access.require(this.panels.placeOfMeeting(id));
		this.panels.deleteMeeting(id, version);
	}

	@GetMapping("/neighbourhoods/{wardCode}/priorities")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "A ward's priorities: all, or those held open on some day from one date to another")
	List<Priority> neighbourhoodPriorities(@PathVariable String wardCode, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		if (from == null && to == null) {
			return this.priorities.allForWard(wardCode);
		}
		return this.priorities.forWard(wardCode, from == null ? LocalDate.of(1900, 1, 1) : from,
				to == null ? LocalDate.of(9999, 12, 31) : to);
	}

	@PostMapping("/neighbourhoods/{wardCode}/priorities")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	@Operation(summary = "Record a priority a ward panel agreed (sergeants and inspectors of the ward, administrators); audited")
	@ApiResponse(responseCode = "201", description = "The priority")
	Priority addNeighbourhoodPriority(@PathVariable String wardCode, @RequestBody PriorityBody body) {
		this.access.require(this.geography.placeOfWard(wardCode));
		return this.priorities.add(wardCode, new NewPriority(body.issue(), body.category(), body.action(), body.agreedOn(),
				body.actionDate(), body.reviewDate(), body.meetingId()));
	}

	@GetMapping("/priorities/{id}")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "One neighbourhood priority")
	Priority neighbourhoodPriority(@PathVariable long id) {
		return this.priorities.find(id);
	}

	@PutMapping("/priorities/{id}")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	@Operation(summary = "Change a priority's action, status (OPEN, ACHIEVED, CLOSED) and review date, at the version read; "
			+ "audited")
	@ApiResponse(responseCode = "409", description = "Changed by someone else since read")
	Priority changeNeighbourhoodPriority(@PathVariable long id, @RequestBody ChangeBody body) {
		this.access.require(this.priorities.placeOf(id));
		if (body.version() == null) {
			throw new InvalidInput("Send the version you read.", List.of(new InvalidInput.FieldError("version", "missing")));
		}
		return this.priorities.change(id, new PriorityChange(body.action(), body.actionDate(), body.status(),
				body.reviewDate(), body.version()));
	}

	@GetMapping("/priorities/themes")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "London-wide themes of a month (yyyy-MM, default this month): for each category, how many teams "
			+ "held an open priority of it on some day of the month, out of all teams")
	Themes priorityThemes(@RequestParam(required = false) YearMonth month) {
		return this.priorities.themes(month == null ? YearMonth.now() : month);
	}

}
