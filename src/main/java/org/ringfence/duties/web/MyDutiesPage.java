package org.ringfence.duties.web;

import java.time.LocalDate;
import java.util.Optional;

import org.ringfence.duties.DutyService;
import org.ringfence.duties.NewDuty;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;
import org.ringfence.platform.NotFound;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** An officer's own duties, rest days, leave and notice given, with the calendar download. */
@Controller
class MyDutiesPage {

	private final DutyService duties;

	private final CurrentAccess access;

	MyDutiesPage(DutyService duties, CurrentAccess access) {
		this.duties = duties;
		this.access = access;
	}

	@GetMapping("/me/duties")
	@PreAuthorize(Roles.ANY_USER)
	String myDuties(Model model) {
		long personId = this.access.user().personId()
			.orElseThrow(() -> new NotFound("Your account is not linked to a person, so it has no duties."));
		LocalDate today = LocalDate.now(NewDuty.LONDON);
		model.addAttribute("duties", this.duties.ofPerson(personId, Optional.empty(), today.minusDays(14), today.plusDays(42)));
		model.addAttribute("codes", this.duties.codeNames());
		model.addAttribute("wards", this.duties.wardNames());
		model.addAttribute("london", NewDuty.LONDON);
		model.addAttribute("today", today);
		return "reports/my-duties";
	}

}
