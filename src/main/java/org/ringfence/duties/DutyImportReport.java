package org.ringfence.duties;

import java.util.List;

/**
 * What a duty import did (or, in a dry run, would have done): the files read, the duty rows in
 * them, the duties stored, the rows already stored exactly as sent, and every problem found. When
 * any row is rejected nothing is stored.
 * @param files the file names, in the order sent
 * @param rowsRead the duty rows read (header rows not counted)
 * @param stored the new duties stored (in a dry run: that would be stored)
 * @param unchanged the rows already stored exactly as sent
 * @param rejectedRows how many rows have at least one problem
 * @param problemCount how many problems were found in all (the list may be shorter)
 * @param rejected the problems, in file and line order, at most {@link #MAX_LISTED}
 * @param durationMs how long the import took
 */
public record DutyImportReport(List<String> files, boolean dryRun, int rowsRead, int stored, int unchanged,
		int rejectedRows, int problemCount, List<Problem> rejected, long durationMs) {

	/** The most problems listed in one report; the count says how many there were. */
	public static final int MAX_LISTED = 1000;

	public DutyImportReport {
		files = List.copyOf(files);
		rejected = List.copyOf(rejected);
	}

	/**
	 * One problem with one row (or with the header, line 1).
	 * @param file the file name
	 * @param line the physical line in the file, 1 being the header
	 * @param column the column concerned, empty when the whole row or file is
	 * @param reason why, in words a resource office can act on
	 */
	public record Problem(String file, long line, String column, String reason) {

		public Problem withReason(String other) {
			return new Problem(this.file, this.line, this.column, other);
		}

	}

}
