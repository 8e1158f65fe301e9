package org.ringfence.flex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.workforce.WorkforceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One flex request walked from draft to closed in a real browser by the demo users who take each
 * step: the sergeant drafts and submits, the inspector escalates, the SMT lead approves the wards and
 * presents, the superintendent authorises (the duty records change), endorses, reviews and ends it,
 * the SMT lead records the feedback and closes it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlexBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	GeographyService geography;

	@Autowired
	WorkforceService workforce;

	@Autowired
	JdbcClient jdbc;

	FlexFixture fx;

	Playwright playwright;

	Browser browser;

	@BeforeAll
	void launch() {
		this.fx = new FlexFixture(new Api(this.port), this.geography, this.workforce, this.jdbc);
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

	/** Signs in, opens the request and hands the page to the steps; closes the browser context after. */
	void as(String user, String requestPath, java.util.function.Consumer<Page> steps) {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, user);
			page.navigate(url(requestPath));
			steps.accept(page);
		}
	}

	static void press(Page page, String button) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
	}

	static void expectStatus(Page page, String status) {
		assertThat(page.locator("#status")).hasText(status);
	}

	@Test
	void oneRequestWalksFromDraftToClosedWithTheRightDemoUsers() throws Exception {
		LocalDate first = FlexFixture.window();
		LocalDate last = first.plusDays(13);
		FlexFixture.Ward providing = this.fx.otherCluster;
		this.fx.roster(providing, first, 14, 3);
		long officer = providing.constables().get(2);
		String serviceNumber = this.workforce.person(officer).serviceNumber();
		String requestPath;
		Files.createDirectories(Path.of("target/screenshots"));
		// the sergeant drafts and submits
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "sergeant.camden");
			page.navigate(url("/flex"));
			page.locator("#new-request").click();
			page.locator("#receivingWard").selectOption(this.fx.receiving.code());
			page.getByLabel("Crime or ASB type").fill("ASB - youth");
			page.getByLabel("Intelligence summary").fill("Repeat youth ASB on the estate in the evenings.");
			page.getByLabel("Aims", new Page.GetByLabelOptions().setExact(true)).fill("Reduce youth ASB.");
			page.getByLabel("Objectives").fill("Evening patrols and youth engagement.");
			page.getByLabel("Expected results").fill("Fewer calls, panel confidence back.");
			page.locator("#firstDay").fill(first.toString());
			page.locator("#lastDay").fill(last.toString());
			page.locator("#serviceNumber-0").fill(serviceNumber);
			page.locator("#providingWard-0").selectOption(providing.code());
			press(page, "Save draft");
			page.waitForURL(Pattern.compile(".*/flex/requests/[0-9]+.*"));
			expectStatus(page, "Draft");
			assertThat(page.locator("#checks-verdict")).hasText("No check fails.");
			assertThat(page.locator("#officers")).containsText(serviceNumber);
			requestPath = page.url().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");
			press(page, "Submit to the cluster inspector");
			expectStatus(page, "Submitted to the cluster inspector");
			assertThat(page.locator("#action-ESCALATE")).hasCount(0);
		}
		as("inspector.camden", requestPath, page -> {
			press(page, "Escalate to the SN SMT lead");
			expectStatus(page, "Escalated to the SN SMT lead");
		});
		as("smt.camden", requestPath, page -> {
			for (int i = 0; i < 2; i++) {
				page.locator("#dialogue-date-" + i).fill(first.minusDays(10).toString());
				page.locator("#dialogue-summary-" + i).fill("Panel told of the purpose and rationale.");
			}
			press(page, "Approve the providing wards");
			expectStatus(page, "Providing wards approved");
			page.locator("#meetingDate").fill(first.minusDays(7).toString());
			page.locator("#meetingReference").fill("Camden BTM " + first.minusDays(7));
			press(page, "Record presentation at borough tasking");
			expectStatus(page, "Presented at borough tasking");
		});
		as("supt.camden", requestPath, page -> {
			assertThat(page.locator("#checks")).containsText("Ring-fence");
			press(page, "Authorise");
			expectStatus(page, "Authorised, duty records updated");
			assertThat(page.locator("#flexed-duties")).containsText("Duty records changed (14)");
			press(page, "Endorse: duty records updated");
			expectStatus(page, "Live");
			press(page, "Record the review");
			expectStatus(page, "Live");
			page.locator("#lastDay").fill(first.plusDays(6).toString());
			press(page, "End the flex");
			expectStatus(page, "Ended");
		});
		assertThat(this.fx.planned(officer, first.plusDays(6))).containsExactly("FLEX", this.fx.receiving.code());
		assertThat(this.fx.planned(officer, first.plusDays(7))).containsExactly("SN_WARD", providing.code());
		as("smt.camden", requestPath, page -> {
			page.locator("#feedback-summary-0").fill("Outcome explained to the receiving ward's panel.");
			page.locator("#feedback-summary-1").fill("Thanked the providing ward's panel.");
			press(page, "Record feedback to ward panels");
			expectStatus(page, "Ended");
			press(page, "Close");
			expectStatus(page, "Closed");
			assertThat(page.locator("#feedback li")).hasCount(2);
			Locator history = page.locator("#history tbody tr");
			assertThat(history).hasCount(11);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/flex-closed.png")).setFullPage(true));
		});
	}

	@Test
	void theDashboardMapDrawsAnArrowFromTheProvidingWardToTheReceivingWard() {
		LocalDate first = FlexFixture.window();
		FlexFixture.Ward providing = this.fx.otherCluster2;
		this.fx.roster(providing, first, 3, 3);
		long id = this.fx.draft(FlexFixture.request(this.fx.receiving.code(), first, first.plusDays(2),
				providing.constables().get(2), providing.code()));
		this.fx.present(id, first.minusDays(7), this.fx.receiving.code(), providing.code());
		this.fx.stepOk("supt.camden", id, FlexFixture.action("AUTHORISE"));
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "oversight");
			page.navigate(url("/flex/dashboard?borough=" + FlexFixture.CAMDEN + "&asOf=" + first));
			page.locator("#flex-map path.rf-flex-arrow").first().waitFor();
			assertThat(page.locator("#flex-map path.rf-flex-arrowhead").count()).isGreaterThanOrEqualTo(1);
			assertThat(page.locator("#deployed")).containsText("FLEX-" + id);
			page.locator("#flex-chart svg").first().waitFor();
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/flex-dashboard.png")).setFullPage(true));
		}
	}

	@Test
	void theFlexPagesFitA320PixelWideScreen() {
		LocalDate first = FlexFixture.window();
		this.fx.roster(this.fx.otherCluster, first, 2, 3);
		long id = this.fx.draft(FlexFixture.request(this.fx.receiving.code(), first, first.plusDays(1),
				this.fx.otherCluster.constables().get(2), this.fx.otherCluster.code()));
		for (String[] visit : List.of(new String[] { "supt.camden", "/flex" }, new String[] { "supt.camden", "/flex/dashboard" },
				new String[] { "supt.camden", "/flex/requests/" + id }, new String[] { "sergeant.camden", "/flex/requests/new" })) {
			try (BrowserContext context = this.browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640))) {
				Page page = signIn(context, visit[0]);
				page.navigate(url(visit[1]));
				int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
				assertThat(width).as("page width of %s at 320 px", visit[1]).isLessThanOrEqualTo(320);
			}
		}
	}

}
