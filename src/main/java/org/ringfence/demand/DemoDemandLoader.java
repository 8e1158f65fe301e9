package org.ringfence.demand;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.ringfence.platform.StartupData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the Met's real ward-level crime counts for April 2020 to March 2022 on first start (with the
 * demo data), through the same import as an upload, recorded as a job of the system. Later starts
 * find counts held and do nothing; two instances starting together take turns on the import lock,
 * and the second finds every count a duplicate.
 */
@Component
class DemoDemandLoader implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(DemoDemandLoader.class);

	static final String MPS_FILE = "data/london/mps-ward-level-crime-2020-04_2022-03.csv";

	private final DemandImports imports;

	private final JdbcClient jdbc;

	private final DemandProperties properties;

	DemoDemandLoader(DemandImports imports, JdbcClient jdbc, DemandProperties properties) {
		this.imports = imports;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Override
	public int order() {
		return DEMO_ORDER + 20;
	}

	@Override
	public void loadIfEmpty() {
		if (!this.properties.demoCounts()
				|| this.jdbc.sql("select exists (select 1 from demand.ward_crime_count)").query(Boolean.class).single()) {
			return;
		}
		long started = System.nanoTime();
		ImportUpload upload;
		try (InputStream in = new ClassPathResource(MPS_FILE).getInputStream()) {
			upload = this.imports.receive("mps-ward-level-crime-2020-04_2022-03.csv", in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + MPS_FILE, ex);
		}
		ImportJob job = this.imports.runNow(ImportKind.MPS_WARD_CRIME, List.of(upload));
		if (!"succeeded".equals(job.status())) {
			throw new IllegalStateException("The Met's ward counts did not load: " + job.message());
		}
		log.info("Loaded the Met's ward crime counts (job {}) in {} ms", job.jobId(), (System.nanoTime() - started) / 1_000_000);
	}

}
