package org.ringfence.shifts;

import java.util.Set;

import org.ringfence.workforce.WorkforceRole;

/**
 * Who may fill a pattern's shift: constables (PCs and dedicated ward officers), PCSOs or sergeants.
 */
public enum RosterRole {

	CONSTABLE(Set.of(WorkforceRole.PC, WorkforceRole.DWO)), PCSO(Set.of(WorkforceRole.PCSO)),
	SERGEANT(Set.of(WorkforceRole.SERGEANT));

	private final Set<WorkforceRole> holders;

	RosterRole(Set<WorkforceRole> holders) {
		this.holders = holders;
	}

	/** Whether a person of this workforce role may fill a shift of this roster role. */
	public boolean filledBy(WorkforceRole role) {
		return this.holders.contains(role);
	}

}
