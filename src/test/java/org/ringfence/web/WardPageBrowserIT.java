package org.ringfence.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
import org.ringfence.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Real browser tests: Debian's Chromium driven by Playwright, against the running application. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WardPageBrowserIT {

	@LocalServerPort
	int port;

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
	void sergeantSignsInOpensTheirWardAndSeesTheTeam() throws Exception {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "sergeant.camden");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Welcome");
			page.locator("a[href^='/wards/']").first().click();
			assertThat(page.locator("#team-table")).isVisible();
			assertThat(page.locator("#team-table")).containsText("Dedicated ward officer");
			assertThat(page.locator("#team-table")).containsText("Ward sergeant");
			assertThat(page.locator("#team-table tbody tr").count()).isGreaterThanOrEqualTo(3);
			// neighbours are listed by name, each linking to its ward page
			assertThat(page.locator("#neighbours a").first()).hasText(java.util.regex.Pattern.compile("[A-Za-z]{3,}"));
			Files.createDirectories(Path.of("target/screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/ward-sergeant.png")).setFullPage(true));
		}
	}

	@Test
	void aWardOutsideTheSergeantsScopeShowsNoTeam() {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "sergeant.camden");
			page.navigate("http://localhost:" + this.port + "/wards/E05009367"); // Brownswood, Hackney
			assertThat(page.locator("#team-table")).hasCount(0);
			assertThat(page.getByText("not shown to your role or area")).isVisible();
		}
	}

	@Test
	void boroughMapDrawsEveryWardColouredByCluster() {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "supt.camden");
			page.navigate("http://localhost:" + this.port + "/boroughs/E09000007");
			page.locator("#map path.leaflet-interactive").first().waitFor();
			int wards = page.locator("table").nth(1).locator("tbody tr").count();
			assertThat(page.locator("#map path.leaflet-interactive").count()).isEqualTo(wards);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/borough-map.png")));
		}
	}

	@Test
	void anOfficerOpeningTheBoroughsPeopleGetsTheAccessPage() {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "officer.camden");
			com.microsoft.playwright.Response response = page
				.navigate("http://localhost:" + this.port + "/boroughs/E09000007/people");
			assertThat(response.status()).isEqualTo(403);
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.hasText("You do not have access to this page");
		}
	}

	@Test
	void anAdministratorDryRunsABoundaryFileThroughTheForm() throws Exception {
		Path file = Files.createTempFile("city", ".geojson");
		Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
				+ "\"properties\":{\"code\":\"E05999123\",\"name\":\"Nowhere\",\"borough\":\"E09000001\"},"
				+ "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-0.09,51.51],[-0.08,51.51],[-0.08,51.52],[-0.09,51.51]]]}}]}");
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "admin");
			page.navigate("http://localhost:" + this.port + "/admin/boundaries");
			page.getByLabel("GeoJSON file").setInputFiles(file);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
			assertThat(page.locator(".govuk-error-summary")).containsText("nothing was imported");
			assertThat(page.locator(".govuk-error-summary")).containsText("City of London Police");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void theCamdenDashboardShowsChartsAndItsPdfRenders() throws Exception {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "supt.camden");
			String month = java.time.YearMonth.now().minusMonths(1).toString();
			page.navigate("http://localhost:" + this.port + "/reports/abstraction?month=" + month);
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.hasText("Visibility and abstraction");
			assertThat(page.locator(".govuk-caption-l")).containsText("Camden");
			page.locator("#trend-chart svg").first().waitFor();
			page.locator("#type-chart svg").first().waitFor();
			page.locator("#map path.leaflet-interactive").first().waitFor();
			Files.createDirectories(Path.of("target/screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/dashboard-camden.png")).setFullPage(true));
			String pdfHref = page.locator("#pdf-link").getAttribute("href");
			com.microsoft.playwright.APIResponse pdf = context.request().get("http://localhost:" + this.port + pdfHref);
			assertThat(pdf.status()).isEqualTo(200);
			String text;
			try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
				text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			}
			java.time.YearMonth ym = java.time.YearMonth.parse(month);
			assertThat(text).contains("Camden")
				.contains(ym.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK) + " " + ym.getYear());
			Files.write(Path.of("target/screenshots/abstraction-camden.pdf"), pdf.body());
		}
	}

	@Test
	void mainPagesFitA320PixelWideScreen() {
		try (BrowserContext context = this.browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640))) {
			Page page = signIn(context, "supt.camden");
			for (String path : List.of("/", "/boroughs", "/boroughs/E09000007", "/boroughs/E09000007/people",
					"/wards/E05000137", "/audit", "/reports/abstraction")) {
				page.navigate("http://localhost:" + this.port + path);
				int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
				assertThat(width).as("page width of %s at 320 px", path).isLessThanOrEqualTo(320);
			}
			page.navigate("http://localhost:" + this.port + "/wards/E05000137");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/ward-320.png")).setFullPage(true));
		}
	}

}
