package org.ringfence.rostering;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
import org.ringfence.shifts.NewShiftPattern;
import org.ringfence.shifts.PatternShift;
import org.ringfence.shifts.RosterRole;
import org.ringfence.shifts.ShiftPattern;
import org.ringfence.shifts.ShiftPatterns;
import org.ringfence.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The roster grid in a real browser (Chromium): officers by day, coloured tours with a legend, sideways scroll at 320 px. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterGridBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	Rosters rosters;

	@Autowired
	ShiftPatterns patterns;

	@Autowired
	GeographyService geography;

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
	void theSmtLeadOpensTheRosterGrid() throws Exception {
		ClusterSummary cluster = this.geography.clusters(Optional.of("E09000007"))
			.stream()
			.max(Comparator.comparing((ClusterSummary c) -> c.wardCodes().size()).thenComparing(ClusterSummary::id))
			.orElseThrow();
		int n = cluster.wardCodes().size();
		ShiftPattern pattern = this.patterns.save(new NewShiftPattern(cluster.id(), "Grid test " + System.nanoTime(), "test",
				List.of(new PatternShift(LocalTime.of(7, 0), 480, RosterRole.CONSTABLE, new int[] { n, n, n, n, n, n, n }),
						new PatternShift(LocalTime.of(15, 0), 480, RosterRole.CONSTABLE, new int[] { 1, 1, 1, 1, 1, 1, 1 }))));
		long id = this.rosters.create(new RosterViews.NewRoster(cluster.id(), LocalDate.of(2047, 5, 6), 2, pattern.id(),
				Optional.of(4))).rosterId();
		this.rosters.awaitSolved(id, Duration.ofSeconds(90));

		try (BrowserContext context = this.browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640))) {
			Page page = context.newPage();
			Chromium.signIn(page, this.port, "smt.camden");
			page.navigate("http://localhost:" + this.port + "/rosters/" + id);
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.containsText("Roster " + id);
			assertThat(page.locator("#roster-status")).hasText("SOLVED");
			assertThat(page.locator("#roster-grid")).isVisible();
			// one row an officer, 14 days plus the officer and tours columns
			assertThat(page.locator("#roster-grid thead th")).hasCount(16);
			assertThat(page.locator("#roster-grid tbody tr").count()).isGreaterThanOrEqualTo(n * 2);
			assertThat(page.locator("#roster-grid td.rf-tour--early").first()).hasText("07-15");
			assertThat(page.locator("#roster-legend")).containsText("Early tour");
			assertThat(page.locator("#roster-legend")).containsText("Rest day");
			// the grid scrolls inside its wrapper; the page itself fits 320 px
			Object scrolls = page.evaluate("() => { const w = document.getElementById('roster-grid-wrap');"
					+ " return w.scrollWidth > w.clientWidth; }");
			assertThat(scrolls).isEqualTo(true);
			Object pageWidth = page.evaluate("() => document.documentElement.scrollWidth");
			assertThat(((Number) pageWidth).intValue()).isLessThanOrEqualTo(330);
			assertThat(page.locator("#roster-coverage-chart canvas")).hasCount(1);
			// against demand: the officers the cluster's demand needs, by the design options' conversion
			assertThat(page.locator("#roster-need")).containsText("officers needed in an hour = max(0, ceil(");
			Object needed = page.evaluate("() => JSON.parse(document.getElementById('chart-data').textContent).needed.length");
			assertThat(((Number) needed).intValue()).isEqualTo(168);
			Object series = page.evaluate("() => echarts.getInstanceByDom(document.getElementById('roster-coverage-chart'))"
					+ ".getOption().series.map(s => s.name).join('|')");
			assertThat(series).isEqualTo("On duty (rostered)|Officers needed (demand)");
			Files.createDirectories(Path.of("target/screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/roster-grid-320.png")).setFullPage(true));
		}
	}

}
