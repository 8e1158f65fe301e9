package org.ringfence.demand.domain;

import java.util.List;
import java.util.Map;

/**
 * What an import did, row by row: every row read is counted once as stored, duplicate (its natural
 * key is stored already or came earlier in the import), revised (the Met's counts: a stored count
 * changed), unmatched (not placed in a Met ward: counted by reason with examples) or rejected (the
 * line and why; any rejected row fails the import and nothing is stored).
 * @param files the files read, with their rows
 * @param rowsRead data rows read (header and empty lines not counted)
 * @param stored rows stored as new records
 * @param duplicate rows whose record was stored already (before or earlier in this import)
 * @param revised rows that changed stored records (the Met's counts only)
 * @param unmatched rows not placed in a Met ward
 * @param rejected rows (or files) refused, with line and reason
 * @param details figures of the kind of import (records by source of the ward, crimes, months, ignored columns)
 * @param durationMs how long the import took
 */
public record ImportReport(List<FileRows> files, long rowsRead, long stored, long duplicate, long revised,
		Unmatched unmatched, Rejected rejected, Map<String, Object> details, long durationMs) {

	/** One file: its name and the data rows read from it. */
	public record FileRows(String name, long rows) {
	}

	/** Rows not placed in a ward. */
	public record Unmatched(long total, List<ReasonCount> byReason, List<Example> examples) {
	}

	/** How many rows for one reason. */
	public record ReasonCount(String reason, String description, long rows) {
	}

	/** One unmatched row as read. */
	public record Example(String file, long line, String reason, String row) {
	}

	/** Refused rows: how many, and the first of them with file, line and reason. */
	public record Rejected(long total, List<Rejection> rows) {
	}

	/** One refusal: a line of a file (line 1 is the header; 0 when about the whole file) and why. */
	public record Rejection(String file, long line, String reason) {
	}

}
