package org.ringfence.neighbourhood.web;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;
import org.ringfence.neighbourhood.Succession;
import org.ringfence.platform.InvalidInput;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Succession and tenure of a borough's ward teams: a page and its API (team aggregates, no names). */
@Controller
@Tag(name = "Succession and tenure", description = "Ward teams' time in post, teams reaching 2-3 years together, vacancies")
class SuccessionController {

	private final Succession succession;

	private final GeographyService geography;

	private final CurrentAccess access;

	SuccessionController(Succession succession, GeographyService geography, CurrentAccess access) {
		this.succession = succession;
		this.geography = geography;
		this.access = access;
	}

	@GetMapping("/api/v1/succession")
	@ResponseBody
	@PreAuthorize(Roles.REPORT_READERS)
	@Operation(summary = "A borough's ward teams by time in post, the wards where most of the team is 2-3 years in post "
			+ "at once within the next year, and vacancies against the establishment (a sergeant, two DWOs, a PCSO)",
			description = "borough defaults to the user's own borough; force-wide users name one.")
	@ApiResponse(responseCode = "200", description = "The borough's succession figures")
	@ApiResponse(responseCode = "400", description = "No borough given (force-wide users)")
	@ApiResponse(responseCode = "401", description = "Not logged in")
	@ApiResponse(responseCode = "403", description = "Role or scope does not allow this")
	Succession.BoroughTenure successionFigures(@RequestParam Optional<String> borough) {
		return this.succession.borough(borough(borough));
	}

	@GetMapping("/succession")
	@PreAuthorize(Roles.REPORT_READERS)
	String page(@RequestParam Optional<String> borough, Model model) {
		String code = borough.filter(b -> !b.isBlank()).orElse(null);
		if (code == null) {
			Optional<String> own = this.access.boroughsOrAll().filter(l -> l.size() == 1).map(l -> l.get(0));
			code = own.orElse(this.geography.boroughs().get(0).code());
		}
		this.access.require(org.ringfence.identity.Place.borough(code));
		model.addAttribute("tenure", this.succession.borough(code));
		model.addAttribute("bands", Succession.BANDS);
		model.addAttribute("boroughs", this.access.boroughsOrAll().isEmpty() ? this.geography.boroughs() : List.of());
		return "neighbourhood/succession";
	}

	private String borough(Optional<String> borough) {
		Optional<String> chosen = this.access.boroughOrLondon(borough.filter(b -> !b.isBlank()));
		return chosen.orElseThrow(() -> new InvalidInput("Name a borough (borough=E09...).",
				List.of(new InvalidInput.FieldError("borough", "required for force-wide users"))));
	}

}
