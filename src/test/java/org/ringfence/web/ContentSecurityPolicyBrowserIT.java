package org.ringfence.web;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.support.Chromium;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Content-Security-Policy (docs/security.md, V14.4) breaks nothing: in Chromium, the pages
 * with scripts, charts and maps run without a single violation, and GOV.UK Frontend's scripts ran
 * (the inline line allowed by its hash marks the body, the module initialises components).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentSecurityPolicyBrowserIT {

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

	@Test
	void pagesWithScriptsChartsAndMapsRunWithoutViolations() {
		List<String> violations = new ArrayList<>();
		try (BrowserContext context = this.browser.newContext()) {
			context.addInitScript("window.__csp = []; document.addEventListener('securitypolicyviolation', "
					+ "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));");
			Page page = context.newPage();
			page.onConsoleMessage(message -> {
				if (message.text().contains("Content Security Policy")) {
					violations.add(page.url() + ": " + message.text());
				}
			});
			String base = "http://localhost:" + this.port;
			page.navigate(base + "/login");
			assertThat(page.evaluate("document.body.className")).asString().contains("js-enabled");
			page.getByLabel("Username").fill("admin");
			page.getByLabel("Password").fill(Api.PASSWORD);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
			page.waitForURL("**/");
			for (String path : List.of("/", "/boroughs/E09000007", "/wards/E05000137", "/reports/abstraction",
					"/demand?borough=E09000007", "/flex/dashboard", "/allocation", "/deflection", "/audit",
					"/swagger-ui/index.html")) {
				page.navigate(base + path);
				page.waitForLoadState(LoadState.NETWORKIDLE);
				List<?> seen = (List<?>) page.evaluate("window.__csp");
				seen.forEach(v -> violations.add(path + ": " + v));
				if (!path.startsWith("/swagger")) {
					assertThat(page.evaluate("document.body.className")).as(path).asString()
						.contains("js-enabled")
						.contains("govuk-frontend-supported");
				}
			}
			page.navigate(base + "/reports/abstraction");
			page.locator("#trend-chart svg, #trend-chart canvas").first().waitFor();
			page.locator("#map path.leaflet-interactive").first().waitFor();
		}
		assertThat(violations).isEmpty();
	}

}
