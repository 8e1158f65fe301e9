package org.ringfence.duties.domain;

import java.util.List;

import org.ringfence.duties.DutyImportReport.Problem;

/**
 * One import file as read: its rows that passed the checks needing no database, and the problems
 * of the rest.
 * @param rowsRead the duty rows in the file (header not counted)
 */
public record DutyCsvFile(String name, int rowsRead, List<DutyCsvRow> rows, List<Problem> problems) {
}
