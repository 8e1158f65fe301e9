package org.ringfence.demand.domain;

import java.util.Locale;

/**
 * What a profile counts. Every record counts once in {@link #ALL}; a ward-month's recorded crime
 * comes from one source and its ASB from one source (decision 15):
 * <ul>
 * <li>{@link #TNO}: recorded crime: the Met's ward counts where they cover the ward and month, else
 * data.police.uk crimes (every type but anti-social behaviour);</li>
 * <li>{@link #ASB}: anti-social behaviour: ASB CAD calls where the ward and month have CAD calls, else
 * data.police.uk's anti-social behaviour incidents;</li>
 * <li>{@link #CALLS}: CAD calls for service of every category (ASB calls included);</li>
 * <li>{@link #ALL}: all of these, each record once.</li>
 * </ul>
 */
public enum DemandKind {

	TNO, ASB, CALLS, ALL;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The kind named (any case), or null. */
	public static DemandKind of(String code) {
		for (DemandKind kind : values()) {
			if (kind.code().equalsIgnoreCase(code)) {
				return kind;
			}
		}
		return null;
	}

	/**
	 * Whether records of a source and ASB class count in this kind, given which sources the
	 * ward-month holds.
	 * @param source police-uk, mps, cad or cad-synthetic
	 */
	public boolean counts(String source, boolean asb, boolean monthHasMetCounts, boolean monthHasCalls) {
		boolean call = source.startsWith("cad");
		boolean policeUkCrime = source.equals("police-uk") && !asb;
		boolean policeUkAsb = source.equals("police-uk") && asb;
		if (policeUkCrime && monthHasMetCounts) {
			return false;
		}
		if (policeUkAsb && monthHasCalls) {
			return false;
		}
		return switch (this) {
			case TNO -> source.equals("mps") || policeUkCrime;
			case ASB -> asb;
			case CALLS -> call;
			case ALL -> true;
		};
	}

	/** Whether a CAD call (timed) of this ASB class counts in this kind. */
	public boolean countsCall(boolean asb) {
		return switch (this) {
			case TNO -> false;
			case ASB -> asb;
			case CALLS, ALL -> true;
		};
	}

}
