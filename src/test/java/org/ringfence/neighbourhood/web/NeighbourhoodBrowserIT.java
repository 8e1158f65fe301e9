package org.ringfence.neighbourhood.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

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
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident finds their team and sees its priorities; a sergeant adds a priority through the form
 * and it appears on the public page and in the data.police.uk-compatible API. Chromium at 320 px.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeighbourhoodBrowserIT {

	@LocalServerPort
	int port;

	Playwright playwright;

	Browser browser;

	String sergeantWard;

	@BeforeAll
	void launch() {
		this.playwright = Playwright.create();
		this.browser = Chromium.launch(this.playwright);
		this.sergeantWard = new Api(this.port).get("sergeant.camden", "/api/v1/me").json().get("scopes").get(0).get("code")
			.asString();
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

	@Test
	void aResidentFindsTheirTeamByCoordinatesAndSeesItsPriorities() throws Exception {
		try (BrowserContext context = this.browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640))) {
			Page page = context.newPage();
			page.navigate(url("/neighbourhoods"));
			page.getByLabel("Latitude").fill("51.5390");
			page.getByLabel("Longitude").fill("-0.1426");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find my team")).click();
			page.waitForURL(Pattern.compile(".*/neighbourhoods/E05\\d{6}$"));
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.containsText("Safer Neighbourhoods team");
			assertThat(page.locator("#priorities .govuk-summary-card").first()).isVisible();
			assertThat(page.locator("#meetings li").first()).isVisible();
			assertThat(page.locator("#team")).containsText("PC");
			page.locator("#map path.leaflet-interactive").first().waitFor();
			// nothing wider than the screen
			Object overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");
			assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
			Files.createDirectories(Path.of("target/screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/neighbourhood-320.png")).setFullPage(true));
		}
	}

	@Test
	void aResidentClicksAWardOnTheLondonMap() {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = context.newPage();
			page.navigate(url("/neighbourhoods"));
			page.locator("#map path.leaflet-interactive").first().waitFor();
			assertThat(page.locator("#map path.leaflet-interactive").count()).isGreaterThan(600);
			page.locator("#map").click();
			page.waitForURL(Pattern.compile(".*/neighbourhoods/E05\\d{6}$"));
			assertThat(page.locator("#priorities")).isVisible();
		}
	}

	@Test
	void aSergeantAddsAPriorityAndItIsPublished() {
		String issue = "Browser test: e-scooters ridden on the pavement outside the library " + System.nanoTime();
		try (BrowserContext context = this.browser.newContext()) {
			Page page = context.newPage();
			Chromium.signIn(page, this.port, "sergeant.camden");
			page.navigate(url("/panels"));
			page.locator("#wards a[href='/panels/" + this.sergeantWard + "']").click();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a priority")).click();
			page.getByLabel("Category").selectOption("road safety");
			page.getByLabel("Issue").fill(issue);
			page.getByLabel("Action", new Page.GetByLabelOptions().setExact(true)).fill("Patrols with the council's wardens");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and publish")).click();
			assertThat(page.locator("#saved")).isVisible();
			assertThat(page.locator("#priorities")).containsText(issue);
		}
		try (BrowserContext resident = this.browser.newContext()) {
			Page page = resident.newPage();
			page.navigate(url("/neighbourhoods/" + this.sergeantWard));
			assertThat(page.locator("#priorities")).containsText(issue);
		}
		String api = new Api(this.port).get(null, "/police-uk/api/metropolitan/" + this.sergeantWard + "/priorities").body();
		assertThat(api).contains(issue);
	}

	@Test
	void theFormShowsErrorsInASummary() {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = context.newPage();
			Chromium.signIn(page, this.port, "sergeant.camden");
			page.navigate(url("/panels/" + this.sergeantWard + "/priorities/new"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and publish")).click();
			assertThat(page.locator(".govuk-error-summary")).containsText("Enter the issue");
			assertThat(page.locator(".govuk-error-summary")).containsText("Choose a category");
		}
	}


	@Test
	void aSergeantChangesTheMembersAndAMeetingOnA320PixelScreen() {
		try (BrowserContext context = this.browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640))) {
			Page page = context.newPage();
			Chromium.signIn(page, this.port, "sergeant.camden");
			page.navigate(url("/panels/" + this.sergeantWard));
			page.locator("#change-members").click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Ward panel members");
			assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(320);
			int rows = page.locator("#members-form fieldset").count();
			// a name without a role is refused, with the row named in the summary and its link to the field
			page.getByLabel("Name of member " + rows).fill("Dee Browser");
			page.getByLabel("Role of member " + rows).fill("");
			page.locator("#save-members").click();
			assertThat(page.locator(".govuk-error-summary")).containsText("Member " + rows + ": Enter a role");
			page.getByLabel("Role of member " + rows).fill("Youth representative");
			page.locator("#save-members").click();
			assertThat(page.locator("#saved")).hasText("The panel members were saved.");
			assertThat(page.locator("#members")).containsText("Dee Browser, Youth representative");
			// a meeting: change its place through the edit form
			page.locator("#meetings a", new Page.LocatorOptions().setHasText("Change")).first().click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.hasText("Change a ward panel meeting");
			assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(320);
			String place = "Browser test hall " + System.nanoTime();
			page.getByLabel("Place").fill(place);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
			assertThat(page.locator("#meetings")).containsText(place);
		}
	}

}
