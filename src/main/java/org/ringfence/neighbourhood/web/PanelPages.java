package org.ringfence.neighbourhood.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardDetail;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.Role;
import org.ringfence.identity.RingfenceUser;
import org.ringfence.identity.Roles;
import org.ringfence.identity.Scope;
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
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateConflict;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages for teams: the wards a user may see, a ward's panel (members, meetings, priorities), the
 * forms sergeants and inspectors use to add a priority or a meeting and to change a priority's
 * status, and the London-wide themes of a month with a bar chart.
 */
@Controller
class PanelPages {

	static final Set<Role> EDITOR_ROLES = Set.of(Role.ADMIN, Role.SERGEANT, Role.INSPECTOR);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WardPriorities priorities;

	private final WardPanels panels;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final Clock clock;

	PanelPages(WardPriorities priorities, WardPanels panels, GeographyService geography, CurrentAccess access,
			Clock clock) {
		this.priorities = priorities;
		this.panels = panels;
		this.geography = geography;
		this.access = access;
		this.clock = clock;
	}

	record Link(String label, String href) {
	}

	@GetMapping("/panels")
	@PreAuthorize(Roles.TEAM_READERS)
	String index(Model model) {
		RingfenceUser user = this.access.user();
		Map<String, String> names = this.geography.wardNames();
		List<Link> wards = new ArrayList<>();
		boolean london = false;
		for (Scope scope : user.scopes()) {
			switch (scope.type()) {
				case FORCE -> london = true;
				case BOROUGH -> this.geography.wards(java.util.Optional.of(scope.code()))
					.forEach(w -> wards.add(new Link(w.name(), "/panels/" + w.code())));
				case CLUSTER -> this.geography.cluster(scope.code())
					.wardCodes()
					.forEach(w -> wards.add(new Link(names.getOrDefault(w, w), "/panels/" + w)));
				case WARD -> wards.add(new Link(names.getOrDefault(scope.code(), scope.code()), "/panels/" + scope.code()));
				case PERSON -> {
				}
			}
		}
		wards.sort(Comparator.comparing(Link::label));
		model.addAttribute("wards", wards);
		model.addAttribute("london", london);
		model.addAttribute("month", YearMonth.now(this.clock.withZone(java.time.ZoneId.of("Europe/London"))).toString());
		return "neighbourhood/panels";
	}

	@GetMapping("/panels/{wardCode}")
	@PreAuthorize(Roles.TEAM_READERS)
	String panel(@PathVariable String wardCode, Model model) {
		Place place = this.geography.placeOfWard(wardCode);
		this.access.require(place);
		WardDetail ward = this.geography.ward(wardCode);
		LocalDate today = LocalDate.now(this.clock.withZone(java.time.ZoneId.of("Europe/London")));
		model.addAttribute("ward", ward);
		model.addAttribute("members", this.panels.members(wardCode));
		model.addAttribute("meetings", this.panels.meetings(wardCode, today.minusYears(1).atStartOfDay(),
				today.plusYears(1).atStartOfDay()));
		model.addAttribute("priorities", this.priorities.allForWard(wardCode));
		model.addAttribute("editor", this.access.may(EDITOR_ROLES, place));
		model.addAttribute("statuses", PriorityStatus.values());
		return "neighbourhood/panel";
	}

	@GetMapping("/panels/{wardCode}/priorities/new")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	String newPriority(@PathVariable String wardCode, Model model) {
		this.access.require(this.geography.placeOfWard(wardCode));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("agreedOn", LocalDate.now(this.clock.withZone(java.time.ZoneId.of("Europe/London"))).toString());
		return priorityForm(wardCode, form, List.of(), model);
	}

