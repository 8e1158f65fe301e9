package org.ringfence.support;

import java.nio.file.Paths;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * The browser every browser test drives: Debian's Chromium ({@code /usr/bin/chromium}, or
 * {@code CHROMIUM_PATH}), headless, without sandbox, GPU, QUIC or any background network traffic
 * (the test machines reach nothing but the application under test).
 */
public final class Chromium {

	private Chromium() {
	}

	/** Where the Chromium binary is. */
	public static String path() {
		String configured = System.getenv("CHROMIUM_PATH");
		return configured != null ? configured : "/usr/bin/chromium";
	}

	/** Launches the browser with Playwright. */
	public static Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get(path()))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	/** Signs a demo user in on the login page of the application at the port; the page ends on the home page. */
	public static void signIn(Page page, int port, String user) {
		page.navigate("http://localhost:" + port + "/login");
		page.getByLabel("Username").fill(user);
		page.getByLabel("Password").fill(Api.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		page.waitForURL("**/");
	}

}
