package org.ringfence.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.support.Chromium;
import org.ringfence.duties.NewDuty;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource office's duty pages, the ward team dashboard and the London map in Chromium:
 * resources.camden records a duty for a Camden officer in 2035, finds it, changes it and reads its
 * history; an overlapping duty is refused with the clash named and nothing stored; a Hackney
 * officer's duty is out of reach (403). Each test uses its own dates.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DutyPagesBrowserIT {

	static final String CAMDEN = "E09000007";

	static final String HACKNEY = "E09000012";

	@LocalServerPort
	int port;

	Playwright playwright;

	Browser browser;

	Api api;

	/** A Camden dedicated ward officer: id, service number, name, ward. */
	JsonNode officer;

	JsonNode hackneyOfficer;

	long hackneyDuty;

	@BeforeAll
	void launch() {
		this.api = new Api(this.port);
		this.officer = dwo("resources.camden", CAMDEN);
		this.hackneyOfficer = dwo("admin", HACKNEY);
		Api.Response created = this.api.post("admin", "/api/v1/duties", "application/json", ("{\"personId\":"
				+ this.hackneyOfficer.get("id").asLong() + ",\"kind\":\"PLANNED\",\"date\":\"2035-06-01\",\"start\":\"07:00\","
				+ "\"end\":\"15:00\",\"activityCode\":\"SN_WARD\",\"wardCode\":\""
				+ this.hackneyOfficer.get("unit").get("code").asString() + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		this.hackneyDuty = created.json().get("id").asLong();
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

	private JsonNode dwo(String user, String borough) {
		for (JsonNode person : this.api.get(user, "/api/v1/people?borough=" + borough).json()) {
			if (person.get("role").asString().equals("DWO") && person.get("unit").get("kind").asString().equals("WARD")) {
				return person;
			}
		}
		throw new IllegalStateException("No dedicated ward officer in " + borough);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private Page signIn(BrowserContext context, String user) {
		Page page = context.newPage();
		page.setDefaultTimeout(60_000);
		Chromium.signIn(page, this.port, user);
		return page;
	}

	/** Fills the new-duty form; the person by service number or picked from the list. */
	private void fillNewDuty(Page page, boolean byServiceNumber, String kind, String date, String start, String end,
			String ward, String code) {
		if (byServiceNumber) {
			page.getByLabel("Service number").fill(this.officer.get("serviceNumber").asString());
		}
		else {
			page.getByLabel("Or choose a person").selectOption(this.officer.get("id").asString());
		}
		page.locator("input[name=kind][value=" + kind + "]").check();
		fillTimes(page, date, start, end, ward, code);
	}

	private static void fillTimes(Page page, String date, String start, String end, String ward, String code) {
		page.locator("#date").fill(date);
		page.locator("#start").fill(start);
		page.locator("#end").fill(end);
		page.locator("#ward").selectOption(ward);
		page.locator("#activityCode").selectOption(code);
	}

	/** The officer's stored duties of a kind overlapping the days from..to. */
	private int storedDuties(String kind, String from, String to) {
		return this.api.get("resources.camden", "/api/v1/duties?person=" + this.officer.get("id").asLong() + "&from=" + from
				+ "&to=" + to + "&kind=" + kind).json().size();
	}

	@Test
	void theResourceOfficeRecordsFindsAndChangesADutyAndReadsItsHistory() throws Exception {
		String ward = this.officer.get("unit").get("code").asString();
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "resources.camden");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Find, record and change duties")).click();
			page.waitForURL("**/duties");
			page.locator("#record-duty").click();
			page.waitForURL("**/duties/new**");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Record a duty");
			fillNewDuty(page, false, "ACTUAL", "2035-03-05", "07:00", "15:00", ward, "SN_WARD");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save duty")).click();
			page.waitForURL(Pattern.compile(".*/duties\\?person=" + this.officer.get("id").asLong() + "&from=2035-03-01&to=2035-03-31"));
			assertThat(page.locator("#saved")).containsText("recorded");
			Locator row = page.locator("#duties tbody tr", new Page.LocatorOptions().setHasText("Mon 5 Mar 2035"));
			assertThat(row).hasCount(1);
			assertThat(row).containsText("07:00 to 15:00");
			assertThat(row).containsText("SN_WARD");
			assertThat(row).containsText("Saved");

			row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("Change"))).click();
			page.waitForURL("**/duties/*/edit");
			assertThat(page.locator("#history")).hasCount(0);
			page.locator("#end").fill("16:00");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
			page.waitForURL("**/duties?person=**");
			assertThat(page.locator("#saved")).containsText("changed");
			assertThat(row).containsText("07:00 to 16:00");

			row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("Change"))).click();
			page.waitForURL("**/duties/*/edit");
			assertThat(page.locator("#duty-summary")).containsText("07:00 to 16:00");
			assertThat(page.locator("#history tbody tr")).hasCount(1);
			assertThat(page.locator("#history tbody tr").first()).containsText("07:00 to 15:00");
			Files.createDirectories(Path.of("target/screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/duty-edit.png")).setFullPage(true));
		}
		assertThat(storedDuties("ACTUAL", "2035-03-05", "2035-03-05")).isEqualTo(1);
	}

	@Test
	void aRestDayTurnedIntoADutyShowsTheNoticeGiven() {
		String ward = this.officer.get("unit").get("code").asString();
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "resources.camden");
			page.navigate(url("/duties/new"));
			fillNewDuty(page, true, "PLANNED", "2035-04-10", "00:00", "00:00", "", "REST");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save duty")).click();
			page.waitForURL("**/duties?person=**");
			Locator row = page.locator("#duties tbody tr", new Page.LocatorOptions().setHasText("10 Apr 2035"));
			assertThat(row).containsText("REST");
			row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("Change"))).click();
			page.waitForURL("**/duties/*/edit");
			fillTimes(page, "2035-04-10", "07:00", "15:00", ward, "AB_CENTRAL");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
			page.waitForURL("**/duties?person=**");
			assertThat(page.locator("#saved")).containsText(Pattern.compile("rest day was cancelled with \\d+ days' notice"));
			assertThat(row).containsText(Pattern.compile("\\d+ days"));
			row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("Change"))).click();
			page.waitForURL("**/duties/*/edit");
			assertThat(page.locator("#notice")).containsText(Pattern.compile("\\d+ days' notice given"));
			assertThat(page.locator("#history tbody tr").first()).containsText("REST");
		}
	}

	@Test
	void anOverlappingDutyIsRefusedWithTheClashNamedAndNothingStored() {
		String ward = this.officer.get("unit").get("code").asString();
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "resources.camden");
			page.navigate(url("/duties/new"));
			fillNewDuty(page, false, "ACTUAL", "2035-05-14", "22:00", "06:00", ward, "SN_WARD");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save duty")).click();
			page.waitForURL("**/duties?person=**");
			Locator night = page.locator("#duties tbody tr", new Page.LocatorOptions().setHasText("14 May 2035"));
			assertThat(night).containsText("22:00 to 06:00 (next day)");
			String first = night.getAttribute("data-duty");

			page.navigate(url("/duties/new"));
			fillNewDuty(page, true, "ACTUAL", "2035-05-15", "05:00", "13:00", "", "AB_CENTRAL");
			page.locator("#place").fill("Central aid: Westminster");
			Response refused = page.waitForResponse(r -> r.url().endsWith("/duties/new") && r.request().method().equals("POST"),
					() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save duty")).click());
			assertThat(refused.status()).isEqualTo(422);
			assertThat(page.locator(".govuk-error-summary")).isVisible();
			assertThat(page.locator(".govuk-error-summary")).containsText("duty " + first);
			assertThat(page.locator(".govuk-error-summary")).containsText("one person cannot be in two duties at once");
			assertThat(page.locator("#start-error")).containsText("duty " + first);
			assertThat(page).hasTitle(Pattern.compile("^Error: "));
			// what was entered is still there
			assertThat(page.locator("#date")).hasValue("2035-05-15");
			assertThat(page.locator("#start")).hasValue("05:00");
			assertThat(page.locator("#place")).hasValue("Central aid: Westminster");
			assertThat(page.locator("#activityCode")).hasValue("AB_CENTRAL");
			assertThat(page.locator("#personId")).hasValue(this.officer.get("id").asString());
		}
		// only the night tour: the refused duty was not stored
		assertThat(storedDuties("ACTUAL", "2035-05-14", "2035-05-16")).isEqualTo(1);
	}

	@Test
	void theCamdenResourceOfficeCannotReachAHackneyOfficersDuties() {
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "resources.camden");
			Response edit = page.navigate(url("/duties/" + this.hackneyDuty + "/edit"));
			assertThat(edit.status()).isEqualTo(403);
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.hasText("You do not have access to this page");
			page.navigate(url("/duties/new"));
			page.getByLabel("Service number").fill(this.hackneyOfficer.get("serviceNumber").asString());
			page.locator("input[name=kind][value=PLANNED]").check();
			fillTimes(page, "2035-06-02", "07:00", "15:00", "", "SN_WARD");
			Response save = page.waitForResponse(r -> r.url().endsWith("/duties/new") && r.request().method().equals("POST"),
					() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save duty")).click());
			assertThat(save.status()).isEqualTo(403);
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.hasText("You do not have access to this page");
		}
		assertThat(this.api.get("admin", "/api/v1/duties?person=" + this.hackneyOfficer.get("id").asLong()
				+ "&from=2035-06-02&to=2035-06-02").json().size()).isZero();
	}

	@Test
	void theLondonMapColoursEveryWardAndAClickOpensTheWardDashboard() throws Exception {
		String month = YearMonth.now(NewDuty.LONDON).minusMonths(1).toString();
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "oversight");
			page.navigate(url("/reports/abstraction?month=" + month));
			assertThat(page.locator(".govuk-caption-l")).containsText("London");
			page.locator("#map path.leaflet-interactive").first().waitFor();
			assertThat(page.locator("#map path.leaflet-interactive")).hasCount(632);
			// wards are filled by visibility (no ward is left grey: every team has duty time)
			Object grey = page.evaluate("Array.from(document.querySelectorAll('#map path.leaflet-interactive'))"
					+ ".filter(p => p.getAttribute('fill') === '#b1b4b6').length");
			assertThat(((Number) grey).intValue()).isZero();
			assertThat(page.locator("#map-legend .rf-swatch").first()).hasAttribute("style", Pattern.compile("background"));
			Files.createDirectories(Path.of("target/screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/london-map.png")));
			page.locator("#map path.leaflet-interactive").nth(300).click(new Locator.ClickOptions().setForce(true));
			page.waitForURL(Pattern.compile(".*/reports/abstraction/wards/E05\\d{6}\\?month=" + month));
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("ward team");
			page.locator("#trend-chart svg").first().waitFor();
			page.locator("#type-chart svg").first().waitFor();
			assertThat(page.locator("#months tbody tr")).hasCount(6);
			// oversight sees aggregates only: no links to the named duty records
			assertThat(page.locator("a[href*='/reports/abstraction/duties']")).hasCount(0);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/ward-dashboard.png")).setFullPage(true));
		}
	}

	@Test
	void theBoroughDashboardLinksEachTeamToItsWardDashboardAndOnToTheRecords() {
		String month = YearMonth.now(NewDuty.LONDON).minusMonths(1).toString();
		try (BrowserContext context = this.browser.newContext()) {
			Page page = signIn(context, "supt.camden");
			page.navigate(url("/reports/abstraction?month=" + month));
			Locator team = page.locator("#teams tbody tr").first().locator("a").first();
			String name = team.textContent().strip();
			team.click();
			page.waitForURL("**/reports/abstraction/wards/**");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(name + " ward team");
			page.locator("#month-records").click();
			page.waitForURL("**/reports/abstraction/duties?**");
			assertThat(page.locator("#duties tbody tr").first()).isVisible();
		}
	}

	@Test
	void theNewPagesFitA320PixelWideScreen() {
		String ward = this.officer.get("unit").get("code").asString();
		long duty = this.api.get("resources.camden", "/api/v1/duties?person=" + this.officer.get("id").asLong()
				+ "&from=" + YearMonth.now(NewDuty.LONDON).minusMonths(1).atDay(1) + "&to="
				+ YearMonth.now(NewDuty.LONDON).minusMonths(1).atEndOfMonth()).json().get(0).get("id").asLong();
		try (BrowserContext context = this.browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640))) {
			Page page = signIn(context, "resources.camden");
			for (String path : List.of("/duties", "/duties?ward=" + ward, "/duties/new", "/duties/" + duty + "/edit",
					"/reports/abstraction/wards/" + ward)) {
				page.navigate(url(path));
				int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
				assertThat(width).as("page width of %s at 320 px", path).isLessThanOrEqualTo(320);
			}
			page.navigate(url("/duties/new"));
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/duty-form-320.png")).setFullPage(true));
		}
		try (BrowserContext context = this.browser.newContext(new Browser.NewContextOptions().setViewportSize(320, 640))) {
			Page page = signIn(context, "analyst");
			page.navigate(url("/reports/abstraction"));
			page.locator("#map path.leaflet-interactive").first().waitFor();
			int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
			assertThat(width).as("London dashboard width at 320 px").isLessThanOrEqualTo(320);
		}
	}

}
