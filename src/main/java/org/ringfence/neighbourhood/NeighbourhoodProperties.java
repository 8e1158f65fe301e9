package org.ringfence.neighbourhood;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the neighbourhood module.
 * @param requestsPerSecond the public API's sustained rate per client address (data.police.uk documents 15)
 * @param burst requests a client may make at once before the rate applies (data.police.uk documents 30)
 * @param cacheSeconds how long (seconds) a published answer is reused (changes made here clear it at once; team
 * changes in the workforce module show within this time)
 * @param demoData whether synthetic panels, meetings and priorities load at first start (with the demo data)
 */
@ConfigurationProperties("ringfence.neighbourhood")
public record NeighbourhoodProperties(@DefaultValue("15") double requestsPerSecond, @DefaultValue("30") int burst,
		@DefaultValue("300") int cacheSeconds, @DefaultValue("true") boolean demoData) {
}