	@PostMapping("/panels/{wardCode}/priorities/new")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	String addPriority(@PathVariable String wardCode, @RequestParam Map<String, String> form, Model model) {
		this.access.require(this.geography.placeOfWard(wardCode));
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		LocalDate agreedOn = date(form.get("agreedOn"), "agreedOn", "date agreed", errors);
		LocalDate actionDate = date(form.get("actionDate"), "actionDate", "action date", errors);
		LocalDate reviewDate = date(form.get("reviewDate"), "reviewDate", "review date", errors);
		if (errors.isEmpty()) {
			try {
				this.priorities.add(wardCode, new NewPriority(form.get("issue"), form.get("category"), form.get("action"),
						agreedOn, actionDate, reviewDate, null));
				return "redirect:/panels/" + wardCode + "?added";
			}
			catch (InvalidInput ex) {
				errors.addAll(ex.errors());
			}
		}
		return priorityForm(wardCode, form, errors, model);
	}

	@PostMapping("/priorities/{id}/status")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	String changeStatus(@PathVariable long id, @RequestParam String status, @RequestParam int version) {
		Priority priority = this.priorities.find(id);
		this.access.require(this.geography.placeOfWard(priority.wardCode()));
		PriorityStatus next;
		try {
			next = PriorityStatus.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("Choose a status.", List.of(new InvalidInput.FieldError("status", "Choose a status")));
		}
		this.priorities.change(id, new PriorityChange(priority.action(), priority.actionDate().orElse(null), next,
				priority.reviewDate().orElse(null), version));
		return "redirect:/panels/" + priority.wardCode() + "?changed";
	}

	@GetMapping("/panels/{wardCode}/meetings/new")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	String newMeeting(@PathVariable String wardCode, Model model) {
		this.access.require(this.geography.placeOfWard(wardCode));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("start", "19:00");
		form.put("end", "20:30");
		form.put("public", "true");
		return meetingForm(wardCode, form, List.of(), model);
	}

	@PostMapping("/panels/{wardCode}/meetings/new")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	String addMeeting(@PathVariable String wardCode, @RequestParam Map<String, String> form, Model model) {
		this.access.require(this.geography.placeOfWard(wardCode));
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		NewMeeting meeting = meeting(form, errors);
		if (errors.isEmpty()) {
			try {
				this.panels.addMeeting(wardCode, meeting);
				return "redirect:/panels/" + wardCode + "?meeting";
			}
			catch (InvalidInput ex) {
				errors.addAll(ex.errors());
			}
		}
		return meetingForm(wardCode, form, errors, model);
	}

	/** The meeting a form describes, or null with the errors added. */
	private static NewMeeting meeting(Map<String, String> form, List<InvalidInput.FieldError> errors) {
		LocalDate day = date(form.get("date"), "date", "date", errors);
		if (day == null && errors.isEmpty()) {
			errors.add(new InvalidInput.FieldError("date", "Enter the date of the meeting"));
		}
		LocalTime start = time(form.get("start"), "start", "start time", errors);
		LocalTime end = time(form.get("end"), "end", "end time", errors);
		Integer attendance = null;
		if (form.get("attendance") != null && !form.get("attendance").isBlank()) {
			try {
				attendance = Integer.valueOf(form.get("attendance").strip());
			}
			catch (NumberFormatException ex) {
				errors.add(new InvalidInput.FieldError("attendance", "Enter attendance as a whole number"));
			}
		}
		if (!errors.isEmpty()) {
			return null;
		}
		LocalDateTime startsAt = day.atTime(start);
		LocalDateTime endsAt = end.isAfter(start) ? day.atTime(end) : day.plusDays(1).atTime(end);
		return new NewMeeting(startsAt, endsAt, form.get("place"), "true".equals(form.get("public")), attendance,
				form.get("minutes"));
	}

	/** A meeting of the ward (404 when the id is another ward's), after the scope check on the ward. */
	private PanelMeeting meetingOf(String wardCode, long id) {
		this.access.require(this.geography.placeOfWard(wardCode));
		PanelMeeting meeting = this.panels.meeting(id);
		if (!meeting.wardCode().equals(wardCode)) {
			throw new NotFound("No ward panel meeting " + id + " for " + wardCode + ".");
		}
		return meeting;
	}

