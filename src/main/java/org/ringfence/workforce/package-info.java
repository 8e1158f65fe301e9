/**
 * Workforce: officers and staff, their roles, and their postings to ward teams, clusters and
 * boroughs over time, so that a team's tenure and its succession gaps can be shown. Invariant: a
 * person holds at most one posting on any day (enforced by an exclusion constraint).
 */
package org.ringfence.workforce;
