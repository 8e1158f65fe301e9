/**
 * Duties: every tour of duty (and rest day, leave, sickness) of every person, planned and actual,
 * with its activity code; the versioned classification of codes under the deployment protocol;
 * and the monthly abstraction report built from them. Invariants: a person is never in two duties
 * of the same kind at once (exclusion constraint); a duty is classified by the rule set in force on
 * its duty date, so a new rule set never rewrites earlier months; changed duties keep their
 * history.
 */
package org.ringfence.duties;
