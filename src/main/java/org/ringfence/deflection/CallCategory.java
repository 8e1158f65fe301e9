package org.ringfence.deflection;

/**
 * A category of call (e.g. "ASB - youth nuisance"): what ward teams accept as call priorities and
 * what a controller classifies an incident as.
 * @param arrestLikely calls of the category are likely to end in an arrest (condition 4 fails)
 */
public record CallCategory(String code, String name, boolean arrestLikely) {
}
