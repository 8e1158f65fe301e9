package org.ringfence.allocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.allocation.domain.SchoolRanking.Direction;
import org.ringfence.allocation.domain.SchoolRanking.Normalisation;

/**
 * A borough's schools ranked by need for a year, with who gets a Safer Schools officer and every
 * other school's named point of contact. Recorded (recordedBy present) or a preview.
 * @param normalisationNote how the criteria were put on one scale, in words
 */
public record SchoolAllocation(String boroughCode, String boroughName, int year, int officers,
		Normalisation normalisation, String normalisationNote, List<CriterionUsed> criteria, LocalDate demandFrom,
		LocalDate demandTo, List<RankedSchool> schools, Optional<String> recordedBy, Optional<Instant> recordedAt) {

	/** A criterion as used. */
	public record CriterionUsed(String code, String label, double weight, Direction direction, String source) {
	}

	/**
	 * A school in the ranking.
	 * @param values its values (for ASB and crime around it: its ward's, from the demand data)
	 * @param normalised each used criterion on the common scale (higher = more need)
	 * @param kept it had an officer and keeps it
	 * @param reason why it has an officer or not
	 * @param contact for a school without an officer: its named point of contact from the ward team
	 */
	public record RankedSchool(int rank, String urn, String name, SchoolPhase phase, String wardCode, String wardName,
			double score, Map<String, Double> values, Map<String, Double> normalised, boolean officer, boolean kept,
			String reason, Optional<Contact> contact) {
	}

	/** A member of the school's ward team named as its point of contact. */
	public record Contact(long personId, String name, String role) {
	}

}
