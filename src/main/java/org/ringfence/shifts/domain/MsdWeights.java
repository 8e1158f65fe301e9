package org.ringfence.shifts.domain;

import java.math.BigDecimal;

/** The weights of the format: per minute of under-cover and over-cover, per duty-per-week deviation, per shift used. */
public record MsdWeights(BigDecimal underCover, BigDecimal overCover, BigDecimal dutiesPerWeek, BigDecimal shifts) {
}
