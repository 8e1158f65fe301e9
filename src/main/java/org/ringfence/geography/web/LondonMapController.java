package org.ringfence.geography.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ringfence.geography.LondonMap;
import org.ringfence.identity.Roles;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Geography")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role does not allow this")
class LondonMapController {

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final LondonMap map;

	LondonMapController(LondonMap map) {
		this.map = map;
	}

	@GetMapping(path = "/wards/map", produces = "application/geo+json")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "All London's active wards as GeoJSON (code, name, borough, cluster), for London-wide maps",
			description = "About 1.1 MB (gzip when asked for). Answers 304 to a matching If-None-Match.")
	@ApiResponse(responseCode = "200", description = "A FeatureCollection of the wards")
	ResponseEntity<String> londonMap(WebRequest request) {
		LondonMap.Wards wards = this.map.wards();
		String etag = "W/\"" + wards.tag() + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok()
			.contentType(GEO_JSON)
			.eTag(etag)
			.cacheControl(CacheControl.noCache().cachePrivate())
			.body(wards.geoJson());
	}

}
