package org.ringfence.platform;

import java.util.List;

/**
 * Input that cannot be read or fails validation, with every problem found (which row or field, and why).
 * Answered with 400, or with 422 when the input was well-formed but rejected as a whole.
 */
public class InvalidInput extends RuntimeException {

	private final List<FieldError> errors;

	private final Object report;

	public InvalidInput(String message, List<FieldError> errors) {
		this(message, errors, null);
	}

	public InvalidInput(String message, List<FieldError> errors, Object report) {
		super(message);
		this.errors = List.copyOf(errors);
		this.report = report;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** A report of what was read, when the whole input was rejected (may be null). */
	public Object report() {
		return this.report;
	}

	/** One problem: where (a field name, or "feature 12", "line 40, column name") and why. */
	public record FieldError(String field, String message) {
	}

}
