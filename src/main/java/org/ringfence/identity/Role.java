package org.ringfence.identity;

/** The roles of DESIGN.md. Each user has exactly one. */
public enum Role {

	/** Administrator: accounts, geography, the audit trail. */
	ADMIN,
	/** Performance information bureau analyst: all data, read only. */
	ANALYST,
	/** Oversight body member: aggregates only, no personal data. */
	OVERSIGHT,
	/** Borough superintendent: authorises flex in own borough. */
	SUPERINTENDENT,
	/** Safer Neighbourhoods senior management team lead of a borough. */
	SMT_LEAD,
	/** Cluster inspector. */
	INSPECTOR,
	/** Ward sergeant: own ward(s). */
	SERGEANT,
	/** Officer or PCSO: own duties. */
	OFFICER,
	/** Central command and control (CCC) controller: call deflection, priorities. */
	CONTROLLER,
	/** Borough resource management office: duty records of own borough. */
	RESOURCE_OFFICE;

	public String authority() {
		return "ROLE_" + name();
	}

}
