package org.ringfence.neighbourhood;

/** A priority category of the maintained list. Inactive ones stay on old priorities but take no new ones. */
public record Category(int id, String name, boolean active) {
}
