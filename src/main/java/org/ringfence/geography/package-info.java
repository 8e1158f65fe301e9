/**
 * Geography: the force, its BCUs, the 32 boroughs, clusters of 3-6 contiguous wards, and the wards
 * with their boundaries, population and neighbours; locating a point in a ward; importing a new
 * boundary set. Invariants: every active ward is in exactly one cluster of its own borough; every
 * cluster's wards are contiguous; the City of London's wards (another force) are not held.
 */
package org.ringfence.geography;
