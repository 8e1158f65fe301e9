package org.ringfence.allocation;

import java.util.Locale;
import java.util.Optional;

/** The kind of educational establishment (the 2011 model names secondary schools, PRUs and colleges). */
public enum SchoolPhase {

	PRIMARY, SECONDARY, ALL_THROUGH, SPECIAL, PUPIL_REFERRAL_UNIT, FURTHER_EDUCATION, OTHER;

	/** Reads a phase as people write it: any case, spaces or hyphens, "PRU", "college", "sixth form". */
	public static Optional<SchoolPhase> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String key = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
		return switch (key) {
			case "PRU" -> Optional.of(PUPIL_REFERRAL_UNIT);
			case "COLLEGE", "FE", "FE_COLLEGE", "SIXTH_FORM" -> Optional.of(FURTHER_EDUCATION);
			case "ALLTHROUGH" -> Optional.of(ALL_THROUGH);
			default -> {
				try {
					yield Optional.of(valueOf(key));
				}
				catch (IllegalArgumentException ex) {
					yield Optional.empty();
				}
			}
		};
	}

}
