package org.ringfence.demand;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demand module.
 * @param importThreads imports run at once on an instance (each holds a database connection)
 * @param importQueue imports that may wait for a thread on an instance; more are refused
 * @param demoCounts whether the Met's real ward counts (2020-04 to 2022-03) load at first start (with the demo data)
 * @param demoCalls whether synthetic CAD calls load at first start (with the demo data; {@code RINGFENCE_DEMO_CALLS})
 * @param demoCallsPerCrime synthetic calls per recorded crime of the ward and month (the benchmark raises it)
 */
@ConfigurationProperties("ringfence.demand")
public record DemandProperties(@DefaultValue("1") int importThreads, @DefaultValue("8") int importQueue,
		@DefaultValue("true") boolean demoCounts, @DefaultValue("true") boolean demoCalls,
		@DefaultValue("0.5") double demoCallsPerCrime) {
}
