/**
 * Rostering: turns a cluster's stored shift pattern (shifts module) into a roster of the cluster's
 * named officers for a rotating cycle of weeks, solved with Timefold Solver under Police
 * Regulations (11 hours' rest, also after duties worked the day before the roster starts, a rest day
 * at least every 7 days, two a week on average, fixed absences kept, each ward's ring-fence minimum)
 * with fairness and officers' preferences as soft rules; hand edits are pinned
 * and survive re-solving; publishing writes planned duties through the duties module (one
 * transaction) at least a month ahead. Also the 16/7 coverage check of a cluster from planned
 * duties. {@link org.ringfence.rostering.Rosters}, {@link org.ringfence.rostering.ClusterCoverage}
 * and {@link org.ringfence.rostering.OfficerPreferences} are the public API. The roster page's chart
 * compares rostered officers with the officers the cluster's demand needs, read through the shifts
 * module's {@link org.ringfence.shifts.ClusterDesignOptions}.
 */
package org.ringfence.rostering;
