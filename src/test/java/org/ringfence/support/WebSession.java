package org.ringfence.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like session for pages (form login, a session cookie, CSRF tokens from the pages),
 * without a browser: for checking what pages show and who may open them. Redirects are not
 * followed, so a test sees them.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?(?:value|content)=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	/** A response: status, body, content type and, for a redirect, where to. */
	public record Page(int status, String body, String contentType, String location) {
	}

	private WebSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A session that has not signed in. */
	public static WebSession anonymous(int port) {
		return new WebSession(port);
	}

	/** Signs in through the login form with the demo password; fails unless the login succeeds. */
	public static WebSession signIn(int port, String username) {
		WebSession session = new WebSession(port);
		Page login = session.get("/login");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("password", Api.PASSWORD);
		form.put("_csrf", csrf(login.body()));
		Page done = session.send(HttpRequest.newBuilder(session.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form))));
		if (done.status() != 302 || done.location().contains("error")) {
			throw new IllegalStateException("Login of " + username + " failed: " + done.status());
		}
		return session;
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** Posts a form as the page at formPage would (with that page's CSRF token). */
	public Page post(String formPage, String path, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", csrf(get(formPage).body()));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form))));
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.header("Accept", "text/html,*/*;q=0.8")
				.timeout(Duration.ofSeconds(120))
				.build(),
					HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(""));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on the page");
		}
		return matcher.group(1);
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
