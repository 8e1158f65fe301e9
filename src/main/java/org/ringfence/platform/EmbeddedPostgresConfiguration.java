package org.ringfence.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL 16 in-process when no {@code spring.datasource.url} is
 * configured. Its data lives under {@code ringfence.data-dir}/postgres and survives restarts.
 * With {@code SPRING_DATASOURCE_URL} set this configuration stays off and Spring Boot's own
 * data source is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedPostgres(RingfenceProperties properties) throws IOException {
		Path dataDir = properties.dataDirectory().resolve("postgres").toAbsolutePath().normalize();
		Files.createDirectories(dataDir);
		LeftoverPostgres.stopIfRunning(dataDir);
		log.info("Starting embedded PostgreSQL with data in {}", dataDir);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "128MB")
			.setServerConfig("timezone", "UTC")
			.setServerConfig("fsync", properties.durableDatabase() ? "on" : "off")
			.setServerConfig("synchronous_commit", properties.durableDatabase() ? "on" : "off")
			.start();
		log.info("Embedded PostgreSQL {}", properties.durableDatabase() ? "flushes every commit to disk (fsync on)"
				: "does not flush commits to disk (ringfence.durable-database=false: tests only)");
		return new EmbeddedDatabase(postgres, dataDir, properties.ephemeralDatabase());
	}

	/** The running server, and whether to delete its files when it stops. */
	record EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, boolean ephemeral) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			this.postgres.close();
			if (this.ephemeral) {
				try (var files = Files.walk(this.dataDir)) {
					files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
				}
			}
		}

	}

	/** The pool is closed before PostgreSQL because it depends on it. */
	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedDatabase database, RingfenceProperties properties) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(database.postgres().getJdbcUrl("postgres", "postgres"));
		pool.setUsername("postgres");
		pool.setPoolName("ringfence-embedded");
		pool.setConnectionTimeout(10_000);
		pool.setMaximumPoolSize(properties.poolSize());
		return pool;
	}

	/**
	 * After a {@code kill -9} of the application the postgres server it started keeps running
	 * and holds {@code postmaster.pid}; the next start would hang. Stop that server first.
	 */
	static final class LeftoverPostgres {

		static void stopIfRunning(Path dataDir) {
			Path pidFile = dataDir.resolve("postmaster.pid");
			if (!Files.exists(pidFile)) {
				return;
			}
			Optional<ProcessHandle> server = readPid(pidFile).flatMap(ProcessHandle::of)
				.filter(ProcessHandle::isAlive)
				.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
			if (server.isEmpty()) {
				return;
			}
			ProcessHandle process = server.get();
			log.warn("A PostgreSQL server (pid {}) left by an earlier run still holds {}; stopping it", process.pid(),
					dataDir);
			try {
				// SIGINT: fast shutdown. Open transactions roll back, committed data is safe.
				new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
				process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				log.warn("The leftover PostgreSQL server did not stop in time; killing it");
				process.destroyForcibly();
			}
		}

		private static Optional<Long> readPid(Path pidFile) {
			try {
				List<String> lines = Files.readAllLines(pidFile);
				return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
			}
			catch (IOException | NumberFormatException ex) {
				return Optional.empty();
			}
		}

	}

}
