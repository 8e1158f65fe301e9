/**
 * Shift patterns: the shifts a cluster's team works (start, length, which role, how many officers
 * start each day of the week), designed from demand and kept as named patterns that rosters are
 * built from. {@link org.ringfence.shifts.ShiftPatterns} is the module's public API for patterns;
 * the shift designer (Minimum Shift Design format, cluster design options) lives beside it.
 */
package org.ringfence.shifts;
