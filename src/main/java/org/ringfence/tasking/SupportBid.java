package org.ringfence.tasking;

import java.time.LocalDate;
import java.util.Optional;

/** A bid for a pan-London support unit, with its outcome and debrief. */
public record SupportBid(long id, String boroughCode, SupportUnit unit, Optional<String> wardCode, String purpose,
		LocalDate wantedFrom, LocalDate wantedTo, int hoursRequested, String status, String outcomeNote,
		Optional<Integer> hoursGranted, String debrief, Optional<Boolean> operationsOfficeInformed,
		String notInformedReason, String createdBy, int version) {

	public String sourceRef() {
		return "support-bid:" + this.id;
	}

}
