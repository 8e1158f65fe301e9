package org.ringfence.demand;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.ringfence.demand.domain.Categories;
import org.ringfence.demand.domain.ImportTally;
import org.ringfence.demand.domain.LondonTime;
import org.ringfence.demand.domain.SyntheticCalls;
import org.ringfence.demand.persistence.DemandWriteQueries;
import org.ringfence.demand.persistence.DemandWriteQueries.RowWriter;
import org.ringfence.demand.persistence.ImportJobQueries;
import org.ringfence.platform.StartupData;
import org.ringfence.platform.StateChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads synthetic CAD calls on first start (with the demo data, unless
 * {@code ringfence.demand.demo-calls=false}): a year of calls for every ward, the last twelve
 * complete months before the first start, as many per ward and month as
 * {@code demo-calls-per-crime} times the ward's real recorded crime in the same calendar month of
 * the last twelve months of the Met's counts held (so the demo's recent months have calls), at hours drawn from
 * the Met's real stop-and-search timestamps (January 2019), ASB calls tilted to evenings and
 * weekends. Every call is marked synthetic (reference SYN..., column synthetic, source
 * cad-synthetic). One transaction under the import lock; the rows go in with COPY.
 */
@Component
class DemoCallLoader implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(DemoCallLoader.class);

	static final String SHAPE_FILE = "data/demand/met-stop-and-search-hour-of-week-2019-01.csv";

	/** The seed of the synthetic calls: the same calls on every first start. */
	static final long SEED = 2011;

	private final DemandWriteQueries writes;

	private final ImportJobQueries jobs;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final DemandProperties properties;

	private final ImportRunner runner;

	private final Clock clock;

	DemoCallLoader(DemandWriteQueries writes, ImportJobQueries jobs, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events, JsonMapper json,
			DemandProperties properties, ImportRunner runner, Clock clock) {
		this.writes = writes;
		this.jobs = jobs;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.json = json;
		this.properties = properties;
		this.runner = runner;
		this.clock = clock;
	}

	@Override
	public int order() {
		return DEMO_ORDER + 21;
	}

	@Override
	public void loadIfEmpty() {
		if (!this.properties.demoCalls() || this.properties.demoCallsPerCrime() <= 0) {
			return;
		}
		Long loaded = this.transactions.execute(status -> load());
		if (loaded != null && loaded > 0) {
			// the visibility map lets profiles read hours from the index alone
			this.jdbc.sql("vacuum (analyze) demand.call").update();
		}
	}

	private Long load() {
		this.writes.lockImports();
		if (this.jdbc.sql("select exists (select 1 from demand.call where synthetic)").query(Boolean.class).single()) {
			return 0L;
		}
		LocalDate last = this.jdbc.sql("select max(month) from demand.ward_crime_count").query(LocalDate.class).optional()
			.orElse(null);
		if (last == null) {
			log.info("No ward crime counts held: no synthetic calls loaded");
			return 0L;
		}
		long started = System.nanoTime();
		YearMonth countsTo = YearMonth.from(last);
		YearMonth countsFrom = countsTo.minusMonths(11);
		YearMonth lastComplete = YearMonth.now(this.clock.withZone(LondonTime.LONDON)).minusMonths(1);
		YearMonth to = lastComplete;
		YearMonth from = to.minusMonths(11);
		List<SyntheticCalls.WardMonth> wardMonths = new ArrayList<>();
		double perCrime = this.properties.demoCallsPerCrime();
		this.jdbc.sql("""
				select c.ward_code, c.month, sum(c.crimes)
				from demand.ward_crime_count c join geography.ward w on w.code = c.ward_code and w.active
				where c.month between ? and ? group by c.ward_code, c.month order by c.ward_code, c.month""")
			.params(Date.valueOf(countsFrom.atDay(1)), Date.valueOf(countsTo.atDay(1)))
			.query((rs, n) -> wardMonths.add(new SyntheticCalls.WardMonth(rs.getString(1),
					recentMonth(YearMonth.from(rs.getDate(2).toLocalDate()), lastComplete), rs.getLong(3) * perCrime)))
			.list();
		wardMonths.sort(Comparator.comparing(SyntheticCalls.WardMonth::wardCode).thenComparing(SyntheticCalls.WardMonth::month));
		Map<String, Boolean> names = new LinkedHashMap<>();
		for (String category : SyntheticCalls.categories()) {
			names.put(category, Categories.isAsb(category));
		}
		this.writes.ensureCategories(names);
		Map<String, Short> ids = new java.util.HashMap<>();
		this.writes.categories().forEach((name, category) -> ids.put(name, category.id()));
		UUID job = UUID.randomUUID();
		this.jobs.insert(job, ImportKind.CAD_CALLS.code(),
				"[{\"name\":\"synthetic demo calls\",\"bytes\":0}]", "{\"synthetic\":true}", "system", this.runner.instance());
		SyntheticCalls generator = new SyntheticCalls(shape(), SEED);
		Iterator<SyntheticCalls.Call> calls = generator.calls(wardMonths);
		long[] asb = new long[1];
		RowWriter writer = copy -> {
			while (calls.hasNext()) {
				SyntheticCalls.Call call = calls.next();
				LondonTime.Received received = LondonTime.of(call.epochSecond());
				if (call.asb()) {
					asb[0]++;
				}
				copy.row(12)
					.text(call.reference())
					.timestamptz(received.postgresMicros())
					.date(LondonTime.postgresDays(call.month()))
					.int2(call.hourOfWeek())
					.text(call.wardCode())
					.int2(ids.get(call.category()))
					.text(call.grade());
				if (call.timeOnScene() < 0) {
					copy.nullValue();
				}
				else {
					copy.int4(call.timeOnScene());
				}
				copy.nullValue().nullValue().bool(true).uuid(job);
			}
		};
		long stored;
		if (this.writes.countCalls() == 0) {
			stored = this.writes.copyIntoEmptyCalls(job, true, writer);
		}
		else {
			stored = this.writes.copyCalls(job, writer);
		}
		ImportTally tally = new ImportTally();
		tally.fileRead("synthetic demo calls", stored);
		tally.detail("synthetic", true);
		tally.detail("callsPerCrime", perCrime);
		tally.detail("asbCalls", asb[0]);
		tally.detail("months", List.of(from.toString(), to.toString()));
		tally.detail("volumesFromCountsOf", List.of(countsFrom.toString(), countsTo.toString()));
		long millis = (System.nanoTime() - started) / 1_000_000;
		this.jobs.finish(job, true, null, this.json.writeValueAsString(tally.report(stored, 0, 0, millis)));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("kind", "cad-calls");
		after.put("synthetic", true);
		after.put("stored", stored);
		after.put("from", from.toString());
		after.put("to", to.toString());
		this.events.publishEvent(StateChange.created("demand import", job.toString(), null, after));
		log.info("Loaded {} synthetic CAD calls ({} per recorded crime, {} to {}) in {} ms", stored, perCrime, from, to,
				millis);
		return stored;
	}

	/**
	 * The month of the last twelve complete months (ending with {@code lastComplete}) that has the
	 * same month of the year as a month of the Met's counts: the synthetic calls of the recent year
	 * follow the ward's recorded crime of the same calendar month, so seasons stay where they were.
	 */
	static YearMonth recentMonth(YearMonth countsMonth, YearMonth lastComplete) {
		YearMonth month = lastComplete.withMonth(countsMonth.getMonthValue());
		return month.isAfter(lastComplete) ? month.minusYears(1) : month;
	}

	/** The hour-of-week shape: stop and searches per occurrence of each hour of the week. */
	static double[] shape() {
		double[] shape = new double[168];
		try (Reader reader = new InputStreamReader(new ClassPathResource(SHAPE_FILE).getInputStream(),
				StandardCharsets.UTF_8)) {
			for (NamedCsvRecord row : CsvReader.builder().ofNamedCsvRecord(reader)) {
				int day = Integer.parseInt(row.getField("day_of_week"));
				int hour = Integer.parseInt(row.getField("hour"));
				double searches = Double.parseDouble(row.getField("searches"));
				double days = Double.parseDouble(row.getField("days"));
				shape[(day - 1) * 24 + hour] = searches / days;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + SHAPE_FILE, ex);
		}
		return shape;
	}

}
