package org.ringfence.performance;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.ringfence.geography.GeographyService;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Place;
import org.ringfence.identity.RingfenceUser;
import org.ringfence.identity.Scope;
import org.ringfence.identity.ScopeDenied;

import org.springframework.stereotype.Component;

/**
 * Scope rules of the performance module. Reading (reports, surveys, problems) is by borough: a
 * user reads the boroughs their scope lies in (a cluster inspector or ward sergeant their
 * borough), a force-wide user all London. Writing (activity, problems) needs the ward itself in
 * scope.
 */
@Component
public class PerformanceScope {

	private final CurrentAccess access;

	private final GeographyService geography;

	PerformanceScope(CurrentAccess access, GeographyService geography) {
		this.access = access;
		this.geography = geography;
	}

	/** Empty for a force-wide user (all London); otherwise the boroughs their scopes lie in. */
	public Optional<Set<String>> readableBoroughs() {
		RingfenceUser user = this.access.user();
		if (user.hasForceScope()) {
			return Optional.empty();
		}
		Set<String> boroughs = new TreeSet<>();
		for (Scope scope : user.scopes()) {
			switch (scope.type()) {
				case BOROUGH -> boroughs.add(scope.code());
				case CLUSTER -> boroughs.add(this.geography.placeOfCluster(scope.code()).boroughCode());
				case WARD -> boroughs.add(this.geography.placeOfWard(scope.code()).boroughCode());
				default -> {
				}
			}
		}
		return Optional.of(boroughs);
	}

	public boolean forceWide() {
		return this.access.user().hasForceScope();
	}

	public void requireForce() {
		if (!forceWide()) {
			throw new ScopeDenied("It is outside your scope (all London).");
		}
	}

	public void requireBorough(String boroughCode) {
		readableBoroughs().ifPresent(b -> {
			if (!b.contains(boroughCode)) {
				throw new ScopeDenied("It is outside your scope (borough " + boroughCode + ").");
			}
		});
	}

	/** The ward's place, once the user's scope covers the ward itself (for writing). */
	public Place requireWard(String wardCode) {
		Place place = this.geography.placeOfWard(wardCode);
		this.access.require(place);
		return place;
	}

	/** The wards the user may write for, sorted: all for force scope; their boroughs', clusters' or own wards. */
	public java.util.List<String> writableWards() {
		RingfenceUser user = this.access.user();
		if (user.hasForceScope()) {
			return this.geography.wards(Optional.empty()).stream().map(w -> w.code()).sorted().toList();
		}
		Set<String> wards = new TreeSet<>();
		for (Scope scope : user.scopes()) {
			switch (scope.type()) {
				case BOROUGH -> this.geography.wards(Optional.of(scope.code())).forEach(w -> wards.add(w.code()));
				case CLUSTER -> wards.addAll(this.geography.cluster(scope.code()).wardCodes());
				case WARD -> wards.add(scope.code());
				default -> {
				}
			}
		}
		return java.util.List.copyOf(wards);
	}

	public boolean coversWard(Place place) {
		return this.access.covers(place);
	}

}
