package org.ringfence.deflection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A significant event declared for a borough (a terror attack or other major incident whose demand
 * outstrips the resources readily available), with the SNT deployments to it.
 * @param reference "SE-" and the id, as other modules quote it
 * @param declaredByRole SUPERINTENDENT (of the borough) or ADMIN
 */
public record SignificantEvent(long id, String reference, String boroughCode, String boroughName, String title,
		String description, LocalDate startsOn, LocalDate endsOn, String declaredBy, String declaredByRole,
		Instant declaredAt, List<EventDeployment> deployments) {

	public static String reference(long id) {
		return "SE-" + id;
	}

	/** How the event is quoted elsewhere (e.g. by a flex request crossing a borough boundary). */
	public String quoted() {
		return this.reference + " " + this.title + " (" + this.boroughName + ", " + this.startsOn + " to " + this.endsOn + ")";
	}

	/** The deployments outside the officers' home boroughs (flagged). */
	public long outsideHomeBorough() {
		return this.deployments.stream().filter(EventDeployment::outsideHomeBorough).count();
	}

}
