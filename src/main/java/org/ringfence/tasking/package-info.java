/**
 * Tasking: borough tasking and co-ordination meetings chaired by the superintendent. A meeting's
 * agenda is built from what other modules put forward through {@link org.ringfence.tasking.AgendaContributor}
 * (flex requests to present, flexes due for their two-week review, significant events) and from the
 * borough's bids for pan-London support units; the decision on each item is recorded (and handed
 * back to the module that put it forward, in the same transaction), and the minutes are a PDF.
 * Tasking depends on no other module's internals: contributors depend on tasking, not the reverse.
 */
package org.ringfence.tasking;
