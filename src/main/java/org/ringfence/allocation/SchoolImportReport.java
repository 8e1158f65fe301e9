package org.ringfence.allocation;

import java.util.List;

/**
 * What a schools import read and did. All or nothing: with any problem nothing is stored (the report
 * comes back with a 422). Importing the same file again changes nothing (every school unchanged).
 */
public record SchoolImportReport(int year, int files, int rowsRead, int created, int updated, int unchanged,
		boolean dryRun, List<Problem> problems) {

	/** A problem: the file, line (1 = header), column (empty for the row) and why. */
	public record Problem(String file, long line, String column, String message) {
	}

}
