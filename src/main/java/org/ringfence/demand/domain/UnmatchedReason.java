package org.ringfence.demand.domain;

/** Why a row read from a file could not be placed in a Met ward (it is reported, never stored). */
public enum UnmatchedReason {

	/** Neither an LSOA code (or ward code) nor coordinates. */
	NO_LOCATION("no-location", "no location: neither an LSOA or ward code nor coordinates"),
	/** In the City of London, which the City of London Police polices, not the Met. */
	CITY_OF_LONDON("city-of-london", "in the City of London (policed by the City of London Police, not the Met)"),
	/** An LSOA code of neither London lookup (2011, 2021), and no coordinates inside a Met ward. */
	LSOA_OUTSIDE_LONDON("lsoa-outside-london",
			"LSOA code not in London's 2011 or 2021 lookups, and no coordinates inside a Met ward"),
	/** Coordinates (and no LSOA) outside every Met ward. */
	POINT_OUTSIDE_MET("point-outside-met", "coordinates outside every Met ward"),
	/** A ward code, or the ward an LSOA lies in, that is not an active Met ward of the geography. */
	UNKNOWN_WARD("unknown-ward", "ward code not a Met ward of the geography (2018 wards)");

	private final String code;

	private final String description;

	UnmatchedReason(String code, String description) {
		this.code = code;
		this.description = description;
	}

	public String code() {
		return this.code;
	}

	public String description() {
		return this.description;
	}

}
