package org.ringfence.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the running application.
 *
 * @param dataDirectory where the embedded PostgreSQL keeps its data ({@code RINGFENCE_DATA_DIR})
 * @param poolSize connections in the pool to the embedded database
 * @param demoPassword the password of every demo account ({@code RINGFENCE_DEMO_PASSWORD})
 * @param demoData whether the London demo data is loaded on first start
 * @param ephemeralDatabase delete the embedded database's files when the application stops (tests)
 * @param demoDutyMonthsBack months of demo duty history (actual duties) loaded at first start
 * @param demoDuties whether demo duty records are loaded at first start (with the demo data)
 * @param durableDatabase whether the embedded PostgreSQL flushes every commit to disk ({@code fsync},
 * {@code synchronous_commit}: on by default; the embedded server's own default is off, which loses
 * recent commits on power loss or an operating-system crash); integration tests turn it off for speed
 */
@ConfigurationProperties("ringfence")
public record RingfenceProperties(@DefaultValue("./data") Path dataDirectory, @DefaultValue("20") int poolSize,
		@DefaultValue("demo-password") String demoPassword, @DefaultValue("true") boolean demoData,
		@DefaultValue("false") boolean ephemeralDatabase, @DefaultValue("6") int demoDutyMonthsBack,
		@DefaultValue("true") boolean demoDuties, @DefaultValue("true") boolean durableDatabase) {
}
