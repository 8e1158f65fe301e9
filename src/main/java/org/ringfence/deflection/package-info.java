/**
 * Call deflection and significant events (SN Deployment Protocol, 2011). A CCC controller asks
 * whether a call may be deflected to the ward's Safer Neighbourhoods team; the answer judges the
 * protocol's four conditions from the duty records (who is on duty on the ward), the team's call
 * priorities and the expected duration, names the officers who may take it, and is stored, with an
 * explicit override for a developing critical or major incident. Deflected calls are tagged "SNT"
 * and evaluated monthly with their outcomes. Significant events are declared per borough; SNT
 * deployments to them state their reassurance purpose, and use outside the home borough needs an
 * "extreme circumstances" justification and is flagged. Invariants: every decision and deployment
 * is stored and audited; a deflected decision carries the SNT tag and an undeflected one none; an
 * override is recorded only for a critical incident with a reason.
 */
package org.ringfence.deflection;
