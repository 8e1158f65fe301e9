package org.ringfence.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * ASVS V3 and V14 (docs/security.md): the security headers of pages, API and actuator; the session
 * cookie's flags and a new session id at login; HSTS and Secure cookies over HTTPS; errors without
 * internals; bcrypt password hashes; logins and failures in the security log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityHeadersIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@Test
	void pagesApiAndActuatorSendTheSecurityHeaders() throws Exception {
		for (HttpResponse<String> response : List.of(send(request("/login", null)), send(request("/", null)),
				send(request("/api/v1/me", "admin")), send(request("/api/v1/me", null)), send(request("/actuator/health", null)),
				send(request("/no-such-page", null)))) {
			String what = response.request().uri().getPath() + " " + response.statusCode();
			var headers = response.headers();
			assertThat(headers.firstValue("Content-Security-Policy")).as(what)
				.hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
			assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
			assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
			assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
			assertThat(headers.firstValue("Permissions-Policy")).as(what).hasValue(SecurityConfiguration.PERMISSIONS_POLICY);
			assertThat(headers.firstValue("Cache-Control")).as(what).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
			// plain HTTP: no HSTS (browsers ignore it there; see the HTTPS test)
			assertThat(headers.firstValue("Strict-Transport-Security")).as(what).isEmpty();
		}
		String csp = SecurityConfiguration.CONTENT_SECURITY_POLICY;
		assertThat(csp).contains("script-src 'self' 'sha256-").contains("frame-ancestors 'none'")
			.contains("object-src 'none'").doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
	}

	@Test
	void overHttpsHstsIsSentAndTheSessionCookieIsSecure() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context)
			.addFilters(this.context.getBean("springSessionRepositoryFilter", Filter.class),
					this.context.getBean("springSecurityFilterChain", Filter.class))
			.build();
		MvcResult result = mvc.perform(get("/login").secure(true)).andReturn();
		assertThat(result.getResponse().getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
		assertThat(String.join("\n", result.getResponse().getHeaders("Set-Cookie"))).contains("SESSION=").contains("Secure")
			.contains("HttpOnly");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndLaxAndLoginGivesANewSession(CapturedOutput output) throws Exception {
		HttpResponse<String> login = send(request("/login", null));
		String before = sessionCookie(login);
		String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
		assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
		Matcher csrf = CSRF.matcher(login.body());
		assertThat(csrf.find()).isTrue();

		HttpResponse<String> signedIn = this.client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Cookie", "SESSION=" + before)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + Api.PASSWORD + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		String after = sessionCookie(signedIn);
		assertThat(after).isNotBlank().isNotEqualTo(before);
		// the old session id is no longer signed in
		HttpResponse<String> withOld = this.client.send(HttpRequest.newBuilder(uri("/")).header("Cookie", "SESSION=" + before).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(withOld.statusCode()).isEqualTo(302);
		HttpResponse<String> withNew = this.client.send(HttpRequest.newBuilder(uri("/")).header("Cookie", "SESSION=" + after).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(withNew.statusCode()).isEqualTo(200);
		assertThat(output.getOut()).contains("Login succeeded: user=admin address=");
	}

	@Test
	void failedLoginsAreLoggedWithoutThePassword(CapturedOutput output) throws Exception {
		HttpResponse<String> login = send(request("/login", null));
		Matcher csrf = CSRF.matcher(login.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> failed = this.client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Cookie", "SESSION=" + sessionCookie(login))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=nobody.audit%0Aforged&password=secret-guess-123&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(failed.headers().firstValue("Location").orElse("")).endsWith("/login?error");
		new Api(this.port).send("nobody.basic", "another-guess-456",
				HttpRequest.newBuilder(new Api(this.port).uri("/api/v1/me")).GET());

		assertThat(output.getOut()).contains("Login failed: user=nobody.audit?forged address=")
			.contains("reason=BadCredentialsException")
			.contains("Login failed: user=nobody.basic")
			.doesNotContain("secret-guess-123")
			.doesNotContain("another-guess-456");
	}

	@Test
	void changesNeedTheCsrfTokenAndLogoutEndsTheSession() throws Exception {
		HttpResponse<String> login = send(request("/login", null));
		String anonymous = sessionCookie(login);
		HttpResponse<String> withoutToken = this.client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Cookie", "SESSION=" + anonymous)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + Api.PASSWORD))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		Matcher csrf = CSRF.matcher(login.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> signedIn = this.client.send(HttpRequest.newBuilder(uri("/login"))
			.header("Cookie", "SESSION=" + anonymous)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + Api.PASSWORD + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		String session = sessionCookie(signedIn);
		// the API with the browser's session cookie but no token: refused
		HttpResponse<String> apiChange = this.client.send(HttpRequest.newBuilder(uri("/api/v1/tasking/meetings"))
			.header("Cookie", "SESSION=" + session)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(apiChange.statusCode()).isEqualTo(403);
		assertThat(apiChange.body()).contains("\"code\":\"csrf\"");
		HttpResponse<String> home = this.client.send(HttpRequest.newBuilder(uri("/")).header("Cookie", "SESSION=" + session).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(200);
		Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(home.body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> logout = this.client.send(HttpRequest.newBuilder(uri("/logout"))
			.header("Cookie", "SESSION=" + session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
		HttpResponse<String> after = this.client.send(HttpRequest.newBuilder(uri("/")).header("Cookie", "SESSION=" + session).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(after.statusCode()).isEqualTo(302);
	}

	@Test
	void noServerVersionAndNoCrossOriginAccess() throws Exception {
		HttpResponse<String> preflight = this.client.send(HttpRequest.newBuilder(uri("/api/v1/me"))
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "GET")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		HttpResponse<String> page = send(request("/login", null));
		assertThat(page.headers().firstValue("Server")).isEmpty();
		assertThat(page.headers().firstValue("X-Powered-By")).isEmpty();
	}

	@Test
	void errorsShowNoInternals() throws Exception {
		for (HttpResponse<String> response : List.of(send(request("/api/v1/people/not-a-number", "admin")),
				send(request("/api/v1/no-such-thing?trace=true", "admin")),
				send(request("/api/v1/duties?person=x&from=never&to=2026-01-01", "admin")))) {
			assertThat(response.statusCode()).isBetween(400, 499);
			assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("trace");
		}
	}

	@Test
	void passwordsShorterThanTwelveCharactersAreRefused() {
		Api.Response refused = new Api(this.port).post("admin", "/api/v1/users", "application/json",
				("{\"username\":\"short.password\",\"displayName\":\"Short\",\"password\":\"elevenchars\","
						+ "\"role\":\"ANALYST\",\"scopes\":[{\"type\":\"FORCE\",\"code\":\"MPS\"}]}")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).as(refused.body()).isIn(400, 422);
		assertThat(refused.body()).contains("password must be 12-128 characters");
		assertThat(this.jdbc.sql("select count(*) from identity.app_user where username = 'short.password'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void passwordsAreStoredAsBcryptHashes() {
		List<String> hashes = this.jdbc.sql("select password_hash from identity.app_user").query(String.class).list();
		assertThat(hashes).isNotEmpty().allSatisfy(hash -> assertThat(hash).matches("\\$2[aby]\\$1[0-9]\\$.{53}"));
	}

	private HttpRequest.Builder request(String path, String user) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (user != null) {
			request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("SESSION="))
			.map(c -> c.substring("SESSION=".length(), c.indexOf(';')))
			.findFirst()
			.orElse("");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
