package org.ringfence.performance.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.ringfence.performance.Area;
import org.ringfence.platform.InvalidInput;

/** Request parameters shared by the performance endpoints and pages. */
final class Params {

	private Params() {
	}

	static YearMonth month(Optional<String> text, YearMonth fallback) {
		if (text.isEmpty() || text.get().isBlank()) {
			return fallback;
		}
		try {
			return YearMonth.parse(text.get().strip());
		}
		catch (DateTimeParseException ex) {
			throw invalid("month", "month must look like 2026-10");
		}
	}

	static Area.Level level(Optional<String> text, Area.Level fallback) {
		if (text.isEmpty() || text.get().isBlank()) {
			return fallback;
		}
		return Area.Level.parse(text.get()).orElseThrow(() -> invalid("level", "level must be force, bcu, borough or ward"));
	}

	static InvalidInput invalid(String field, String message) {
		return new InvalidInput(Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".",
				List.of(new InvalidInput.FieldError(field, message)));
	}

}
