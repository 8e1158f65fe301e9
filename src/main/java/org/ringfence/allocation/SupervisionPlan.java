package org.ringfence.allocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A borough's shared supervision arrangement: proposed, consulted on, decided by the borough
 * commander (a superintendent), published as a letter.
 * @param status PROPOSED or DECIDED
 */
public record SupervisionPlan(long id, String boroughCode, String boroughName, int sergeants, int wards,
		int maxGroupSize, LocalDate demandFrom, LocalDate demandTo, String status, String rationale,
		List<SharedGroup> groups, List<Consultation> consultations, String proposedBy, Instant proposedAt,
		Optional<String> decidedBy, Optional<Instant> decidedAt, String decisionNote, Optional<LocalDate> effectiveFrom,
		int version) {

	public boolean decided() {
		return "DECIDED".equals(this.status);
	}

	/** Who was consulted, when, and what they said. */
	public record Consultation(long id, ConsulteeType consulteeType, String consultee, LocalDate consultedOn,
			Stance stance, String response, String recordedBy, Instant recordedAt) {
	}

	public enum ConsulteeType {

		WARD_PANEL("Ward panel"), KIN("Key individual network"), LOCAL_AUTHORITY("Local authority"), MP("MP"),
		OVERSIGHT_LINK_MEMBER("Oversight link member"), COUNCILLOR("Councillor"), OTHER("Other");

		private final String label;

		ConsulteeType(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	public enum Stance {

		SUPPORTS("Supports"), OBJECTS("Objects"), COMMENTS("Comments"), NO_RESPONSE("No response");

		private final String label;

		Stance(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
