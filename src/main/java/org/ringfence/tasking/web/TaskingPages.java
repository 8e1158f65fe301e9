package org.ringfence.tasking.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.geography.GeographyService;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.tasking.Meeting;
import org.ringfence.tasking.SupportBids;
import org.ringfence.tasking.SupportUnit;
import org.ringfence.tasking.TaskingMeetings;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tasking pages: a borough's meetings and bids, and a meeting's agenda where the chair records
 * decisions. Refusals come back to the page they were made on with the reason, and what was typed.
 */
@Controller
class TaskingPages {

	private final TaskingMeetings meetings;

	private final SupportBids bids;

	private final GeographyService geography;

	private final CurrentAccess access;

	TaskingPages(TaskingMeetings meetings, SupportBids bids, GeographyService geography, CurrentAccess access) {
		this.meetings = meetings;
		this.bids = bids;
		this.geography = geography;
		this.access = access;
	}

	@GetMapping("/tasking")
	@PreAuthorize(Roles.TASKING_READERS)
	String borough(@RequestParam Optional<String> borough, Model model) {
		Optional<String> chosen = borough.filter(b -> !b.isBlank());
		List<String> own = this.access.boroughsOrAll().orElse(List.of());
		if (chosen.isEmpty() && own.size() == 1) {
			chosen = Optional.of(own.get(0));
		}
		model.addAttribute("boroughs", this.geography.boroughs()
			.stream()
			.filter(b -> this.access.boroughsOrAll().map(l -> l.contains(b.code())).orElse(true))
			.toList());
		model.addAttribute("borough", chosen.map(this.geography::borough).orElse(null));
		model.addAttribute("meetings", this.meetings.meetings(chosen));
		model.addAttribute("bids", this.bids.list(chosen, Optional.empty()));
		model.addAttribute("units", SupportUnit.values());
		model.addAttribute("wards", chosen.map(b -> this.geography.wards(Optional.of(b))).orElse(List.of()));
		model.addAttribute("today", LocalDate.now());
		return "tasking/borough";
	}

	@PostMapping("/tasking/meetings")
	@PreAuthorize(Roles.TASKING_SECRETARIES)
	String plan(@RequestParam String borough, @RequestParam String heldOn, @RequestParam String chair,
			RedirectAttributes redirect) {
		try {
			Meeting meeting = this.meetings.plan(borough, date(heldOn, "heldOn"), chair);
			redirect.addFlashAttribute("done", "Meeting planned for " + meeting.heldOn() + ".");
			return "redirect:/tasking/meetings/" + meeting.id();
		}
		catch (InvalidInput | DomainRuleViolation ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			redirect.addFlashAttribute("planForm", Map.of("heldOn", heldOn, "chair", chair));
			return "redirect:/tasking?borough=" + borough;
		}
	}

	@PostMapping("/tasking/bids")
	@PreAuthorize(Roles.TASKING_SECRETARIES)
	String bid(@RequestParam String borough, @RequestParam String unit, @RequestParam Optional<String> wardCode,
			@RequestParam String purpose, @RequestParam String wantedFrom, @RequestParam String wantedTo,
			@RequestParam String hoursRequested, RedirectAttributes redirect) {
		try {
			SupportUnit chosenUnit;
			int hours;
			try {
				chosenUnit = SupportUnit.valueOf(unit);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput("Choose a support unit.", List.of(new InvalidInput.FieldError("unit", "required")));
			}
			try {
				hours = Integer.parseInt(hoursRequested.strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidInput("Hours requested must be a whole number.",
						List.of(new InvalidInput.FieldError("hoursRequested", "a whole number")));
			}
			var stored = this.bids.bid(new SupportBids.NewBid(borough, chosenUnit, wardCode.filter(w -> !w.isBlank()),
					purpose, date(wantedFrom, "wantedFrom"), date(wantedTo, "wantedTo"), hours));
			redirect.addFlashAttribute("done", "Bid " + stored.id() + " for the " + stored.unit().label()
					+ " made: it goes on the next tasking agenda.");
		}
		catch (InvalidInput | DomainRuleViolation ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			redirect.addFlashAttribute("bidForm", Map.of("unit", unit, "wardCode", wardCode.orElse(""), "purpose", purpose,
					"wantedFrom", wantedFrom, "wantedTo", wantedTo, "hoursRequested", hoursRequested));
		}
		return "redirect:/tasking?borough=" + borough;
	}

	@PostMapping("/tasking/bids/{id}/debrief")
	@PreAuthorize(Roles.TASKING_SECRETARIES)
	String debrief(@PathVariable long id, @RequestParam String debrief,
			@RequestParam(defaultValue = "false") boolean operationsOfficeInformed,
			@RequestParam(defaultValue = "") String notInformedReason, RedirectAttributes redirect) {
		var bid = this.bids.get(id);
		try {
			this.bids.debrief(id, debrief, operationsOfficeInformed, notInformedReason);
			redirect.addFlashAttribute("done", "Debrief of bid " + id + " recorded.");
		}
		catch (InvalidInput | DomainRuleViolation ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/tasking?borough=" + bid.boroughCode();
	}

	@GetMapping("/tasking/meetings/{id}")
	@PreAuthorize(Roles.TASKING_READERS)
	String meeting(@PathVariable long id, Model model) {
		model.addAttribute("meeting", this.meetings.meeting(id));
		return "tasking/meeting";
	}

	@PostMapping("/tasking/meetings/{id}/agenda")
	@PreAuthorize(Roles.TASKING_SECRETARIES)
	String buildAgenda(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			Meeting meeting = this.meetings.buildAgenda(id);
			return "The agenda has " + meeting.agenda().size() + " item(s).";
		});
	}

	@PostMapping("/tasking/meetings/{id}/items")
	@PreAuthorize(Roles.TASKING_SECRETARIES)
	String addItem(@PathVariable long id, @RequestParam String title, @RequestParam(defaultValue = "") String summary,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			this.meetings.addOtherBusiness(id, title, summary);
			return "Item added.";
		});
	}

	@PostMapping("/tasking/meetings/{id}/items/{itemId}/decision")
	@PreAuthorize(Roles.TASKING_CHAIRS)
	String decide(@PathVariable long id, @PathVariable long itemId, @RequestParam(defaultValue = "") String outcome,
			@RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String hoursGranted,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("decisionForm", Map.of("item", itemId, "note", note, "outcome", outcome));
		return act(id, redirect, () -> {
			Optional<Integer> hours;
			try {
				hours = hoursGranted.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(hoursGranted.strip()));
			}
			catch (NumberFormatException ex) {
				throw new InvalidInput("Hours granted must be a whole number.",
						List.of(new InvalidInput.FieldError("hoursGranted", "a whole number")));
			}
			this.meetings.decide(id, itemId, outcome, note, hours);
			redirect.addFlashAttribute("decisionForm", Map.of());
			return "Decision recorded: " + outcome.replace('_', ' ').toLowerCase() + ".";
		});
	}

	@PostMapping("/tasking/meetings/{id}/close")
	@PreAuthorize(Roles.TASKING_CHAIRS)
	String close(@PathVariable long id, @RequestParam(defaultValue = "") String minutesNote, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			this.meetings.close(id, minutesNote);
			return "The meeting is closed and its minutes are final.";
		});
	}

	private String act(long id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("done", action.get());
		}
		catch (InvalidInput | DomainRuleViolation ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/tasking/meetings/" + id;
	}

	private static LocalDate date(String text, String field) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput("Write dates as YYYY-MM-DD, e.g. 2026-12-07.",
					List.of(new InvalidInput.FieldError(field, "not a date")));
		}
	}

}
