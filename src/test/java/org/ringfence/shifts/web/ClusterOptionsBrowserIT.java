package org.ringfence.shifts.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.support.Chromium;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster design options page in a real browser (Chromium, 320 px wide): the SMT lead sees the
 * officers needed, four options each with its chart, figures and shifts, saves one as the cluster's
 * pattern, and the pattern is then in the patterns API (constable tours, audited).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterOptionsBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	@Autowired
	JdbcClient jdbc;

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

	@Test
	void theSmtLeadComparesOptionsAndSavesOneAsTheClustersPattern() throws Exception {
		ClusterSummary cluster = this.geography.clusters(Optional.of("E09000007"))
			.stream()
			.min(Comparator.comparing(ClusterSummary::id))
			.orElseThrow();
		String name = "Options page test " + System.nanoTime();
		try (BrowserContext context = this.browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640))) {
			Page page = context.newPage();
			page.setDefaultTimeout(60_000);
			List<String> consoleErrors = new java.util.ArrayList<>();
			page.onConsoleMessage(m -> {
				if ("error".equals(m.type())) {
					consoleErrors.add(m.text());
				}
			});
			Chromium.signIn(page, this.port, "smt.camden");
			page.navigate("http://localhost:" + this.port + "/shifts/clusters/" + cluster.id() + "?seconds=1");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.containsText("Shift design options");
			assertThat(page.locator("#need-rule")).containsText("officers needed in an hour = max(0, ceil(");
			// by default the rate makes the busiest hour need 4 officers (the demo's calls give the cluster a profile)
			assertThat(page.locator("#need-rule")).containsText("so that the busiest hour needs 4 officers");
			assertThat(page.locator("#need-peak")).hasText("4");
			assertThat(page.locator("#need-chart canvas")).hasCount(1);
			assertThat(page.locator("section.rf-option")).hasCount(4);
			for (String key : List.of("8h", "8h-late", "10h", "10h-late")) {
				Locator option = page.locator("#option-" + key);
				assertThat(option.locator(".rf-option-chart canvas")).hasCount(1);
				assertThat(option.locator(".rf-sixteen-seven")).hasText("Met");
				assertThat(option.locator(".rf-evening")).containsText("%");
				assertThat(option.locator(".rf-weekend")).containsText("%");
				assertThat(option.locator(".rf-uncovered")).containsText("hours of the week short");
				assertThat(option.locator("table.rf-option-shifts tbody tr").count()).isPositive();
			}
			assertThat(page.locator("#option-8h-late table.rf-option-shifts tbody")).containsText("18:00-02:00");
			assertThat(page.locator("#option-8h table.rf-option-shifts tbody")).not().containsText("18:00-02:00");
			Object pageWidth = page.evaluate("() => document.documentElement.scrollWidth");
			assertThat(((Number) pageWidth).intValue()).isLessThanOrEqualTo(330);
			Files.createDirectories(Path.of("target/screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/shift-options-320.png"))
				.setFullPage(true));

			Locator chosen = page.locator("#option-10h-late");
			int rows = chosen.locator("table.rf-option-shifts tbody tr").count();
			chosen.getByLabel("Pattern name").fill(name);
			chosen.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save this option as the cluster's pattern"))
				.click();
			assertThat(page.locator("#saved")).containsText(name);
			assertThat(page.locator("#make-roster")).hasAttribute("href", "/rosters?cluster=" + cluster.id());
			assertThat(page.locator("#patterns")).containsText(name);
			assertThat(consoleErrors).as("no script errors (CSP)").isEmpty();

			JsonNode patterns = new Api(this.port).get("smt.camden", "/api/v1/shift-patterns?cluster=" + cluster.id()).json();
			JsonNode saved = null;
			for (JsonNode p : patterns) {
				if (p.get("name").asString().equals(name)) {
					saved = p;
				}
			}
			assertThat(saved).as("the saved pattern is in the API").isNotNull();
			assertThat(saved.get("createdBy").asString()).isEqualTo("smt.camden");
			assertThat(saved.get("shifts").size()).isEqualTo(rows);
			boolean late = false;
			for (JsonNode s : saved.get("shifts")) {
				assertThat(s.get("role").asString()).isEqualTo("CONSTABLE");
				assertThat(s.get("workersPerDay").size()).isEqualTo(7);
				late |= s.get("start").asString().equals("18:00") && s.get("lengthMinutes").asInt() == 480;
				assertThat(s.get("lengthMinutes").asInt()).isIn(480, 600);
			}
			assertThat(late).as("the 10-hour option's late evening tour is saved").isTrue();
			long audited = this.jdbc.sql("select count(*) from audit.entry where entity_type = 'shift pattern' and entity_id = ? and after_state::text like ?")
				.param(Long.toString(saved.get("id").asLong()))
				.param("%" + name + "%")
				.query(Long.class)
				.single();
			assertThat(audited).isEqualTo(1);
		}
	}

}
