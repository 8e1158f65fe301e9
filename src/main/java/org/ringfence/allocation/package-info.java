/**
 * Allocation: placing officers where the demand is. Shared supervision (which adjacent wards of a
 * borough share a sergeant, recommended from demand and fairness across clusters, decided by the
 * borough commander after consultation and published as a letter); the allocation of extra
 * officers to wards by an apportionment method (largest remainder, D'Hondt, Sainte-Laguë,
 * Huntington-Hill) with minimums, caps and "no ward loses what it has", beside the 2007
 * population rule; and the Safer Schools needs analysis (schools ranked on weighted criteria,
 * officers allocated so that no school loses one, every other school given a named point of
 * contact, reviewed year on year).
 * <p>
 * Demand comes only through {@link org.ringfence.demand.WardDemand}, which may be absent: then
 * everything that needs demand answers 422 and says to import crime or calls first. Ward teams
 * and strength come from the workforce module's public API; wards, clusters and adjacency from
 * geography. The apportionment methods, the supervision planner and the school ranking are plain
 * Java in {@code domain}.
 */
package org.ringfence.allocation;
