package org.ringfence.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.support.Chromium;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The demand pages in Chromium: the upload with its progress and report, the profile's charts and map, at 320 px too. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemandPagesBrowserIT {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Playwright playwright;

	Browser browser;

	@BeforeAll
	void launch() {
		this.playwright = Playwright.create();
		this.browser = Chromium.launch(this.playwright);
	}

	@AfterAll
	void close() {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.playwright != null) {
			this.playwright.close();
		}
	}

	private Page signIn(BrowserContext context, String user) {
		Page page = context.newPage();
		Chromium.signIn(page, this.port, user);
		return page;
	}

	@Test
	void anAnalystUploadsCallsFollowsTheJobAndReadsItsReport() throws Exception {
		StringBuilder csv = new StringBuilder("reference,received,ward_code,category,grade\n");
		for (int i = 0; i < 3000; i++) {
			csv.append("BR2038-").append(i).append(",2038-01-").append(String.format("%02d", 1 + i % 28)).append(' ')
				.append(String.format("%02d", i % 24)).append(":15,E05000137,Theft,S\n");
		}
		csv.append("BR2038-X,2038-01-05 10:00,E05999999,Theft,S\n");
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "analyst");
			page.navigate("http://localhost:" + this.port + "/demand/imports");
			page.getByLabel("CAD calls for service").check();
			page.getByLabel("CSV files").setInputFiles(new FilePayload("calls-2038.csv", "text/csv",
					csv.toString().getBytes(StandardCharsets.UTF_8)));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
			page.waitForURL(Pattern.compile(".*/demand/imports/[0-9a-f-]{36}$"));
			// the page polls the job until it ends, then shows the report without reloading
			assertThat(page.locator("#job-state")).hasText("succeeded", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
			assertThat(page.locator("#rows-read")).hasText("3001");
			assertThat(page.locator("#rows-stored")).hasText("3000");
			assertThat(page.locator("#rows-unmatched")).hasText("1");
			assertThat(page.locator("#unmatched")).containsText("ward code not a Met ward");
			assertThat(page.locator("#job-progress")).hasCount(0);
			Files.createDirectories(Path.of("target/screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/demand-job.png")).setFullPage(true));
		}
	}

	@Test
	void aRunningJobShowsItsProgressAndThePageFollowsItToItsEnd() {
		// a job as another instance would be running it: progress 42%, heartbeat now
		java.util.UUID id = java.util.UUID.randomUUID();
		this.jdbc.sql("""
				insert into demand.import_job (id, kind, status, progress, files, submitted_by, instance_id, started_at)
				values (?, 'cad-calls', 'running', 0.42, '[{"name":"big.csv","bytes":1000}]', 'analyst', 'elsewhere/1', now())""")
			.param(id)
			.update();
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "analyst");
			page.navigate("http://localhost:" + this.port + "/demand/imports/" + id);
			assertThat(page.locator("#job-state")).hasText("running");
			assertThat(page.locator("#job-progress")).isVisible();
			assertThat(page.locator("#job-progress")).hasAttribute("value", "42");
			assertThat(page.locator("#job-percent")).hasText("42%");
			assertThat(page.locator("#job-status")).hasAttribute("hx-trigger", "every 1s");
			this.jdbc.sql("update demand.import_job set progress = 0.8, heartbeat_at = now() where id = ?").param(id).update();
			assertThat(page.locator("#job-percent")).hasText("80%");
			this.jdbc.sql("""
					update demand.import_job set status = 'succeeded', progress = 1, finished_at = now(),
					report = '{"rowsRead": 7, "stored": 6, "duplicate": 1, "revised": 0, "durationMs": 5,
					  "unmatched": {"total": 0, "byReason": [], "examples": []}, "rejected": {"total": 0, "rows": []}}'
					where id = ?""").param(id).update();
			// polled, not reloaded: the report appears and the polling stops
			assertThat(page.locator("#job-state")).hasText("succeeded");
			assertThat(page.locator("#rows-stored")).hasText("6");
			assertThat(page.locator("#job-progress")).hasCount(0);
			assertThat(page.locator("#job-status")).not().hasAttribute("hx-trigger", "every 1s");
		}
	}

	@Test
	void theProfileDrawsTheHeatmapTheMonthsAndTheWardsAndSaysTheCallsAreSynthetic() throws Exception {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "supt.camden");
			page.navigate("http://localhost:" + this.port + "/demand");
			assertThat(page.locator(".govuk-caption-l")).containsText("Camden");
			assertThat(page.locator("#synthetic-warning")).containsText("synthetic");
			page.locator("#heatmap svg").first().waitFor();
			assertThat(page.locator("#month-chart svg")).hasCount(1);
			page.locator("#map path.leaflet-interactive").first().waitFor();
			int wards = page.locator("#ranking tbody tr").count();
			assertThat(wards).isGreaterThan(10);
			assertThat(page.locator("#map path.leaflet-interactive").count()).isEqualTo(wards);
			assertThat(page.locator("#map-legend li")).hasCount(6);
			// the page's figures are the API's
			JsonNode api = Api.parse(page.request().get("http://localhost:" + this.port + "/api/v1/demand/profile?borough=E09000007").text());
			assertThat(page.locator("#total")).hasText(String.format(java.util.Locale.UK, "%,d", Math.round(api.get("total").asDouble())));
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/demand-camden.png")).setFullPage(true));
			// a ward on the ranking opens its own profile
			page.locator("#ranking tbody a").first().click();
			page.waitForURL(Pattern.compile(".*/demand\\?ward=E05.*"));
			assertThat(page.locator(".govuk-caption-l")).not().containsText("Camden,");
		}
	}

	@Test
	void theProfileFitsANarrowScreen() {
		try (BrowserContext context = this.browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640))) {
			Page page = signIn(context, "inspector.camden");
			page.navigate("http://localhost:" + this.port + "/demand");
			page.locator("#heatmap svg").first().waitFor();
			Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
			assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
		}
	}

}
