package org.ringfence.platform;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The application's own figures for operations, published with Micrometer (and so at
 * {@code /actuator/prometheus} for administrators). Request latency ({@code http.server.requests})
 * is measured by Spring Boot itself. The names:
 * <ul>
 * <li>{@value #IMPORT_ROWS}{@code {kind, outcome}}: rows of imports by kind ({@code duties},
 * {@code cad-calls}, ...) and outcome ({@code stored}, {@code unchanged}, {@code duplicate},
 * {@code revised}, {@code unmatched}, {@code rejected});</li>
 * <li>{@value #SOLVER_RUNS}{@code {solver, outcome}}: a timer of solver runs (shift design,
 * rostering, ...), outcome {@code ok} or {@code failed};</li>
 * <li>{@value #REPORT_TIME}{@code {report}}: a timer of reports built ({@code abstraction},
 * {@code demand-profile}, ...).</li>
 * </ul>
 */
@Component
public class Metrics {

	public static final String IMPORT_ROWS = "ringfence.import.rows";

	public static final String SOLVER_RUNS = "ringfence.solver.runs";

	public static final String REPORT_TIME = "ringfence.report.time";

	private final MeterRegistry registry;

	public Metrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Figures kept in memory only (for code built without Spring, e.g. in unit tests). */
	public static Metrics inMemory() {
		return new Metrics(new SimpleMeterRegistry());
	}

	/** Counts rows of an import of the kind with an outcome; nothing when the count is not positive. */
	public void importRows(String kind, String outcome, long rows) {
		if (rows > 0) {
			Counter.builder(IMPORT_ROWS)
				.description("Rows of imports by kind and outcome")
				.baseUnit("rows")
				.tag("kind", kind)
				.tag("outcome", outcome)
				.register(this.registry)
				.increment(rows);
		}
	}

	/**
	 * Runs a solver and times it under {@value #SOLVER_RUNS}, tagged with the solver's name and
	 * whether it finished ({@code ok}) or threw ({@code failed}). Returns what the solver returns.
	 */
	public <T> T solverRun(String solver, Supplier<T> run) {
		return timed(SOLVER_RUNS, "Solver runs and how long they took", "solver", solver, run);
	}

	/** Builds a report and times it under {@value #REPORT_TIME}{@code {report}}. */
	public <T> T report(String report, Supplier<T> build) {
		return timed(REPORT_TIME, "Reports built and how long they took", "report", report, build);
	}

	/** Records a solver run that ran elsewhere (e.g. in a background solver thread) and took this long. */
	public void solverRunTook(String solver, boolean ok, long nanos) {
		Timer.builder(SOLVER_RUNS)
			.description("Solver runs and how long they took")
			.tag("solver", solver)
			.tag("outcome", ok ? "ok" : "failed")
			.register(this.registry)
			.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
	}

	private <T> T timed(String name, String description, String tag, String value, Supplier<T> work) {
		long started = System.nanoTime();
		String outcome = "failed";
		try {
			T result = work.get();
			outcome = "ok";
			return result;
		}
		finally {
			Timer.builder(name)
				.description(description)
				.tag(tag, value)
				.tag("outcome", outcome)
				.register(this.registry)
				.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
		}
	}

	/** The registry, for figures of a module's own. */
	public MeterRegistry registry() {
		return this.registry;
	}

}
