/**
 * Demand: recorded crime (TNO) and anti-social behaviour by ward and month from data.police.uk and
 * the Met's published ward counts, CAD calls for service with their time of day, demand profiles by
 * hour of week, and each ward's local factors. Other modules read it through {@link org.ringfence.demand.WardDemand}
 * (each ward's figures) and {@link org.ringfence.demand.HourOfWeekDemand} (wards' demand by hour of the week).
 */
package org.ringfence.demand;