	@GetMapping("/panels/{wardCode}/meetings/{id}/edit")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	String editMeeting(@PathVariable String wardCode, @PathVariable long id, Model model) {
		PanelMeeting m = meetingOf(wardCode, id);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("date", m.startsAt().toLocalDate().toString());
		form.put("start", m.startsAt().toLocalTime().toString());
		form.put("end", m.endsAt().toLocalTime().toString());
		form.put("place", m.place());
		form.put("public", Boolean.toString(m.isPublic()));
		form.put("attendance", m.attendance().map(Object::toString).orElse(""));
		form.put("minutes", m.minutes());
		form.put("version", Integer.toString(m.version()));
		return editMeetingForm(wardCode, m, form, List.of(), model);
	}

	@PostMapping("/panels/{wardCode}/meetings/{id}/edit")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	String changeMeeting(@PathVariable String wardCode, @PathVariable long id, @RequestParam Map<String, String> form,
			Model model) {
		PanelMeeting m = meetingOf(wardCode, id);
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		NewMeeting meeting = meeting(form, errors);
		int version = version(form, errors);
		if (errors.isEmpty()) {
			try {
				this.panels.changeMeeting(id, meeting, version);
				return "redirect:/panels/" + wardCode + "?meeting";
			}
			catch (InvalidInput ex) {
				errors.addAll(ex.errors());
			}
			catch (StateConflict ex) {
				errors.add(new InvalidInput.FieldError("date", ex.getMessage()));
			}
		}
		return editMeetingForm(wardCode, m, form, errors, model);
	}

	@PostMapping("/panels/{wardCode}/meetings/{id}/delete")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	String deleteMeeting(@PathVariable String wardCode, @PathVariable long id, @RequestParam Map<String, String> form,
			Model model) {
		PanelMeeting m = meetingOf(wardCode, id);
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		int version = version(form, errors);
		if (errors.isEmpty()) {
			try {
				this.panels.deleteMeeting(id, version);
				return "redirect:/panels/" + wardCode + "?deleted";
			}
			catch (DomainRuleViolation ex) { // StateConflict too
				errors.add(new InvalidInput.FieldError("delete", ex.getMessage()));
			}
		}
		Map<String, String> shown = new LinkedHashMap<>();
		shown.put("date", m.startsAt().toLocalDate().toString());
		shown.put("start", m.startsAt().toLocalTime().toString());
		shown.put("end", m.endsAt().toLocalTime().toString());
		shown.put("place", m.place());
		shown.put("public", Boolean.toString(m.isPublic()));
		shown.put("attendance", m.attendance().map(Object::toString).orElse(""));
		shown.put("minutes", m.minutes());
		shown.put("version", Integer.toString(this.panels.meeting(id).version()));
		return editMeetingForm(wardCode, m, shown, errors, model);
	}

	private static int version(Map<String, String> form, List<InvalidInput.FieldError> errors) {
		try {
			return Integer.parseInt(form.getOrDefault("version", "").strip());
		}
		catch (NumberFormatException ex) {
			errors.add(new InvalidInput.FieldError("date", "The form lost the version you read: open the meeting again"));
			return -1;
		}
	}

	private String editMeetingForm(String wardCode, PanelMeeting meeting, Map<String, String> form,
			List<InvalidInput.FieldError> errors, Model model) {
		model.addAttribute("meeting", meeting);
		model.addAttribute("prioritiesAgreed", this.priorities.allForWard(wardCode)
			.stream()
			.filter(p -> p.meetingId().map(i -> i == meeting.id()).orElse(false))
			.count());
		return meetingForm(wardCode, form, errors, model);
	}

	/** Blank rows shown under the members for adding some. */
	static final int BLANK_MEMBER_ROWS = 3;

	@GetMapping("/panels/{wardCode}/members")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	String membersForm(@PathVariable String wardCode, Model model) {
		this.access.require(this.geography.placeOfWard(wardCode));
		List<String[]> rows = new ArrayList<>();
		this.panels.members(wardCode).forEach(m -> rows.add(new String[] { m.name(), m.role() }));
		return membersPage(wardCode, rows, List.of(), model);
	}

