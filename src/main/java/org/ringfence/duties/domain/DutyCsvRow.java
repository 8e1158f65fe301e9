package org.ringfence.duties.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.ringfence.duties.DutyKind;

/**
 * One duty row of an import file that passed every check that needs no database: the person is
 * still named by service number; the times are instants resolved in London time.
 * @param line the physical line in its file
 */
public record DutyCsvRow(long line, String serviceNumber, DutyKind kind, LocalDate dutyDate, Instant startsAt,
		Instant endsAt, Optional<String> wardCode, String place, String activityCode) {
}
