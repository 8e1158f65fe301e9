package org.ringfence.demand.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Places a record in a Met ward: by its LSOA code through the ONS best-fit lookups to the 2018
 * wards (the 2011 codes first, then the 2021 codes data.police.uk uses from 2022), failing that by
 * its coordinates; or says why it cannot be placed. Immutable; safe to share.
 */
public final class WardPlacement {

	/** The City of London's borough (local authority) code: its own force polices it. */
	public static final String CITY_OF_LONDON = "E09000001";

	/** Where a point is: the Met ward containing it, if any. */
	@FunctionalInterface
	public interface PointLocator {

		Optional<String> wardAt(double latitude, double longitude);

	}

	/** One line of a lookup: the ward and the borough (local authority) an LSOA lies in. */
	public record LsoaWard(String wardCode, String boroughCode) {
	}

	/** How a record was placed. */
	public enum Method {

		LSOA11("lsoa11"), LSOA21("lsoa21"), COORDINATES("coordinates"), WARD_CODE("ward-code");

		private final String code;

		Method(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

	}

	/** The ward found and how, or the reason none was (exactly one of the two is set). */
	public record Placement(String wardCode, Method method, UnmatchedReason unmatched) {

		static Placement ward(String wardCode, Method method) {
			return new Placement(wardCode, method, null);
		}

		static Placement none(UnmatchedReason reason) {
			return new Placement(null, null, reason);
		}

		public boolean placed() {
			return this.wardCode != null;
		}

	}

	private final Map<String, LsoaWard> lsoa11;

	private final Map<String, LsoaWard> lsoa21;

	private final Set<String> metWards;

	private final PointLocator locator;

	/**
	 * @param lsoa11 the 2011 LSOA best-fit lookup
	 * @param lsoa21 the 2021 LSOA lookup
	 * @param metWards the codes of the Met's active wards
	 * @param locator finds the Met ward at a point
	 */
	public WardPlacement(Map<String, LsoaWard> lsoa11, Map<String, LsoaWard> lsoa21, Set<String> metWards,
			PointLocator locator) {
		this.lsoa11 = Map.copyOf(lsoa11);
		this.lsoa21 = Map.copyOf(lsoa21);
		this.metWards = Set.copyOf(metWards);
		this.locator = locator;
	}

	/** Whether the code is an active Met ward. */
	public boolean isMetWard(String wardCode) {
		return this.metWards.contains(wardCode);
	}

	/**
	 * Places a data.police.uk record.
	 * @param lsoa the LSOA code, empty when none
	 * @param latitude NaN when none
	 * @param longitude NaN when none
	 */
	public Placement byLsoa(String lsoa, double latitude, double longitude) {
		boolean hasLsoa = !lsoa.isEmpty();
		if (hasLsoa) {
			LsoaWard found = this.lsoa11.get(lsoa);
			Method method = Method.LSOA11;
			if (found == null) {
				found = this.lsoa21.get(lsoa);
				method = Method.LSOA21;
			}
			if (found != null) {
				if (CITY_OF_LONDON.equals(found.boroughCode())) {
					return Placement.none(UnmatchedReason.CITY_OF_LONDON);
				}
				if (this.metWards.contains(found.wardCode())) {
					return Placement.ward(found.wardCode(), method);
				}
				return byPoint(latitude, longitude, UnmatchedReason.UNKNOWN_WARD);
			}
			return byPoint(latitude, longitude, UnmatchedReason.LSOA_OUTSIDE_LONDON);
		}
		return byPoint(latitude, longitude, null);
	}

	/**
	 * Places a CAD call: by its ward code when it is a Met ward, else by its coordinates.
	 * @param wardCode empty when none
	 */
	public Placement byWardCode(String wardCode, double latitude, double longitude) {
		if (!wardCode.isEmpty()) {
			if (this.metWards.contains(wardCode)) {
				return Placement.ward(wardCode, Method.WARD_CODE);
			}
			return byPoint(latitude, longitude, UnmatchedReason.UNKNOWN_WARD);
		}
		return byPoint(latitude, longitude, null);
	}

	private Placement byPoint(double latitude, double longitude, UnmatchedReason otherwise) {
		if (Double.isNaN(latitude) || Double.isNaN(longitude)) {
			return Placement.none(otherwise != null ? otherwise : UnmatchedReason.NO_LOCATION);
		}
		Optional<String> ward = this.locator.wardAt(latitude, longitude).filter(this.metWards::contains);
		if (ward.isPresent()) {
			return Placement.ward(ward.get(), Method.COORDINATES);
		}
		return Placement.none(otherwise != null ? otherwise : UnmatchedReason.POINT_OUTSIDE_MET);
	}

}
