package org.ringfence.geography.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.BoundaryImportReport;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.LocatedWard;
import org.ringfence.geography.WardDetail;
import org.ringfence.geography.WardSummary;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.web.Uploads;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Geography", description = "Boroughs, clusters, wards, boundaries, locate a point")
@ApiResponse(responseCode = "400", description = "Invalid parameter")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role does not allow this")
class GeographyController {


	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final GeographyService geography;

	GeographyController(GeographyService geography) {
		this.geography = geography;
	}

	@GetMapping("/boroughs")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "The 32 Metropolitan Police boroughs with their BCU and number of wards")
	List<BoroughSummary> boroughs() {
		return this.geography.boroughs();
	}

	@GetMapping("/boroughs/{code}")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "One borough")
	@ApiResponse(responseCode = "404", description = "No such borough")
	BoroughSummary borough(@PathVariable String code) {
		return this.geography.borough(code);
	}

	@GetMapping(path = "/boroughs/{code}/map", produces = "application/geo+json")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "The borough's wards as GeoJSON, with cluster, population and area")
	@ApiResponse(responseCode = "404", description = "No such borough")
	ResponseEntity<String> boroughMap(@PathVariable String code) {
		return ResponseEntity.ok().contentType(GEO_JSON).body(this.geography.boroughMap(code));
	}

	@GetMapping("/clusters")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "Clusters (3-6 contiguous wards), all or of one borough")
	@ApiResponse(responseCode = "404", description = "No such borough")
	List<ClusterSummary> clusters(@RequestParam Optional<String> borough) {
		return this.geography.clusters(borough);
	}

	@GetMapping("/wards")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "Active wards, all or of one borough")
	@ApiResponse(responseCode = "404", description = "No such borough")
	List<WardSummary> wards(@Parameter(example = "E09000007") @RequestParam Optional<String> borough) {
		return this.geography.wards(borough);
	}

	@GetMapping("/wards/{code}")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "One ward, with its neighbours (adjacent ward codes)")
	@ApiResponse(responseCode = "404", description = "No such ward")
	WardDetail ward(@PathVariable String code) {
		return this.geography.ward(code);
	}

	@GetMapping(path = "/wards/{code}/boundary", produces = "application/geo+json")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "The ward's boundary as a GeoJSON FeatureCollection")
	@ApiResponse(responseCode = "404", description = "No such ward")
	ResponseEntity<String> wardBoundary(@PathVariable String code) {
		return ResponseEntity.ok().contentType(GEO_JSON).body(this.geography.wardMap(code));
	}

	@GetMapping("/locate")
	@PreAuthorize(Roles.ANY_USER)
	@Operation(summary = "The ward and borough containing a point (WGS84)")
	@ApiResponse(responseCode = "404", description = "The point is outside the Metropolitan Police area")
	LocatedWard locate(@Parameter(example = "51.5390") @RequestParam double lat,
			@Parameter(example = "-0.1426") @RequestParam double lng) {
		return this.geography.locate(lat, lng)
			.orElseThrow(() -> new NotFound("The point " + lat + ", " + lng
					+ " is not in any Metropolitan Police ward (outside London, or in the City of London)."));
	}

	@PostMapping(path = "/geography/boundaries", consumes = { MediaType.MULTIPART_FORM_DATA_VALUE,
			MediaType.APPLICATION_JSON_VALUE, "application/geo+json" })
	@PreAuthorize(Roles.ADMIN)
	@Operation(summary = "Import a ward boundary set (GeoJSON FeatureCollection with code, name and borough properties)",
			description = "Send the file as the request body or as multipart field 'file'. All or nothing: any rejected "
					+ "feature rejects the file (422 with the report). dryRun=true reports without storing.")
	@ApiResponse(responseCode = "200", description = "Imported (or dry run): what was created, changed, retired")
	@ApiResponse(responseCode = "422", description = "Features rejected, nothing imported; the report says why")
	BoundaryImportReport importBoundaries(HttpServletRequest request,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "Uploaded boundary set") String name) throws IOException {
		byte[] content;
		String source;
		if (request instanceof MultipartHttpServletRequest multipart) {
			MultipartFile file = multipart.getFile("file");
			if (file == null) {
				throw new InvalidInput("Send the GeoJSON file in the multipart field 'file'.",
						List.of(new InvalidInput.FieldError("file", "missing")));
			}
			content = file.getBytes();
			source = "upload " + Uploads.safeName(file.getOriginalFilename());
		}
		else {
			content = Uploads.body(request);
			source = "upload (request body)";
		}
		if (name.isBlank() || name.length() > 200) {
			throw new InvalidInput("name must be 1-200 characters.", List.of(new InvalidInput.FieldError("name", "length")));
		}
		return this.geography.importBoundaries(content, name, source, dryRun);
	}


}
