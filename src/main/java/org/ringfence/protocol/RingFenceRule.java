package org.ringfence.protocol;

/**
 * The ring-fence: the strength every ward keeps on ward duty on each day of a flex.
 * @param minConstables constables (PCs, dedicated ward officers)
 * @param minPcsos PCSOs
 */
public record RingFenceRule(int minConstables, int minPcsos) {

	public RingFenceRule {
		if (minConstables < 0 || minPcsos < 0) {
			throw new IllegalArgumentException("A ring-fence minimum cannot be negative");
		}
	}

	public int minimum(Rank rank) {
		return rank == Rank.CONSTABLE ? this.minConstables : this.minPcsos;
	}

	/** How many of a rank the ward is short of its minimum with this many left on ward duty (0 when none). */
	public int shortfall(Rank rank, int remaining) {
		return Math.max(0, minimum(rank) - remaining);
	}

	/** The minimum in words: "2 constables and 1 PCSO". */
	public String describe() {
		return plural(this.minConstables, "constable") + " and " + plural(this.minPcsos, "PCSO");
	}

	static String plural(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

}
