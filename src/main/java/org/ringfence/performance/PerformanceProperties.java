package org.ringfence.performance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the performance module.
 * @param confidence confidence level of the significance flags (0.95: flagged when p &lt; 0.05)
 * @param minCount the least number of positive and of negative answers each survey sample must hold
 *     for a change to be tested (never flagged otherwise)
 * @param demoActivity load synthetic EPIC activity for every ward for the last 12 months (demo data)
 * @param demoSurveys load synthetic survey results for every borough for the last 8 quarters (demo data)
 */
@ConfigurationProperties("ringfence.performance")
public record PerformanceProperties(@DefaultValue("0.95") double confidence, @DefaultValue("10") int minCount,
		@DefaultValue("true") boolean demoActivity, @DefaultValue("true") boolean demoSurveys) {
}
