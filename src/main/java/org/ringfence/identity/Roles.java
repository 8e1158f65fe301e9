package org.ringfence.identity;

/**
 * {@code @PreAuthorize} expressions, one per kind of access, so that every handler names who may
 * use it and a reader can find all handlers of a kind.
 */
public final class Roles {

	/** Any logged-in user: reference data such as the geography. */
	public static final String ANY_USER = "isAuthenticated()";

	/**
	 * Anyone, logged in or not: only published information (the public neighbourhood pages and the
	 * data.police.uk-compatible API; their paths are opened in SecurityConfiguration).
	 */
	public static final String PUBLIC = "permitAll()";

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

	/** Who may ask for and record call deflection decisions (CCC controllers, force-wide). */
	public static final String DEFLECTION_DECIDERS = "hasAnyRole('ADMIN','CONTROLLER')";

	/** Who may read deflection decisions and their monthly evaluation, within their scope. */
	public static final String DEFLECTION_READERS = "hasAnyRole('ADMIN','CONTROLLER','ANALYST','SUPERINTENDENT','SMT_LEAD')";

	/** Who may see a borough's call priorities board (who is on duty now, by name), within their scope. */
	public static final String PRIORITY_BOARD_READERS = "hasAnyRole('ADMIN','CONTROLLER','ANALYST','SUPERINTENDENT','SMT_LEAD')";

	/** The roles of {@link #PRIORITY_READERS}. */
	public static final java.util.Set<Role> PRIORITY_READER_ROLES = java.util.EnumSet.of(Role.ADMIN, Role.CONTROLLER,
			Role.ANALYST, Role.SUPERINTENDENT, Role.SMT_LEAD, Role.INSPECTOR, Role.SERGEANT);

	/** Who may read one ward's call priorities, within their scope. */
	public static final String PRIORITY_READERS = "hasAnyRole('ADMIN','CONTROLLER','ANALYST','SUPERINTENDENT','SMT_LEAD',"
			+ "'INSPECTOR','SERGEANT')";

	/** Who keeps a ward's call priorities: its sergeant or cluster inspector (and administrators). */
	public static final String PRIORITY_EDITORS = "hasAnyRole('ADMIN','SERGEANT','INSPECTOR')";

	/** Who may declare a significant event: the borough's superintendent, or an administrator. */
	public static final String EVENT_DECLARERS = "hasAnyRole('ADMIN','SUPERINTENDENT')";

	/** Who may record SNT deployments to a significant event of their borough. */
	public static final String EVENT_DEPLOYERS = "hasAnyRole('ADMIN','SUPERINTENDENT','SMT_LEAD')";

	/** Who may read significant events and the deployments to them (names), within their scope. */
	public static final String EVENT_READERS = "hasAnyRole('ADMIN','ANALYST','SUPERINTENDENT','SMT_LEAD','RESOURCE_OFFICE',"
			+ "'CONTROLLER')";

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
	/** Who may read flex requests (with the named officers), within their scope: not oversight, officers or controllers. */
	public static final String FLEX_READERS = "hasAnyRole('ADMIN','ANALYST','SUPERINTENDENT','SMT_LEAD','INSPECTOR',"
			+ "'SERGEANT','RESOURCE_OFFICE')";

	/** The roles of {@link #FLEX_READERS}. */
	public static final java.util.Set<Role> FLEX_READER_ROLES = java.util.EnumSet.of(Role.ADMIN, Role.ANALYST,
			Role.SUPERINTENDENT, Role.SMT_LEAD, Role.INSPECTOR, Role.SERGEANT, Role.RESOURCE_OFFICE);

	/** Who may draft a flex request (PSP 302) for a ward in their scope: sergeants and cluster inspectors. */
	public static final String FLEX_DRAFTERS = "hasAnyRole('SERGEANT','INSPECTOR')";

	/** Who takes steps of the flex workflow (each step names its own roles; scope is the receiving ward). */
	public static final String FLEX_ACTORS = "hasAnyRole('SUPERINTENDENT','SMT_LEAD','INSPECTOR','SERGEANT')";

	/** Who may plan flex rotations (named officers), within their borough. */
	public static final String FLEX_PLANNERS = "hasAnyRole('ADMIN','ANALYST','SUPERINTENDENT','SMT_LEAD')";

	/** Who may see the flex dashboard (aggregates and flags, no officers' names), within their scope. */
	public static final String FLEX_MONITORS = "hasAnyRole('ADMIN','ANALYST','OVERSIGHT','SUPERINTENDENT','SMT_LEAD',"
			+ "'RESOURCE_OFFICE')";

	/**
	 * Who may read allocation (shared supervision plans and recommendations, allocation of extra
	 * officers, the Safer Schools analysis), within their borough: the borough's SMT, analysts.
	 */
	public static final String ALLOCATION_READERS = "hasAnyRole('ADMIN','ANALYST','SUPERINTENDENT','SMT_LEAD')";

	/** Who may propose and consult on shared supervision and import and record Safer Schools data: the borough's SMT. */
	public static final String ALLOCATION_WRITERS = "hasAnyRole('ADMIN','SUPERINTENDENT','SMT_LEAD')";

	/** Who decides which wards share a sergeant: the borough commander (a superintendent). */
	public static final String SUPERVISION_DECIDERS = "hasAnyRole('ADMIN','SUPERINTENDENT')";

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
