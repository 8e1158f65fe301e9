package org.ringfence.identity;

/**
 * {@code @PreAuthorize} expressions, one per kind of access, so that every handler names who may
 * use it and a reader can find all handlers of a kind.
 */
public final class Roles {

	/** Any logged-in user: reference data such as the geography. */
	public static final String ANY_USER = "isAuthenticated()";

	/** Administrators only. */
	public static final String ADMIN = "hasRole('ADMIN')";

	/** The roles of {@link #TEAM_READERS}, for pages that show a team only to those who may read it. */
	public static final java.util.Set<Role> TEAM_READER_ROLES = java.util.EnumSet.of(Role.ADMIN, Role.ANALYST,
			Role.SUPERINTENDENT, Role.SMT_LEAD, Role.INSPECTOR, Role.SERGEANT, Role.RESOURCE_OFFICE, Role.CONTROLLER);

	/** The roles of {@link #PEOPLE_LISTERS}. */
	public static final java.util.Set<Role> PEOPLE_LISTER_ROLES = java.util.EnumSet.of(Role.ADMIN, Role.ANALYST,
			Role.SUPERINTENDENT, Role.SMT_LEAD, Role.INSPECTOR, Role.SERGEANT, Role.RESOURCE_OFFICE);

	/** Who may read ward teams (personal data), within their scope. Not oversight, not officers. */
	public static final String TEAM_READERS = "hasAnyRole('ADMIN','ANALYST','SUPERINTENDENT','SMT_LEAD','INSPECTOR',"
			+ "'SERGEANT','RESOURCE_OFFICE','CONTROLLER')";

	/** Who may read people and their postings, within their scope (officers: only themselves). */
	public static final String PEOPLE_READERS = "hasAnyRole('ADMIN','ANALYST','SUPERINTENDENT','SMT_LEAD','INSPECTOR',"
			+ "'SERGEANT','RESOURCE_OFFICE','OFFICER')";

	/** Who may browse the people of a borough or cluster (not officers, controllers or oversight). */
	public static final String PEOPLE_LISTERS = "hasAnyRole('ADMIN','ANALYST','SUPERINTENDENT','SMT_LEAD','INSPECTOR',"
			+ "'SERGEANT','RESOURCE_OFFICE')";

	/** Who may record, change and import duties, within their scope (the borough's resource office). */
	public static final String DUTY_WRITERS = "hasAnyRole('ADMIN','RESOURCE_OFFICE')";

	/** The roles of {@link #REPORT_READERS}, for pages that link to a report only for those who may read it. */
	public static final java.util.Set<Role> REPORT_READER_ROLES = java.util.EnumSet.of(Role.ADMIN, Role.ANALYST,
			Role.OVERSIGHT, Role.SUPERINTENDENT, Role.SMT_LEAD, Role.RESOURCE_OFFICE);

	/** Who may read the abstraction report (team aggregates, no names), within their scope. */
	public static final String REPORT_READERS = "hasAnyRole('ADMIN','ANALYST','OVERSIGHT','SUPERINTENDENT','SMT_LEAD',"
			+ "'RESOURCE_OFFICE')";

	/** Who may drill down from a report figure to the duty records behind it (names): not oversight. */
	public static final String DRILLDOWN_READERS = "hasAnyRole('ADMIN','ANALYST','SUPERINTENDENT','SMT_LEAD',"
			+ "'RESOURCE_OFFICE','INSPECTOR')";

	/** Who may read the audit trail, within their scope. */
	public static final String AUDIT_READERS = "hasAnyRole('ADMIN','ANALYST','SUPERINTENDENT','SMT_LEAD')";

	/** Who may check the audit chain (a count and a verdict, no personal data). */
	public static final String AUDIT_VERIFIERS = "hasAnyRole('ADMIN','ANALYST','OVERSIGHT')";

	/** Who may read borough tasking meetings, their minutes and support bids, within their borough. */
	public static final String TASKING_READERS = "hasAnyRole('ADMIN','ANALYST','SUPERINTENDENT','SMT_LEAD')";

	/** Who may plan tasking meetings, build their agenda and make and debrief bids: the borough's SMT. */
	public static final String TASKING_SECRETARIES = "hasAnyRole('ADMIN','SUPERINTENDENT','SMT_LEAD')";

	/** Who may record a tasking meeting's decisions and close it: the superintendent who chairs it. */
	public static final String TASKING_CHAIRS = "hasAnyRole('ADMIN','SUPERINTENDENT')";

	/** Who may import demand data (crime counts, data.police.uk files, CAD calls): administrators and PIB analysts. */
	public static final String DEMAND_IMPORTERS = "hasAnyRole('ADMIN','ANALYST')";

	/** The roles of {@link #DEMAND_READERS}, for pages that link to demand only for those who may read it. */
	public static final java.util.Set<Role> DEMAND_READER_ROLES = java.util.EnumSet.of(Role.ADMIN, Role.ANALYST,
			Role.OVERSIGHT, Role.SUPERINTENDENT, Role.SMT_LEAD, Role.INSPECTOR, Role.SERGEANT, Role.CONTROLLER,
			Role.RESOURCE_OFFICE);

	/**
	 * Who may read demand profiles, rankings, weights and local factors: every role but officers.
	 * Demand is aggregate and not personal, so London-wide for all of them (neighbouring wards'
	 * demand matters to shared supervision and allocation); decision 16.
	 */
	public static final String DEMAND_READERS = "hasAnyRole('ADMIN','ANALYST','OVERSIGHT','SUPERINTENDENT','SMT_LEAD',"
			+ "'INSPECTOR','SERGEANT','CONTROLLER','RESOURCE_OFFICE')";

	/** Who may record a ward's local factors, within their borough: the superintendent, the SMT lead, administrators. */
	public static final String LOCAL_FACTOR_EDITORS = "hasAnyRole('ADMIN','SUPERINTENDENT','SMT_LEAD')";

	private Roles() {
	}

}
