package org.ringfence.duties;

/** The classes of the SN Deployment Protocol's abstraction definitions. */
public enum ActivityClass {

	/** Safer Neighbourhoods duty on the officer's own ward. */
	ON_WARD,
	/** Across a ward boundary within the borough for less than one tour: not flex. */
	CROSS_BOUNDARY_SHORT,
	REST_DAY, ANNUAL_LEAVE,
	/** Time off, compassionate or other leave entitlement. */
	OTHER_LEAVE, SICKNESS,
	/** Mandatory training courses. */
	TRAINING,
	/** Performing or maintaining the skills of a specialist role. */
	SPECIALIST_SKILLS,
	/** Public-order commitment at a pre-planned major event (Notting Hill Carnival, New Year's Eve, ...). */
	PLANNED_EVENT,
	/** Abstraction: local aid, central aid, response cover, custody, CAD room, court, other. */
	ABSTRACTION,
	/** Deployed away from own ward on the superintendent's authority through borough tasking. */
	AUTHORISED_FLEX,
	/** A borough-level significant event (terror attack, major incident). */
	SIGNIFICANT_EVENT

}
