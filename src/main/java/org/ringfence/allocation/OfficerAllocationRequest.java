package org.ringfence.allocation;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Share a number of officers (e.g. dedicated ward officers) among the wards of a force, BCU or
 * borough by demand.
 * @param code the BCU's name (e.g. "Central North") or the borough's code; none for the force
 * @param total the officers the wards of the scope should have in all after the allocation
 * @param minimumPerWard the least any ward gets (the One Met ring-fence is 2 DWOs)
 * @param cap the most any ward gets, if limited
 * @param wardCaps caps for particular wards, by ward code (win over cap)
 * @param noLoss no ward gets fewer than it has now (its team's DWOs and PCs today)
 * @param from first day of the demand period (default: twelve complete months back)
 * @param to last day of the demand period, inclusive
 */
public record OfficerAllocationRequest(Scope scope, Optional<String> code, int total, int minimumPerWard,
		Optional<Integer> cap, Map<String, Integer> wardCaps, boolean noLoss, Measure measure, Method method,
		Optional<LocalDate> from, Optional<LocalDate> to) {

	public OfficerAllocationRequest {
		code = code == null ? Optional.empty() : code;
		cap = cap == null ? Optional.empty() : cap;
		wardCaps = wardCaps == null ? Map.of() : Map.copyOf(wardCaps);
		from = from == null ? Optional.empty() : from;
		to = to == null ? Optional.empty() : to;
	}

	public enum Scope {

		FORCE, BCU, BOROUGH

	}

	/** What demand is measured by. */
	public enum Measure {

		TNO("Recorded crime (TNO)"), ASB("Anti-social behaviour"), CALLS("Calls for service"),
		SN("SN demand: TNO + ASB + local factors"), POPULATION("Residents (not demand: for comparison)");

		private final String label;

		Measure(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	public enum Method {

		HAMILTON, DHONDT, SAINTE_LAGUE, HUNTINGTON_HILL

	}

}
