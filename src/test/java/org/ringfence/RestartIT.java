package org.ringfence;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringfence.support.Api;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as an operator runs it: started, stopped and started again on the same data
 * directory; and its health when the database goes away.
 */
class RestartIT {

	private Path dataDir;

	private ConfigurableApplicationContext running;

	@AfterEach
	void cleanUp() throws IOException {
		if (this.running != null) {
			this.running.close();
		}
		if (this.dataDir != null && Files.exists(this.dataDir)) {
			try (Stream<Path> files = Files.walk(this.dataDir)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private ConfigurableApplicationContext start(boolean demoDuties) {
		// Command-line arguments: they win over application.properties (builder properties would not).
		return new SpringApplicationBuilder(RingfenceApplication.class).run("--ringfence.data-directory=" + this.dataDir,
				"--server.port=0", "--logging.level.org.ringfence=WARN", "--ringfence.demo-duties=" + demoDuties);
	}

	private static long count(ConfigurableApplicationContext context, String table) {
		return context.getBean(JdbcClient.class).sql("select count(*) from " + table).query(Long.class).single();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	void restartKeepsAllDataAndLoadsTheDemoDataOnlyOnce() throws IOException {
		this.dataDir = Files.createTempDirectory("ringfence-restart");
		this.running = start(true);
		long wards = count(this.running, "geography.ward");
		long people = count(this.running, "workforce.person");
		long postings = count(this.running, "workforce.posting");
		long users = count(this.running, "identity.app_user");
		long duties = count(this.running, "duties.duty");
		assertThat(duties).isGreaterThan(500_000);
		assertThat(wards).isEqualTo(632);
		assertThat(people).isGreaterThan(3000);
		Api api = new Api(port(this.running));
		assertThat(api.post("admin", "/api/v1/users", "application/json",
				"{\"username\":\"kept.after.restart\",\"displayName\":\"Kept\",\"password\":\"demo-password\",\"role\":\"ANALYST\",\"scopes\":[{\"type\":\"FORCE\",\"code\":\"MPS\"}]}"
					.getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(201);
		long audit = count(this.running, "audit.entry");
		this.running.close();

		this.running = start(true);
		assertThat(count(this.running, "geography.ward")).isEqualTo(wards);
		assertThat(count(this.running, "duties.duty")).isEqualTo(duties);
		assertThat(count(this.running, "workforce.person")).isEqualTo(people);
		assertThat(count(this.running, "workforce.posting")).isEqualTo(postings);
		assertThat(count(this.running, "identity.app_user")).isEqualTo(users + 1);
		assertThat(count(this.running, "audit.entry")).isEqualTo(audit);
		Api again = new Api(port(this.running));
		assertThat(again.get("kept.after.restart", "/api/v1/me").status()).isEqualTo(200);
		assertThat(again.get("admin", "/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
	}

	@Test
	void usesTheConfiguredPostgresqlInsteadOfTheEmbeddedOne() throws Exception {
		this.dataDir = Files.createTempDirectory("ringfence-external");
		Path unusedDir = Files.createTempDirectory("ringfence-unused");
		try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres external = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
			.builder()
			.setDataDirectory(this.dataDir)
			.setCleanDataDirectory(true)
			.start()) {
			try (Connection connection = external.getPostgresDatabase().getConnection();
					java.sql.Statement sql = connection.createStatement()) {
				sql.execute("create database ringfence_ext");
			}
			this.running = new SpringApplicationBuilder(RingfenceApplication.class).run(
					"--spring.datasource.url=" + external.getJdbcUrl("postgres", "ringfence_ext"),
					"--spring.datasource.username=postgres", "--ringfence.data-directory=" + unusedDir, "--server.port=0",
					"--logging.level.org.ringfence=WARN", "--ringfence.demo-duties=false");
			assertThat(this.running.getBeanNamesForType(
					Class.forName("org.ringfence.platform.EmbeddedPostgresConfiguration$EmbeddedDatabase"))).isEmpty();
			try (Connection connection = external.getDatabase("postgres", "ringfence_ext").getConnection();
					java.sql.Statement sql = connection.createStatement();
					java.sql.ResultSet rs = sql.executeQuery("select count(*) from geography.ward")) {
				rs.next();
				assertThat(rs.getLong(1)).isEqualTo(632);
			}
			assertThat(unusedDir.resolve("postgres")).doesNotExist();
			this.running.close();
			this.running = null;
		}
		finally {
			Files.deleteIfExists(unusedDir);
		}
	}

	@Test
	void healthIsUpOnlyWhileTheDatabaseAnswers() throws Exception {
		this.dataDir = Files.createTempDirectory("ringfence-health");
		this.running = start(false);
		HttpClient client = HttpClient.newHttpClient();
		URI health = URI.create("http://localhost:" + port(this.running) + "/actuator/health");
		HttpResponse<String> up = client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(up.statusCode()).isEqualTo(200);
		assertThat(up.body()).contains("\"UP\"");

		Path pidFile = this.dataDir.resolve("postgres").resolve("postmaster.pid");
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
		ProcessHandle postgres = ProcessHandle.of(pid).orElseThrow();
		// Fast shutdown (SIGINT): the server stops although the application's pool is connected.
		new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
		postgres.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);

		HttpResponse<String> down = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.body()).contains("\"DOWN\"");
	}

}
