package org.ringfence.tasking;

import java.time.LocalDate;

/**
 * A decision of a tasking meeting on an item a module put forward, handed back to that module.
 * @param meetingRef how the meeting is cited, e.g. {@code tasking-meeting:7 (Camden, 2026-11-30)}
 */
public record AgendaDecision(String sourceRef, String outcome, String note, long meetingId, String meetingRef,
		String boroughCode, LocalDate heldOn, String decidedBy) {
}
