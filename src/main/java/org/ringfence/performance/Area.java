package org.ringfence.performance;

import java.util.List;
import java.util.Optional;

/**
 * A unit a report covers: the force (code MPS), a BCU (code = its name, e.g. "Central North"), a
 * borough or a team (ward), with the boroughs it lies in.
 */
public record Area(Level level, String code, String name, List<String> boroughCodes, Optional<String> wardCode) {

	public enum Level {

		FORCE, BCU, BOROUGH, WARD;

		public static Optional<Level> parse(String text) {
			if (text == null) {
				return Optional.empty();
			}
			return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
				case "force", "london", "mps" -> Optional.of(FORCE);
				case "bcu" -> Optional.of(BCU);
				case "borough" -> Optional.of(BOROUGH);
				case "ward", "team" -> Optional.of(WARD);
				default -> Optional.empty();
			};
		}

	}

	/** All London, or the boroughs of a BCU / borough / ward. */
	public Optional<List<String>> boroughFilter() {
		return this.level == Level.FORCE ? Optional.empty() : Optional.of(this.boroughCodes);
	}

}
