/**
 * Performance framework (issue 7, items 2-5): EPIC activity per team (ward) and month, the
 * problem-solving database (the seven-stage model, audited stage changes, links to priorities,
 * flex requests and deflected calls, evaluation at close), quarterly survey outcomes with
 * significance flags, and the monthly Safer Neighbourhoods performance report at force, BCU,
 * borough and team level with diagnostic indicators. Priorities belong to the neighbourhood module
 * and are reached only through the {@link org.ringfence.performance.PriorityLookup} port (absent:
 * links refused, reports say "not available"). Invariants: one EPIC count per ward, month, measure
 * and priority; a problem moves forward through the stages, or back only with a reason; every
 * change publishes an audit event.
 */
package org.ringfence.performance;
