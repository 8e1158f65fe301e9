/**
 * Protocol: the SN Deployment Protocol's flex rules as versioned, effective-dated rule sets (the
 * 2011 protocol, One Met 2017, and any set an administrator adds). Plain-Java rules
 * ({@link org.ringfence.protocol.RingFenceRule}, {@link org.ringfence.protocol.FlexDurationRule},
 * {@link org.ringfence.protocol.FairnessRule}) and the timeline that says which set is in force on a
 * day ({@link org.ringfence.protocol.RuleSetTimeline}). Invariants: a stored set never changes; a new
 * set takes effect after the latest one and never before today, so a decision already taken was
 * judged by a set that still says the same; every day has exactly one set in force from the first
 * set's date on.
 */
package org.ringfence.protocol;
