package org.ringfence.deflection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of call deflection ({@code ringfence.deflection.*}); each decision records the values it
 * was judged by.
 * @param maxExpectedMinutes condition 4: a call expected to take longer is a protracted absence
 * @param prioritiesStaleDays a team's call priorities not reviewed for longer show a warning
 */
@ConfigurationProperties("ringfence.deflection")
public record DeflectionProperties(@DefaultValue("60") int maxExpectedMinutes, @DefaultValue("90") int prioritiesStaleDays) {
}
