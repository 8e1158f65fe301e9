package org.ringfence.deflection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
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
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.DutyService;
import org.ringfence.duties.NewDuty;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.TeamMember;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a controller opens a borough's call priorities board, decides a call for a ward whose
 * PCSO is on duty (hand-built, August 2037) and records its outcome; a sergeant reviews their ward's
 * priorities; the boards fit a 320-pixel screen.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeflectionBrowserIT {

	static final String CAMDEN = "E09000007";

	@LocalServerPort
	int port;

	@Autowired
	DutyService duties;

	@Autowired
	WorkforceService workforce;

	@Autowired
	GeographyService geography;

	Playwright playwright;

	Browser browser;

	String ward;

	TeamMember pcso;

	@BeforeAll
	void launchAndRoster() {
		Api api = new Api(this.port);
		List<String> sergeantWards = new ArrayList<>();
		api.get("sergeant.camden", "/api/v1/me").json().get("scopes").forEach(s -> sergeantWards.add(s.get("code").asString()));
		List<ClusterSummary> clusters = this.geography.clusters(Optional.of(CAMDEN));
		this.ward = clusters.get(clusters.size() - 1)
			.wardCodes()
			.stream()
			.filter(w -> !sergeantWards.contains(w))
			.findFirst()
			.orElseThrow();
		this.pcso = this.workforce.team(this.ward)
			.stream()
			.filter(m -> m.role() == WorkforceRole.PCSO && m.postedWard().equals(this.ward))
			.findFirst()
			.orElseThrow();
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken("resources.camden", null, List.of()));
		try {
			this.duties.record(NewDuty.ofLocalTimes(this.pcso.personId(), DutyKind.PLANNED, LocalDate.of(2037, 8, 10),
					LocalTime.of(7, 0), LocalTime.of(15, 0), Optional.of(this.ward), "", "SN_WARD"));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		Api.Response existing = api.get("admin", "/api/v1/deflection/wards/" + this.ward + "/priorities");
		String version = existing.status() == 200 ? ",\"version\":" + existing.json().get("version").asInt() : "";
		Api.Response saved = api.put("admin", "/api/v1/deflection/wards/" + this.ward + "/priorities",
				"{\"categories\":[\"ASB_YOUTH\",\"NOISE\"],\"notes\":\"Repeat victims on the estate\"" + version + "}");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
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
	void aControllerOpensTheBoroughBoardDecidesACallAndRecordsItsOutcome() throws Exception {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "controller");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Call deflection").setExact(true)).first().click();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Camden").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Camden");
			assertThat(page.locator("#board tbody tr")).hasCount(this.geography.wards(Optional.of(CAMDEN)).size());
			assertThat(page.locator("#ward-" + this.ward)).containsText("ASB - youth nuisance");
			assertThat(page.locator("#server-time")).containsText("ms on the server");
			page.locator("#ward-" + this.ward + " a:has-text('Decide a call')").click();

			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Deflect a call to the SNT?");
			page.getByLabel("CAD reference").fill("CAD-BROWSER-1");
			page.locator("#date").fill("2037-08-10");
			page.locator("#time").fill("10:30");
			page.getByLabel("Type of call").selectOption("ASB_YOUTH");
			page.getByLabel("Suitable for a PCSO").check();
			page.getByLabel("Expected duration (minutes)").fill("20");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide")).click();

			assertThat(page.locator("#verdict")).hasText("Deflect to the SNT");
			assertThat(page.locator("#tag")).hasText("SNT");
			assertThat(page.locator("#conditions tbody tr")).hasCount(4);
			assertThat(page.locator("#conditions")).not().containsText("Fail");
			assertThat(page.locator("#officers")).containsText(this.pcso.name());
			Files.createDirectories(Path.of("target/screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/deflection-decision.png"))
				.setFullPage(true));

			page.getByLabel("Minutes away from the ward").fill("25");
			page.getByLabel("Result").selectOption("RESOLVED_BY_SNT");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the outcome")).click();
			assertThat(page.locator("#outcome")).containsText("25 minutes away from the ward");

			// a call outside the team's priorities is not deflected, and says why
			page.navigate("http://localhost:" + this.port + "/deflection/decide?ward=" + this.ward);
			page.getByLabel("CAD reference").fill("CAD-BROWSER-2");
			page.locator("#date").fill("2037-08-10");
			page.locator("#time").fill("11:00");
			page.getByLabel("Type of call").selectOption("BURGLARY_FOLLOW_UP");
			page.getByLabel("Suitable for a PCSO").check();
			page.getByLabel("Expected duration (minutes)").fill("20");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide")).click();
			assertThat(page.locator("#verdict")).hasText("Do not deflect");
			assertThat(page.locator("#conditions")).containsText("is not among the team's call priorities");
		}
	}

	@Test
	void aFormWithoutItsAnswersShowsTheProblems() {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "controller");
			page.navigate("http://localhost:" + this.port + "/deflection/decide?ward=" + this.ward);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decide")).click();
			assertThat(page.locator(".govuk-error-summary")).containsText("Say whether the call needs a police officer");
			assertThat(page.locator(".govuk-error-summary")).containsText("Enter the expected duration");
		}
	}

	@Test
	void aSergeantReviewsTheirWardsCallPriorities() {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "sergeant.camden");
			page.navigate("http://localhost:" + this.port + "/deflection");
			page.locator("#wards a").first().click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("call priorities");
			page.getByLabel("ASB - repeat or vulnerable victim visit").check();
			page.getByLabel("Anything else controllers should know").fill("Two repeat victims on Fleet Road");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save as reviewed today")).click();
			assertThat(page.locator("#saved")).isVisible();
			assertThat(page.locator("#reviewed")).containsText("sergeant.camden");
			assertThat(page.getByLabel("ASB - repeat or vulnerable victim visit")).isChecked();
		}
	}

	@Test
	void thePagesFitA320PixelWideScreen() {
		try (BrowserContext context = this.browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640))) {
			Page page = signIn(context, "controller");
			for (String path : List.of("/deflection", "/deflection/boroughs/E09000033", "/deflection/decide?ward=" + this.ward,
					"/deflection/evaluation?month=2037-08", "/significant-events")) {
				page.navigate("http://localhost:" + this.port + path);
				int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
				if (width > 320) {
					System.out.println(path + " too wide: " + page.evaluate("Array.from(document.querySelectorAll('body *'))"
							+ ".filter(e => e.getBoundingClientRect().right > 322)"
							+ ".slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')"));
				}
				assertThat(width).as("page width of %s at 320 px", path).isLessThanOrEqualTo(320);
			}
			page.navigate("http://localhost:" + this.port + "/deflection/boroughs/E09000033");
			System.out.println("Westminster board page: " + page.locator("#server-time").textContent());
		}
	}

}
