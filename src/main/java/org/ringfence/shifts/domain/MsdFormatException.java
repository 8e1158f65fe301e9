package org.ringfence.shifts.domain;

/** A Minimum Shift Design instance (or solution) that cannot be read: which line (1-based, 0 = whole file) and why. */
public class MsdFormatException extends RuntimeException {

	private final int line;

	private final String reason;

	public MsdFormatException(int line, String reason) {
		super(line > 0 ? "line " + line + ": " + reason : reason);
		this.line = line;
		this.reason = reason;
	}

	public int line() {
		return this.line;
	}

	public String reason() {
		return this.reason;
	}

}
