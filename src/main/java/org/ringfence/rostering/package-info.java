/**
 * Rostering: turns a cluster's stored shift pattern (shifts module) into a roster of the cluster's
 * named officers for a rotating cycle of weeks, solved with Timefold Solver under Police
 * Regulations (11 hours' rest, a rest day at least every 7 days, two a week on average, fixed
 * absences kept, each ward's ring-fence minimum) with fairness as soft rules; hand edits are pinned
 * and survive re-solving; publishing writes planned duties through the duties module (one
 * transaction) at least a month ahead. Also the 16/7 coverage check of a cluster from planned
 * duties. {@link org.ringfence.rostering.Rosters} and {@link org.ringfence.rostering.ClusterCoverage}
 * are the public API.
 */
package org.ringfence.rostering;