	@PostMapping("/panels/{wardCode}/members")
	@PreAuthorize(Roles.PRIORITY_EDITORS)
	String saveMembers(@PathVariable String wardCode, @RequestParam Map<String, String> form, Model model) {
		this.access.require(this.geography.placeOfWard(wardCode));
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; form.containsKey("name-" + i) || form.containsKey("role-" + i); i++) {
			rows.add(new String[] { form.getOrDefault("name-" + i, "").strip(), form.getOrDefault("role-" + i, "").strip() });
		}
		// rows left empty are dropped: clearing a member's name and role removes them
		List<Integer> kept = new ArrayList<>();
		List<PanelMember> members = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (!rows.get(i)[0].isEmpty() || !rows.get(i)[1].isEmpty()) {
				kept.add(i);
				members.add(new PanelMember(rows.get(i)[0], rows.get(i)[1], false));
			}
		}
		try {
			this.panels.replaceMembers(wardCode, members);
			return "redirect:/panels/" + wardCode + "?members";
		}
		catch (InvalidInput ex) {
			List<InvalidInput.FieldError> errors = new ArrayList<>();
			for (InvalidInput.FieldError e : ex.errors()) {
				java.util.regex.Matcher m = java.util.regex.Pattern.compile("members\\[(\\d+)]\\.(name|role)").matcher(e.field());
				if (m.matches()) {
					int row = kept.get(Integer.parseInt(m.group(1)));
					errors.add(new InvalidInput.FieldError(m.group(2) + "-" + row, "Member " + (row + 1) + ": " + e.message()));
				}
				else {
					errors.add(new InvalidInput.FieldError("name-0", e.message()));
				}
			}
			return membersPage(wardCode, rows, errors, model);
		}
	}

	private String membersPage(String wardCode, List<String[]> rows, List<InvalidInput.FieldError> errors, Model model) {
		List<String[]> shown = new ArrayList<>(rows);
		for (int i = 0; i < BLANK_MEMBER_ROWS; i++) {
			shown.add(new String[] { "", "" });
		}
		model.addAttribute("ward", this.geography.ward(wardCode));
		model.addAttribute("rows", shown);
		model.addAttribute("errors", errors);
		model.addAttribute("errorFields", errors.stream().map(InvalidInput.FieldError::field).toList());
		return "neighbourhood/members-form";
	}

	@GetMapping("/priorities/themes")
	@PreAuthorize(Roles.ANY_USER)
	String themes(@RequestParam(required = false) String month, Model model) {
		YearMonth asked;
		try {
			asked = month == null || month.isBlank() ? YearMonth.now(this.clock.withZone(java.time.ZoneId.of("Europe/London")))
					: YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("A month looks like 2026-11.", List.of(new InvalidInput.FieldError("month", "not a month")));
		}
		Themes themes = this.priorities.themes(asked);
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("categories", themes.themes().stream().map(Themes.Theme::category).toList());
		chart.put("teams", themes.themes().stream().map(Themes.Theme::teams).toList());
		chart.put("total", themes.teams());
		model.addAttribute("themes", themes);
		model.addAttribute("previous", asked.minusMonths(1).toString());
		model.addAttribute("next", asked.plusMonths(1).toString());
		model.addAttribute("chartJson", JSON.writeValueAsString(chart).replace("</", "<\\/"));
		return "neighbourhood/themes";
	}

	private String priorityForm(String wardCode, Map<String, String> form, List<InvalidInput.FieldError> errors,
			Model model) {
		model.addAttribute("ward", this.geography.ward(wardCode));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", this.priorities.categories().stream().filter(c -> c.active()).toList());
		return "neighbourhood/priority-form";
	}

	private String meetingForm(String wardCode, Map<String, String> form, List<InvalidInput.FieldError> errors,
			Model model) {
		model.addAttribute("ward", this.geography.ward(wardCode));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "neighbourhood/meeting-form";
	}

	private static LocalDate date(String value, String field, String label, List<InvalidInput.FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new InvalidInput.FieldError(field, "Enter the " + label + " as a date, for example 2026-11-23"));
			return null;
		}
	}

	private static LocalTime time(String value, String field, String label, List<InvalidInput.FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new InvalidInput.FieldError(field, "Enter the " + label));
			return null;
		}
		try {
			return LocalTime.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new InvalidInput.FieldError(field, "Enter the " + label + " as hh:mm, for example 19:00"));
			return null;
		}
	}

}
