package org.ringfence.demand;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.demand.domain.LocalFactorKind;
import org.ringfence.demand.domain.LocalFactorRules;
import org.ringfence.demand.persistence.LocalFactorQueries;
import org.ringfence.demand.persistence.LocalFactorQueries.FactorRow;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.platform.Actor;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import org.ringfence.platform.StateConflict;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each ward's local factors. Anyone who may read demand may read them; the borough's
 * superintendent and SMT lead (their own borough) and administrators change them. A change names
 * the version it read.
 */
@Service
public class LocalFactors {

	private final LocalFactorQueries queries;

	private final GeographyService geography;

	private final CurrentAccess access;

	private final ApplicationEventPublisher events;

	LocalFactors(LocalFactorQueries queries, GeographyService geography, CurrentAccess access,
			ApplicationEventPublisher events) {
		this.queries = queries;
		this.geography = geography;
		this.access = access;
		this.events = events;
	}

	/** The factors of one ward, or of every ward of a borough. */
	@Transactional(readOnly = true)
	public List<LocalFactor> list(Optional<String> ward, Optional<String> borough) {
		if (ward.isPresent() == borough.isPresent()) {
			throw new InvalidInput("Name a ward or a borough.",
					List.of(new InvalidInput.FieldError("ward/borough", "name exactly one")));
		}
		List<String> wards;
		String boroughCode;
		if (ward.isPresent()) {
			boroughCode = this.geography.placeOfWard(ward.get()).boroughCode();
			wards = List.of(ward.get());
		}
		else {
			boroughCode = borough.get();
			wards = this.geography.wards(borough).stream().map(WardSummary::code).toList();
		}
		return this.queries.ofWards(wards).stream().map(f -> view(f, boroughCode)).toList();
	}

	@Transactional(readOnly = true)
	public LocalFactor get(long id) {
		FactorRow row = find(id);
		return view(row, this.geography.placeOfWard(row.wardCode()).boroughCode());
	}

	/** Whether the current user may change the factors of this ward. */
	@Transactional(readOnly = true)
	public boolean mayEdit(String wardCode) {
		return this.access.may(java.util.EnumSet.of(org.ringfence.identity.Role.ADMIN,
				org.ringfence.identity.Role.SUPERINTENDENT, org.ringfence.identity.Role.SMT_LEAD),
				this.geography.placeOfWard(wardCode));
	}

	@Transactional
	public LocalFactor add(String wardCode, String kind, String description, BigDecimal weight) {
		Place place = this.geography.placeOfWard(wardCode);
		this.access.require(Place.borough(place.boroughCode()));
		check(kind, description, weight);
		long id = this.queries.insert(wardCode, kind, description.strip(), weight, Actor.current());
		LocalFactor created = get(id);
		this.events.publishEvent(StateChange.created("local factor", Long.toString(id), place.boroughCode(),
				state(created)));
		return created;
	}

	@Transactional
	public LocalFactor change(long id, int version, String kind, String description, BigDecimal weight) {
		FactorRow row = find(id);
		Place place = this.geography.placeOfWard(row.wardCode());
		this.access.require(Place.borough(place.boroughCode()));
		check(kind, description, weight);
		LocalFactor before = view(row, place.boroughCode());
		if (!this.queries.update(id, version, kind, description.strip(), weight, Actor.current())) {
			throw new StateConflict("stale-version", "The factor was changed by someone else since you read it "
					+ "(version " + row.version() + ", not " + version + "); read it again.");
		}
		LocalFactor after = get(id);
		this.events.publishEvent(StateChange.changed("local factor changed", "local factor", Long.toString(id),
				place.boroughCode(), state(before), state(after)));
		return after;
	}

	@Transactional
	public void remove(long id, int version) {
		FactorRow row = find(id);
		Place place = this.geography.placeOfWard(row.wardCode());
		this.access.require(Place.borough(place.boroughCode()));
		LocalFactor before = view(row, place.boroughCode());
		if (!this.queries.delete(id, version)) {
			throw new StateConflict("stale-version", "The factor was changed by someone else since you read it "
					+ "(version " + row.version() + ", not " + version + "); read it again.");
		}
		this.events.publishEvent(new StateChange("local factor removed", "local factor", Long.toString(id),
				Optional.of(place.boroughCode()), state(before), Map.of()));
	}

	private FactorRow find(long id) {
		return this.queries.find(id).orElseThrow(() -> new NotFound("No local factor " + id + "."));
	}

	private static void check(String kind, String description, BigDecimal weight) {
		List<String[]> problems = LocalFactorRules.problems(kind, description, weight);
		if (!problems.isEmpty()) {
			throw new InvalidInput("The local factor is not valid.",
					problems.stream().map(p -> new InvalidInput.FieldError(p[0], p[1])).toList());
		}
	}

	private static Map<String, Object> state(LocalFactor factor) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("ward", factor.wardCode());
		state.put("kind", factor.kind());
		state.put("description", factor.description());
		state.put("weight", factor.weight());
		state.put("version", factor.version());
		return state;
	}

	private static LocalFactor view(FactorRow row, String boroughCode) {
		return new LocalFactor(row.id(), row.wardCode(), boroughCode, row.kind(), LocalFactorKind.valueOf(row.kind()).label(),
				row.description(), row.weight(), row.version(), row.changedBy(), row.changedAt());
	}

}
