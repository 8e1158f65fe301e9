package org.ringfence.rostering;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of rostering.
 * @param seconds the solver's time limit for a solve, unless the request names one
 * @param unimprovedSeconds a solve also stops after this many seconds without a better roster
 * @param maxSeconds the most a request may ask for
 * @param ringFenceConstables each ward's minimum of constable tours a day (2011 rule: 1 PC)
 * @param ringFencePcsos each ward's minimum of PCSO tours a day (2011 rule: 1 PCSO)
 * @param ringFenceSergeants each ward's minimum of sergeant tours a day (none by default: sergeants are shared)
 */
@ConfigurationProperties("ringfence.rostering")
public record RosteringProperties(@DefaultValue("30") int seconds, @DefaultValue("10") int unimprovedSeconds,
		@DefaultValue("300") int maxSeconds, @DefaultValue("1") int ringFenceConstables,
		@DefaultValue("1") int ringFencePcsos, @DefaultValue("0") int ringFenceSergeants) {
}
