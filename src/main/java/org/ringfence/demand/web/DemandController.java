package org.ringfence.demand.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ringfence.demand.CategoryWeight;
import org.ringfence.demand.CategoryWeights;
import org.ringfence.demand.DemandProfile;
import org.ringfence.demand.DemandProfiles;
import org.ringfence.demand.LocalFactor;
import org.ringfence.demand.LocalFactors;
import org.ringfence.demand.WardRank;
import org.ringfence.demand.domain.DemandKind;
import org.ringfence.demand.domain.Period;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;

import org.springframework.format.annotation.DateTimeFormat;
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

@RestController
@RequestMapping("/api/v1/demand")
@Tag(name = "Demand", description = "Demand profiles, ward rankings, category weights and local factors")
@ApiResponse(responseCode = "400", description = "Invalid parameters")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role or area does not allow this")
class DemandController {

	private final DemandProfiles profiles;

	private final CategoryWeights weights;

	private final LocalFactors factors;

	DemandController(DemandProfiles profiles, CategoryWeights weights, LocalFactors factors) {
		this.profiles = profiles;
		this.weights = weights;
		this.factors = factors;
	}

	@GetMapping("/profile")
	@PreAuthorize(Roles.DEMAND_READERS)
	@Operation(summary = "Demand profile of a ward, cluster, borough or all London",
			description = "Dates inclusive (ISO); by default the twelve months up to the latest month holding records. "
					+ "kind: tno (recorded crime), asb, calls (CAD calls) or all (each record once). Totals are weighted by "
					+ "category (weight 1 unless set). Records known only by their month (data.police.uk, the Met's counts) "
					+ "count in total, untimed and byMonth when the period covers their whole month, and not in hourOfWeek "
					+ "(168 values, Monday 00:00-01:00 first, London time), which sums to total - untimed.")
	@ApiResponse(responseCode = "200", description = "The profile")
	@ApiResponse(responseCode = "404", description = "No such ward, cluster or borough")
	DemandProfile demandProfile(@RequestParam Optional<String> ward, @RequestParam Optional<String> cluster,
			@RequestParam Optional<String> borough,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to,
			@Parameter(description = "tno, asb, calls or all") @RequestParam(defaultValue = "all") String kind) {
		DemandProfiles.Place place = this.profiles.place(blankless(ward), blankless(cluster), blankless(borough));
		return this.profiles.profile(place, this.profiles.period(from, to), kind(kind));
	}

	@GetMapping("/ranking")
	@PreAuthorize(Roles.DEMAND_READERS)
	@Operation(summary = "Every ward of London (or of a borough) ranked by demand, most first",
			description = "Same period, kind and weighting rules as the profile; with the rate per 1,000 residents.")
	@ApiResponse(responseCode = "200", description = "{from, to, kind, wards: [{rank, wardCode, wardName, boroughCode, total, untimed, population, perThousandResidents}]}")
	@ApiResponse(responseCode = "404", description = "No such borough")
	Map<String, Object> demandRanking(@RequestParam Optional<String> borough,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to,
			@Parameter(description = "tno, asb, calls or all") @RequestParam(defaultValue = "all") String kind) {
		Period period = this.profiles.period(from, to);
		DemandKind demandKind = kind(kind);
		List<WardRank> wards = this.profiles.ranking(blankless(borough), period, demandKind);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("borough", blankless(borough).orElse(null));
		body.put("from", period.from());
		body.put("to", period.to());
		body.put("kind", demandKind.code());
		body.put("wards", wards);
		return body;
	}

	@GetMapping("/weights")
	@PreAuthorize(Roles.DEMAND_READERS)
	@Operation(summary = "The categories of the demand data with their weights and records held")
	@ApiResponse(responseCode = "200", description = "Categories")
	List<CategoryWeight> demandWeights() {
		return this.weights.weights();
	}

	/** A category's new weight. */
	record WeightChange(String category, BigDecimal weight) {
	}

	@PutMapping("/weights")
	@PreAuthorize(Roles.ADMIN)
	@Operation(summary = "Set the weight of a category (0-1,000; 1 = a count)",
			description = "Applies at once to profiles and rankings, records already held included.")
	@ApiResponse(responseCode = "200", description = "The category with its new weight")
	@ApiResponse(responseCode = "404", description = "No such category")
	CategoryWeight setDemandWeight(@RequestBody WeightChange change) {
		return this.weights.set(change.category(), change.weight());
	}

	@GetMapping("/local-factors")
	@PreAuthorize(Roles.DEMAND_READERS)
	@Operation(summary = "The local factors of a ward or of every ward of a borough")
	@ApiResponse(responseCode = "200", description = "Factors")
	@ApiResponse(responseCode = "404", description = "No such ward or borough")
	List<LocalFactor> localFactors(@RequestParam Optional<String> ward, @RequestParam Optional<String> borough) {
		return this.factors.list(blankless(ward), blankless(borough));
	}

	/** A factor as sent: kind HOSPITAL, COLLEGE, NIGHT_TIME_ECONOMY, SHARED_SN_BASE or OTHER. */
	record FactorFields(String wardCode, String kind, String description, BigDecimal weight, Integer version) {
	}

	@PostMapping("/local-factors")
	@PreAuthorize(Roles.LOCAL_FACTOR_EDITORS)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a local factor of a ward",
			description = "Superintendents and SMT leads of the ward's borough, administrators. weight: the demand it adds "
					+ "per month in units of one month's TNO + ASB (0-10,000).")
	@ApiResponse(responseCode = "201", description = "The factor")
	@ApiResponse(responseCode = "404", description = "No such ward")
	LocalFactor addLocalFactor(@RequestBody FactorFields fields) {
		if (fields.wardCode() == null) {
			throw new InvalidInput("wardCode is required.", List.of(new InvalidInput.FieldError("wardCode", "required")));
		}
		return this.factors.add(fields.wardCode(), fields.kind(), fields.description(), fields.weight());
	}

	@PutMapping("/local-factors/{id}")
	@PreAuthorize(Roles.LOCAL_FACTOR_EDITORS)
	@Operation(summary = "Change a local factor (naming the version read)")
	@ApiResponse(responseCode = "200", description = "The factor")
	@ApiResponse(responseCode = "404", description = "No such factor")
	@ApiResponse(responseCode = "409", description = "Changed by someone else since it was read")
	LocalFactor changeLocalFactor(@PathVariable long id, @RequestBody FactorFields fields) {
		if (fields.version() == null) {
			throw new InvalidInput("version is required.", List.of(new InvalidInput.FieldError("version", "required")));
		}
		return this.factors.change(id, fields.version(), fields.kind(), fields.description(), fields.weight());
	}

	@DeleteMapping("/local-factors/{id}")
	@PreAuthorize(Roles.LOCAL_FACTOR_EDITORS)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a local factor (naming the version read)")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "404", description = "No such factor")
	@ApiResponse(responseCode = "409", description = "Changed by someone else since it was read")
	void removeLocalFactor(@PathVariable long id, @RequestParam int version) {
		this.factors.remove(id, version);
	}

	static DemandKind kind(String kind) {
		DemandKind parsed = DemandKind.of(kind);
		if (parsed == null) {
			throw new InvalidInput("kind must be tno, asb, calls or all.", List.of(new InvalidInput.FieldError("kind",
					"one of tno, asb, calls, all")));
		}
		return parsed;
	}

	static Optional<String> blankless(Optional<String> value) {
		return value.map(String::strip).filter(v -> !v.isEmpty());
	}

}
