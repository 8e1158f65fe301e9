package org.ringfence.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ringfence.duties.DutyBulkLoad;
import org.ringfence.duties.NewDuty;
import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.platform.StartupData;
import org.ringfence.workforce.WorkforceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo duty records once, after the demo workforce: six months back (actual duties) and
 * three months ahead (the planned roster) for everyone posted today, in one transaction under a
 * database lock so that two instances starting together do not both load them.
 */
@Component
class DemoDutyLoader implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(DemoDutyLoader.class);

	/** The seed of the demo duties: the same records on every first start for the same day. */
	static final long SEED = 2011;

	static final String SOURCE = "synthetic demo duties";

	private final GeographyService geography;

	private final WorkforceService workforce;

	private final DutyBulkLoad duties;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.ringfence.platform.RingfenceProperties properties;

	DemoDutyLoader(GeographyService geography, WorkforceService workforce, DutyBulkLoad duties, JdbcClient jdbc,
			Clock clock, org.ringfence.platform.RingfenceProperties properties) {
		this.properties = properties;
		this.geography = geography;
		this.workforce = workforce;
		this.duties = duties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public int order() {
		return DEMO_ORDER + 10;
	}

	@Override
	@Transactional
	public void loadIfEmpty() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('ringfence.demo.duties'))").query(Object.class).list();
		if (!this.properties.demoDuties() || this.duties.countDuties() > 0) {
			return;
		}
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(this.clock);
		Map<String, String> boroughNames = this.geography.boroughs()
			.stream()
			.collect(Collectors.toMap(BoroughSummary::code, BoroughSummary::name));
		try (Stream<NewDuty> plan = DemoDutyPlan.duties(this.workforce.currentPostings(today),
				this.geography.clusters(Optional.empty()), boroughNames, today.minusMonths(this.properties.demoDutyMonthsBack()), today.plusMonths(3), today,
				SEED)) {
			Iterator<NewDuty> rows = plan.iterator();
			long loaded = this.duties.copy(rows, SOURCE, "demo");
			log.info("Loaded demo duties: {} rows from {} to {}, in {} ms", loaded, today.minusMonths(this.properties.demoDutyMonthsBack()),
					today.plusMonths(3).minusDays(1), (System.nanoTime() - started) / 1_000_000);
		}
	}

}
