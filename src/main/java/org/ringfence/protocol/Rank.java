package org.ringfence.protocol;

/**
 * The ranks the ring-fence counts. Constables are police constables, including dedicated ward
 * officers (the 2017 name for a ward's PCs); PCSOs are police community support officers.
 */
public enum Rank {

	CONSTABLE("constable"), PCSO("PCSO");

	private final String label;

	Rank(String label) {
		this.label = label;
	}

	/** The rank in words, singular. */
	public String label() {
		return this.label;
	}

	/** The rank of a workforce role name (PC, DWO, PCSO), if the ring-fence counts it. */
	public static java.util.Optional<Rank> ofRole(String role) {
		return switch (role) {
			case "PC", "DWO" -> java.util.Optional.of(CONSTABLE);
			case "PCSO" -> java.util.Optional.of(PCSO);
			default -> java.util.Optional.empty();
		};
	}

}
