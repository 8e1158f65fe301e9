package org.ringfence.deflection;

import java.time.Instant;
import java.util.Optional;

/**
 * A call as a controller describes it for a deflection decision.
 * @param cadReference the CAD (computer-aided despatch) reference
 * @param at when the incident is (default: now)
 * @param wardCode the ward, or empty to locate it from latitude and longitude
 * @param callCategory a {@link CallCategory} code
 * @param needsPoliceOfficer true when it needs a police officer, false when a PCSO may take it
 * @param expectedMinutes how long the call is expected to keep the officer
 * @param criticalIncident part of a developing critical or major incident
 * @param overrideReason the controller's explicit override of the conditions (critical incidents only)
 */
public record Incident(String cadReference, Optional<Instant> at, Optional<String> wardCode, Optional<Double> latitude,
		Optional<Double> longitude, String callCategory, boolean needsPoliceOfficer, int expectedMinutes,
		boolean criticalIncident, Optional<String> overrideReason) {

	public Incident {
		cadReference = cadReference == null ? "" : cadReference.strip();
		callCategory = callCategory == null ? "" : callCategory.strip();
		at = at == null ? Optional.empty() : at;
		wardCode = wardCode == null ? Optional.empty() : wardCode.map(String::strip).filter(w -> !w.isEmpty());
		latitude = latitude == null ? Optional.empty() : latitude;
		longitude = longitude == null ? Optional.empty() : longitude;
		overrideReason = overrideReason == null ? Optional.empty()
				: overrideReason.map(String::strip).filter(r -> !r.isEmpty());
	}

}
