package org.ringfence.performance.domain;

/** A problem with an imported file: the line (1 = header), the column (may be empty) and why. */
public record RowError(long line, String column, String reason) {

	@Override
	public String toString() {
		return "line " + this.line + (this.column.isEmpty() ? "" : ", column " + this.column) + ": " + this.reason;
	}

}
