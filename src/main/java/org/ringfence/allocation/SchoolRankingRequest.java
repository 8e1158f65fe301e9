package org.ringfence.allocation;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.ringfence.allocation.domain.SchoolRanking.Direction;
import org.ringfence.allocation.domain.SchoolRanking.Normalisation;

/**
 * Rank a borough's schools for a year and allocate its Safer Schools officers.
 * @param weights criterion code to weight (others keep their default; 0 leaves one out)
 * @param directions criterion code to direction, where the partnership reads one differently
 * @param from first day of the demand period for ASB and crime around the schools (default: 1
 *     September of the year before)
 * @param to last day (default: 31 August of the year)
 */
public record SchoolRankingRequest(String boroughCode, int year, int officers, Map<String, Double> weights,
		Map<String, Direction> directions, Normalisation normalisation, Optional<LocalDate> from,
		Optional<LocalDate> to) {

	public SchoolRankingRequest {
		weights = weights == null ? Map.of() : Map.copyOf(weights);
		directions = directions == null ? Map.of() : Map.copyOf(directions);
		normalisation = normalisation == null ? Normalisation.MIN_MAX : normalisation;
		from = from == null ? Optional.empty() : from;
		to = to == null ? Optional.empty() : to;
	}

}
