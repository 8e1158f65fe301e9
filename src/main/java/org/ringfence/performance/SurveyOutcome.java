package org.ringfence.performance;

import java.util.Optional;

import org.ringfence.performance.domain.Significance.Comparison;

/**
 * One survey question's result for an area and quarter, with the changes on the quarter before
 * and the same quarter a year before, each tested for significance.
 * @param source where the figure comes from: "ward sample", "borough sample", or "N boroughs pooled"
 * @param assessment "better" / "worse" (significant change either way, judged by whether a rise is
 *     good news), "no significant change", "sample too small", or "no earlier result"
 */
public record SurveyOutcome(String question, String label, boolean outcome, boolean higherIsBetter, String period,
		Optional<Double> proportion, long sampleSize, boolean synthetic, String source,
		Optional<Comparison> quarterOnQuarter, Optional<Comparison> yearOnYear, String assessment) {
}
