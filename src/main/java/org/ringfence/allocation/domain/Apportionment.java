package org.ringfence.allocation.domain;

/**
 * A method of sharing a whole number of seats among claimants in proportion to their weights: the
 * apportionment methods used for parliaments, here for officers among wards. Every method keeps
 * each claimant between its minimum and cap, and the seats always add up to the total; a problem
 * whose constraints cannot all hold is refused with {@link ApportionmentInfeasible}.
 */
public interface Apportionment {

	Method method();

	Apportioned apportion(ApportionmentProblem problem);

	/** The methods, with the implementation of each. */
	enum Method {

		/** Largest remainder (Hamilton, Hare quota): whole parts of the quotas, then the largest fractions. */
		HAMILTON("Largest remainder (Hamilton)"),
		/** D'Hondt (Jefferson): divisors 1, 2, 3, ...; favours the larger claimants. */
		DHONDT("D'Hondt (Jefferson)"),
		/** Sainte-Laguë (Webster): divisors 1, 3, 5, ... (rounding half up); the least biased by size. */
		SAINTE_LAGUE("Sainte-Laguë (Webster)"),
		/** Huntington-Hill (equal proportions): divisor √(n(n+1)); the US House since 1941. */
		HUNTINGTON_HILL("Huntington-Hill");

		private final String label;

		Method(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		public Apportionment implementation() {
			return switch (this) {
				case HAMILTON -> new LargestRemainder();
				case DHONDT -> DivisorMethod.DHONDT;
				case SAINTE_LAGUE -> DivisorMethod.SAINTE_LAGUE;
				case HUNTINGTON_HILL -> DivisorMethod.HUNTINGTON_HILL;
			};
		}

	}

}
