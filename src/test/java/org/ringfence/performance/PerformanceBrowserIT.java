package org.ringfence.performance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

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
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance pages in a real browser (Debian's Chromium driven by Playwright): a sergeant
 * records EPIC activity through the form and it shows in the team's report; the report shows the
 * survey significance flags; a problem moves through a stage. Far-future months keep the demo data
 * out of the figures.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerformanceBrowserIT {

	static final String CAMDEN = "E09000007";

	@LocalServerPort
	int port;

	Playwright playwright;

	Browser browser;

	Api api;

	@BeforeAll
	void launch() {
		this.api = new Api(this.port);
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

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	Page signIn(BrowserContext context, String user) {
		Page page = context.newPage();
		Chromium.signIn(page, this.port, user);
		return page;
	}

	/** The row of a table whose first cells contain the text. */
	static Locator row(Page page, String table, String text) {
		return page.locator(table + " tbody tr").filter(new Locator.FilterOptions().setHasText(text));
	}

	@Test
	void aSergeantRecordsActivityThroughTheFormAndItShowsInTheTeamsReport() throws Exception {
		String month = "2035-11";
		String ward;
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "sergeant.camden");
			page.navigate(url("/performance/activity?month=" + month));
			ward = page.locator("#ward").inputValue();
			assertThat(ward).startsWith("E05");
			page.getByLabel("Enforcement: Arrests").fill("7");
			page.getByLabel("Prevention: Home visits").fill("3");
			page.getByLabel("Communication: Meeting attendance (people)").fill("25");
			page.locator("#save").click();
			assertThat(page.locator("#saved")).containsText("Saved");
			// the form shows what is stored
			assertThat(page.getByLabel("Enforcement: Arrests")).hasValue("7");
			// a word where a number belongs is refused with an error summary, and nothing changes
			page.getByLabel("Enforcement: Arrests").fill("seven");
			page.locator("#save").click();
			assertThat(page.locator(".govuk-error-summary")).containsText("Arrests: enter a whole number");
		}
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "inspector.camden");
			page.navigate(url("/performance?month=" + month + "&level=ward&code=" + ward));
			assertThat(page.locator("#report-title")).not().isEmpty();
			assertThat(row(page, "#epic", "Arrests").locator("td").nth(2)).hasText("7");
			assertThat(row(page, "#epic", "Home visits").locator("td").nth(2)).hasText("3");
			// people at meetings are shown but are not activities
			assertThat(page.locator("#activity-total")).hasText("10");
			Files.createDirectories(Path.of("target/screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/performance-ward.png"))
				.setFullPage(true));
		}
	}

	@Test
	void theReportShowsWhichSurveyChangesAreSignificant() {
		// 50% -> 60% on samples of 400 is significant; 50% -> 53% on samples of 100 is not
		String file = "period,area_code,question,positives,sample_size\n2035-Q3," + CAMDEN + ",satisfaction,200,400\n2035-Q4,"
				+ CAMDEN + ",satisfaction,240,400\n2035-Q3," + CAMDEN + ",feel_safe,50,100\n2035-Q4," + CAMDEN
				+ ",feel_safe,53,100\n";
		Api.Response imported = this.api.post("analyst", "/api/v1/performance/surveys/import", "text/csv",
				file.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "smt.camden");
			page.navigate(url("/performance?month=2036-01&level=borough&code=" + CAMDEN));
			assertThat(page.locator("h2").filter(new Locator.FilterOptions().setHasText("Outcomes"))).containsText("2035-Q4");
			Locator satisfaction = row(page, "#outcomes", "Satisfied with local policing");
			assertThat(satisfaction.locator("td").nth(1)).hasText("60.0%");
			assertThat(satisfaction.locator("td").nth(3)).hasText("10.0 pts *");
			assertThat(satisfaction.locator(".govuk-tag")).hasText("better quarter on quarter");
			assertThat(satisfaction.locator(".govuk-tag--green")).hasCount(1);
			Locator safe = row(page, "#outcomes", "Feel safe in the area");
			assertThat(safe.locator("td").nth(3)).hasText("3.0 pts");
			assertThat(safe.locator(".govuk-tag")).hasText("no significant change");
			// no result a year before: no year-on-year figure
			assertThat(satisfaction.locator("td").nth(4)).hasText("-");
		}
	}

	@Test
	void aProblemIsOpenedAndMovesThroughAStageButNotPastOne() {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "sergeant.camden");
			page.navigate(url("/performance/problems/new"));
			page.getByLabel("Title").fill("Bikes stolen from the library racks");
			page.getByLabel("Category").fill("theft");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open")).click();
			page.waitForURL(Pattern.compile(".*/performance/problems/\\d+$"));
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.hasText("Bikes stolen from the library racks");
			assertThat(page.locator("#current-stage")).hasText("1. Research");
			page.locator("#to-stage").selectOption("ENGAGE");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move")).click();
			assertThat(page.locator("#current-stage")).hasText("2. Engage");
			page.locator("#to-stage").selectOption("REVIEW");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move")).click();
			assertThat(page.locator(".govuk-error-summary")).containsText("one stage at a time");
			assertThat(page.locator("#current-stage")).hasText("2. Engage");
			// an action is added, then marked done
			page.getByLabel("Action", new Page.GetByLabelOptions().setExact(true)).fill("Ask the council for a covered bike shelter");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add action")).click();
			assertThat(page.locator("#actions")).containsText("Ask the council for a covered bike shelter");
			page.locator("#actions").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark done")).click();
			assertThat(page.locator("#actions")).containsText("(done ");
			assertThat(page.locator("#actions button")).hasCount(0);
			// it is found in the problem-solving database at stage 2
			page.navigate(url("/performance/problems?text=library+racks"));
			assertThat(page.locator("main")).containsText("Bikes stolen from the library racks");
		}
	}

}
