package org.ringfence.performance;

import java.util.EnumSet;
import java.util.Set;

import org.ringfence.identity.Role;

/** {@code @PreAuthorize} expressions of the performance module (scope is checked in the services). */
public final class PerformanceRoles {

	/**
	 * Who may read the monthly SN performance report and survey outcomes (aggregates, no personal
	 * data): analysts, oversight, the borough's superintendent, SMT lead and inspectors (their
	 * borough), administrators.
	 */
	public static final String REPORT_READERS = "hasAnyRole('ADMIN','ANALYST','OVERSIGHT','SUPERINTENDENT','SMT_LEAD',"
			+ "'INSPECTOR')";

	public static final Set<Role> REPORT_READER_ROLES = EnumSet.of(Role.ADMIN, Role.ANALYST, Role.OVERSIGHT,
			Role.SUPERINTENDENT, Role.SMT_LEAD, Role.INSPECTOR);

	/** Who may read EPIC activity: the report readers and sergeants (their ward). */
	public static final String ACTIVITY_READERS = "hasAnyRole('ADMIN','ANALYST','OVERSIGHT','SUPERINTENDENT','SMT_LEAD',"
			+ "'INSPECTOR','SERGEANT')";

	/** Who enters EPIC activity: sergeants (their ward), inspectors (their cluster), administrators. */
	public static final String ACTIVITY_WRITERS = "hasAnyRole('ADMIN','SERGEANT','INSPECTOR')";

	/** Who may read and search problems (no personal data): every role but officers and controllers. */
	public static final String PROBLEM_READERS = "hasAnyRole('ADMIN','ANALYST','OVERSIGHT','SUPERINTENDENT','SMT_LEAD',"
			+ "'INSPECTOR','SERGEANT')";

	/** Who works problems of a ward in their scope: its sergeant, inspector, the borough's SMT. */
	public static final String PROBLEM_WRITERS = "hasAnyRole('ADMIN','SUPERINTENDENT','SMT_LEAD','INSPECTOR','SERGEANT')";

	/** Who imports survey results: administrators and PIB analysts. */
	public static final String SURVEY_IMPORTERS = "hasAnyRole('ADMIN','ANALYST')";

	private PerformanceRoles() {
	}

}
