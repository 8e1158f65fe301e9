package org.ringfence.performance;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.performance.domain.Quarter;
import org.ringfence.performance.persistence.ActivityQueries;
import org.ringfence.performance.persistence.SurveyQueries;
import org.ringfence.platform.StartupData;
import org.ringfence.platform.StateChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data on first start: synthetic EPIC activity for every ward for the 12 months ending with
 * the current month (one INSERT ... SELECT, about 114,000 counts), and synthetic survey results for
 * every borough for the 8 quarters ending with the latest ended quarter. Both are marked synthetic
 * and shown as such. Later starts find data and do nothing.
 */
@Component
class DemoPerformanceLoader implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(DemoPerformanceLoader.class);

	static final int MONTHS = 12;

	private final ActivityQueries activity;

	private final SurveyQueries surveyQueries;

	private final Surveys surveys;

	private final GeographyService geography;

	private final PerformanceProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DemoPerformanceLoader(ActivityQueries activity, SurveyQueries surveyQueries, Surveys surveys,
			GeographyService geography, PerformanceProperties properties, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.activity = activity;
		this.surveyQueries = surveyQueries;
		this.surveys = surveys;
		this.geography = geography;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public int order() {
		return DEMO_ORDER + 60;
	}

	@Override
	public void loadIfEmpty() {
		YearMonth now = YearMonth.now(this.clock.withZone(ZoneId.of("Europe/London")));
		if (this.properties.demoActivity() && !this.activity.anyHeld()) {
			long started = System.nanoTime();
			List<WardSummary> wards = this.geography.wards(Optional.empty());
			YearMonth first = now.minusMonths(MONTHS - 1);
			Integer rows = this.transactions.execute(tx -> {
				int n = this.activity.loadSynthetic(wards.stream().map(WardSummary::code).toList(),
						wards.stream().map(WardSummary::boroughCode).toList(), first.atDay(1), MONTHS);
				this.events.publishEvent(StateChange.changed("synthetic EPIC activity loaded", "epic activity", "demo", null,
						Map.of(), Map.of("rows", n, "from", first.toString(), "to", now.toString())));
				return n;
			});
			log.info("Loaded {} synthetic EPIC activity counts ({} wards, {} to {}) in {} ms", rows, wards.size(), first, now,
					(System.nanoTime() - started) / 1_000_000);
		}
		if (this.properties.demoSurveys() && !this.surveyQueries.anyHeld()) {
			long started = System.nanoTime();
			Quarter last = Quarter.latestEndedBy(now);
			Integer rows = this.transactions.execute(tx -> {
				int n = this.surveys.loadSynthetic(last);
				this.events.publishEvent(StateChange.changed("synthetic survey results loaded", "survey results", "demo", null,
						Map.of(), Map.of("rows", n, "lastQuarter", last.toString())));
				return n;
			});
			log.info("Loaded {} synthetic survey results (8 quarters to {}) in {} ms", rows, last,
					(System.nanoTime() - started) / 1_000_000);
		}
	}

}
