package org.ringfence.demand;

import java.net.InetAddress;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.ringfence.demand.domain.ImportReport;
import org.ringfence.demand.persistence.ImportJobQueries;
import org.ringfence.platform.Metrics;
import org.ringfence.platform.StateChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs in the background on a bounded pool, one transaction per job, and keeps their
 * rows in the jobs table current for every instance to read: progress once a second, a heartbeat
 * every few seconds. A job whose instance stopped beating (crashed) is marked failed by the next
 * instance that looks: at start and every half minute. Its transaction rolled back with the
 * instance, so nothing of it was stored.
 */
@Component
class ImportRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	/** Seconds without a heartbeat after which an unfinished job is taken for abandoned. */
	static final int ABANDONED_AFTER_SECONDS = 30;

	static final int HEARTBEAT_SECONDS = 5;

	static final String ABANDONED = "The instance running this import stopped before it finished; nothing of it was "
			+ "stored. Send the files again.";

	private final ImportJobQueries jobs;

	private final ImportPipelines pipelines;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final ThreadPoolExecutor executor;

	private final Metrics metrics;

	private final String instance;

	/** This instance's unfinished jobs and how far each has got. */
	private final Map<UUID, Tracked> tracked = new ConcurrentHashMap<>();

	private final AtomicInteger ticks = new AtomicInteger();

	/** Progress as last read by the job's thread and as last written to the jobs table. */
	private static final class Tracked {

		volatile double progress;

		double written = -1;

	}

	ImportRunner(ImportJobQueries jobs, ImportPipelines pipelines, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events, JsonMapper json, JdbcClient jdbc, DemandProperties properties,
			Metrics metrics) {
		this.jobs = jobs;
		this.metrics = metrics;
		this.pipelines = pipelines;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.json = json;
		this.jdbc = jdbc;
		int threads = Math.max(1, properties.importThreads());
		AtomicInteger counter = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(Math.max(1, properties.importQueue())), r -> {
					Thread thread = new Thread(r, "demand-import-" + counter.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.instance = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	String instance() {
		return this.instance;
	}

	/**
	 * Queues a job (already stored as queued by this instance) to run as the given user.
	 * @throws RejectedExecutionException when the queue is full
	 */
	void enqueue(ImportPipelines.Job job, SecurityContext as) {
		this.tracked.put(job.id(), new Tracked());
		try {
			this.executor.execute(() -> {
				SecurityContextHolder.setContext(as);
				try {
					run(job);
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.tracked.remove(job.id());
			throw ex;
		}
	}

	/** Runs a job (already stored as queued) on this thread. */
	void run(ImportPipelines.Job job) {
		Tracked progress = this.tracked.computeIfAbsent(job.id(), id -> new Tracked());
		try {
			if (!this.jobs.start(job.id())) {
				log.info("Import job {} is no longer queued; not run", job.id());
				return;
			}
			long started = System.nanoTime();
			ImportReport report = this.transactions.execute(status -> {
				ImportReport done = this.pipelines.run(job, p -> progress.progress = p);
				Map<String, Object> after = new LinkedHashMap<>();
				after.put("kind", job.kind().code());
				after.put("files", job.uploads().stream().map(ImportUpload::name).toList());
				after.put("rowsRead", done.rowsRead());
				after.put("stored", done.stored());
				after.put("duplicate", done.duplicate());
				after.put("revised", done.revised());
				after.put("unmatched", done.unmatched().total());
				this.events.publishEvent(StateChange.created("demand import", job.id().toString(), null, after));
				if (!this.jobs.finish(job.id(), true, null, this.json.writeValueAsString(done))) {
					throw new IllegalStateException("The job was marked failed while it ran (no heartbeat)");
				}
				return done;
			});
			String kind = job.kind().code();
			this.metrics.importRows(kind, "stored", report.stored());
			this.metrics.importRows(kind, "duplicate", report.duplicate());
			this.metrics.importRows(kind, "revised", report.revised());
			this.metrics.importRows(kind, "unmatched", report.unmatched().total());
			log.info("Import job {} ({}) succeeded in {} ms: {} rows read, {} stored", job.id(), job.kind().code(),
					(System.nanoTime() - started) / 1_000_000, report.rowsRead(), report.stored());
			if (job.kind() == ImportKind.CAD_CALLS && report.stored() > 0) {
				// the visibility map lets profiles read hours from the index alone
				this.jdbc.sql("vacuum (analyze) demand.call").update();
			}
		}
		catch (ImportRejected ex) {
			log.info("Import job {} rejected: {}", job.id(), ex.getMessage());
			this.metrics.importRows(job.kind().code(), "rejected", ex.report().rejected().total());
			this.jobs.finish(job.id(), false, ex.getMessage(), this.json.writeValueAsString(ex.report()));
		}
		catch (RuntimeException | Error ex) {
			log.warn("Import job {} failed", job.id(), ex);
			this.jobs.finish(job.id(), false, "The import failed and nothing of it was stored: " + reason(ex), null);
		}
		finally {
			this.tracked.remove(job.id());
			for (ImportUpload upload : job.uploads()) {
				try {
					Files.deleteIfExists(upload.file());
				}
				catch (java.io.IOException ex) {
					log.warn("Could not delete {}", upload.file());
				}
			}
		}
	}

	/** Writes progress that moved, and a heartbeat every few seconds, for this instance's unfinished jobs. */
	@Scheduled(fixedDelay = 1000, initialDelay = 1000)
	void beat() {
		boolean heartbeat = this.ticks.incrementAndGet() % HEARTBEAT_SECONDS == 0;
		this.tracked.forEach((id, progress) -> {
			double now = progress.progress;
			if (heartbeat || now - progress.written >= 0.005) {
				try {
					this.jobs.heartbeat(id, now);
					progress.written = now;
				}
				catch (RuntimeException ex) {
					log.debug("Heartbeat of job {} not written: {}", id, ex.getMessage());
				}
			}
		});
		if (this.ticks.get() % ABANDONED_AFTER_SECONDS == 0) {
			failAbandoned();
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void failAbandoned() {
		try {
			int failed = this.jobs.failAbandoned(ABANDONED_AFTER_SECONDS, ABANDONED);
			if (failed > 0) {
				log.warn("Marked {} abandoned import job(s) failed", failed);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Could not look for abandoned import jobs: {}", ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
		try {
			this.jobs.failOwn(this.instance, this.tracked.keySet(), "The application stopped before this import "
					+ "finished; nothing of it was stored. Send the files again.");
		}
		catch (RuntimeException ex) {
			log.debug("Could not mark this instance's unfinished jobs failed: {}", ex.getMessage());
		}
	}

	private static String reason(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		message = message.lines().findFirst().orElse(message);
		return message.length() > 300 ? message.substring(0, 300) + "..." : message;
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException ex) {
			return "instance";
		}
	}

}
