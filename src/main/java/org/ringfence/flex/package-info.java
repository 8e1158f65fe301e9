/**
 * Flex: the PSP form 302 flex request and its workflow under the SN Deployment Protocol (draft,
 * submitted to the cluster inspector, escalated to the SN SMT lead, providing wards approved with the
 * ward panels told, presented at borough tasking, authorised or rejected by the superintendent, duty
 * records updated with the "Authorised SNT flex" code, endorsed, live, reviewed at 2 weeks, ended,
 * feedback to every ward panel, closed); the checks before authorisation (ring-fence, officer
 * availability, same borough, duration and review, fair share of abstraction, cluster 16/7 cover);
 * rotation plans for long-term problems; and the flex dashboard. Invariants: a step is taken only by
 * its role within its scope and only from the states the workflow allows; an authorisation whose
 * checks fail changes nothing; the duty records change in the same transaction as the
 * authorisation, and ending a flex gives the remaining days back; every step is on record with the
 * rule set that judged it.
 */
package org.ringfence.flex;
