package org.ringfence.neighbourhood.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.ringfence.geography.LondonMap;
import org.ringfence.identity.Roles;
import org.ringfence.neighbourhood.PublicNeighbourhoods;
import org.ringfence.neighbourhood.PublicWard;
import org.ringfence.platform.InvalidInput;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages ("your neighbourhood team"), open without login: find your team on a map of
 * London's wards or by coordinates, and a ward's page with its team, priorities and next panel
 * meetings. Only published information.
 */
@Controller
class PublicPages {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma");

	private final PublicNeighbourhoods published;

	PublicPages(PublicNeighbourhoods published) {
		this.published = published;
	}

	@GetMapping("/neighbourhoods")
	@PreAuthorize(Roles.PUBLIC)
	String index(Model model) {
		model.addAttribute("boroughs", this.published.wardsByBorough());
		model.addAttribute("lat", "");
		model.addAttribute("lng", "");
		model.addAttribute("errors", List.of());
		return "neighbourhood/public-index";
	}

	/** Find my team by coordinates: to the ward's page, or the form again with the problem. */
	@GetMapping("/neighbourhoods/locate")
	@PreAuthorize(Roles.PUBLIC)
	String locate(@RequestParam(required = false) String lat, @RequestParam(required = false) String lng, Model model) {
		Double latitude = number(lat);
		Double longitude = number(lng);
		List<InvalidInput.FieldError> errors = new java.util.ArrayList<>();
		if (latitude == null || Math.abs(latitude) > 90) {
			errors.add(new InvalidInput.FieldError("lat", "Enter the latitude as a number, for example 51.5390"));
		}
		if (longitude == null || Math.abs(longitude) > 180) {
			errors.add(new InvalidInput.FieldError("lng", "Enter the longitude as a number, for example -0.1426"));
		}
		if (errors.isEmpty()) {
			Optional<String> ward = this.published.wardAt(latitude, longitude);
			if (ward.isPresent()) {
				return "redirect:/neighbourhoods/" + ward.get();
			}
			errors.add(new InvalidInput.FieldError("lat", "That point is not in a Metropolitan Police ward (Greater London but "
					+ "the City of London)"));
		}
		model.addAttribute("boroughs", this.published.wardsByBorough());
		model.addAttribute("lat", lat == null ? "" : lat);
		model.addAttribute("lng", lng == null ? "" : lng);
		model.addAttribute("errors", errors);
		return "neighbourhood/public-index";
	}

	@GetMapping("/neighbourhoods/{wardCode}")
	@PreAuthorize(Roles.PUBLIC)
	String ward(@PathVariable String wardCode, Model model) {
		PublicWard ward = this.published.page(wardCode);
		model.addAttribute("ward", ward);
		model.addAttribute("day", DAY);
		model.addAttribute("time", TIME);
		return "neighbourhood/public-ward";
	}

	@GetMapping(path = "/neighbourhoods/map", produces = "application/geo+json")
	@PreAuthorize(Roles.PUBLIC)
	ResponseEntity<String> londonMap() {
		LondonMap.Wards wards = this.published.londonMap();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
			.contentType(MediaType.parseMediaType("application/geo+json"))
			.body(wards.geoJson());
	}

	@GetMapping(path = "/neighbourhoods/{wardCode}/map", produces = "application/geo+json")
	@PreAuthorize(Roles.PUBLIC)
	ResponseEntity<String> wardMap(@PathVariable String wardCode) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
			.contentType(MediaType.parseMediaType("application/geo+json"))
			.body(this.published.wardMap(wardCode));
	}

	private static Double number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			double d = Double.parseDouble(value.strip());
			return Double.isFinite(d) ? d : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
