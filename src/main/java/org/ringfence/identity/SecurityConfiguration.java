package org.ringfence.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Two filter chains. {@code /api/**}: HTTP Basic for scripts (or the browser's session), never
 * creates a session, answers 401/403 as problem+json; CSRF applies to session-authenticated
 * changes only. Everything else: form login, with static assets, the login page, health and the
 * API documentation open. Method security ({@code @PreAuthorize}) decides the rest.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/**
	 * The Content-Security-Policy of every response: scripts only from this site (our static files
	 * and the webjars) plus the one inline line of GOV.UK Frontend's layout, allowed by its hash;
	 * no plugins, no framing, forms post only here. Inline styles stay allowed: ECharts and Leaflet
	 * style the elements they draw (a style cannot run code).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
			+ "script-src 'self' '" + LayoutScript.HASH + "'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	/** The SHA-256 of the inline script in templates/layout.html (ContentSecurityPolicyTest checks they agree). */
	static final class LayoutScript {

		static final String HASH = "sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw=";

		private LayoutScript() {
		}

	}

	@Bean
	AuthenticationManager authenticationManager(ThrottledAuthenticationProvider provider,
			AuthenticationEventPublisher events) {
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	/**
	 * Response headers of every chain: Spring Security's defaults (no caching, nosniff, frame
	 * DENY, HSTS on HTTPS requests) with a Content-Security-Policy, Referrer-Policy and
	 * Permissions-Policy.
	 */
	static void secureHeaders(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
	}

	/**
	 * Actuator: health is open (load balancers), everything else (metrics for Prometheus) is for
	 * administrators with HTTP Basic, never a session; 401/403 as problem+json.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain actuatorChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
		AuthenticationEntryPoint unauthorised = (request, response, ex) -> writeProblem(response, 401, "unauthorised",
				"Unauthorised", authenticationMessage(ex));
		AccessDeniedHandler forbidden = (request, response, ex) -> writeProblem(response, 403, "forbidden", "Forbidden",
				"You do not have access to this.");
		http.securityMatcher("/actuator/**")
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests(authorize -> authorize.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole(Role.ADMIN.name()))
			.httpBasic(basic -> basic.realmName("Ringfence").authenticationEntryPoint(unauthorised))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorised)
				.accessDeniedHandler(forbidden))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable());
		secureHeaders(http);
		return http.build();
	}

	/** The absolute session limit, after the session's security context is read. */
	static void limitSessions(HttpSecurity http, Duration absoluteTimeout, Clock clock) {
		http.addFilterAfter(new SessionLifetime(absoluteTimeout, clock), SecurityContextHolderAwareRequestFilter.class);
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager,
			@Value("${ringfence.session.absolute-timeout:12h}") Duration absoluteTimeout, Clock clock) throws Exception {
		AuthenticationEntryPoint unauthorised = (request, response, ex) -> writeProblem(response, 401, "unauthorised",
				"Unauthorised", authenticationMessage(ex));
		// Reached for a change without a CSRF token too (before authentication): a caller who is not
		// logged in is told to log in, a logged-in browser session that the token is missing.
		AccessDeniedHandler forbidden = (request, response, ex) -> {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
				unauthorised.commence(request, response, new InsufficientAuthenticationException(ex.getMessage()));
			}
			else if (ex instanceof CsrfException) {
				writeProblem(response, 403, "csrf", "Forbidden",
						"The request has no valid CSRF token: send the X-CSRF-TOKEN header from the page's _csrf meta tag.");
			}
			else {
				writeProblem(response, 403, "forbidden", "Forbidden", "You do not have access to this.");
			}
		};
		http.securityMatcher("/api/**")
			.authenticationManager(authenticationManager)
			.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
			.httpBasic(basic -> basic.realmName("Ringfence").authenticationEntryPoint(unauthorised))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorised)
				.accessDeniedHandler(forbidden))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::sessionChange));
		secureHeaders(http);
		limitSessions(http, absoluteTimeout, clock);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager authenticationManager,
			@Value("${ringfence.session.absolute-timeout:12h}") Duration absoluteTimeout, Clock clock) throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(authorize -> authorize
				.requestMatchers("/assets/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/login", "/error",
						"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**",
						"/swagger-ui.html")
				.permitAll()
				// published information only (neighbourhood module): public ward pages, data.police.uk-compatible API
				.requestMatchers(HttpMethod.GET, "/neighbourhoods", "/neighbourhoods/**", "/police-uk/api/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler((request, response, ex) -> {
				request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, ex);
				response.sendRedirect(request.getContextPath() + "/login?error");
			}))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
		secureHeaders(http);
		limitSessions(http, absoluteTimeout, clock);
		return http.build();
	}

	/** CSRF protects changes made with a session cookie; scripts sending credentials in a header need no token. */
	private static boolean sessionChange(HttpServletRequest request) {
		return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null;
	}

	private static String authenticationMessage(AuthenticationException ex) {
		if (ex instanceof org.springframework.security.authentication.LockedException
				|| ex instanceof org.springframework.security.authentication.DisabledException
				|| ex instanceof org.springframework.security.authentication.BadCredentialsException) {
			return ex.getMessage();
		}
		return "Log in first: send HTTP Basic credentials or use a logged-in session.";
	}

	static void writeProblem(HttpServletResponse response, int status, String code, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Ringfence\"");
		}
		response.getWriter()
			.write("{\"type\":\"https://ringfence.example/problems/" + code + "\",\"title\":\"" + title + "\",\"status\":"
					+ status + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"code\":\""
					+ code + "\"}");
	}

}
