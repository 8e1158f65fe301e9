package org.ringfence.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The templates fit the Content-Security-Policy: every inline script that runs is allowed by its
 * hash in the policy, and there are no inline event handlers or javascript: links (the policy
 * would block them). JSON data blocks ({@code type="application/json"}) do not run and need no hash;
 * the PDF templates are rendered on the server, never by a browser.
 */
class ContentSecurityPolicyTest {

	private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL);

	private static final Pattern HANDLER = Pattern.compile("\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);

	@Test
	void everyInlineScriptIsAllowedByItsHashAndNoHandlersAreInline() throws Exception {
		List<String> problems = new ArrayList<>();
		int inline = 0;
		for (Resource template : templates()) {
			String name = template.getURL().getPath().replaceFirst(".*/templates/", "");
			if (name.endsWith("-pdf.html")) {
				continue;
			}
			String html = template.getContentAsString(StandardCharsets.UTF_8);
			Matcher script = SCRIPT.matcher(html);
			while (script.find()) {
				String attributes = script.group(1);
				if (attributes.contains("src=") || attributes.contains("application/json")) {
					continue;
				}
				inline++;
				String hash = "'sha256-" + Base64.getEncoder()
					.encodeToString(MessageDigest.getInstance("SHA-256").digest(script.group(2).getBytes(StandardCharsets.UTF_8)))
						+ "'";
				if (!SecurityConfiguration.CONTENT_SECURITY_POLICY.contains(hash)) {
					problems.add(name + ": an inline script not allowed by the policy (" + hash + ")");
				}
			}
			Matcher handler = HANDLER.matcher(html);
			if (handler.find()) {
				problems.add(name + ": inline event handler or javascript: link near '" + handler.group() + "'");
			}
		}
		assertThat(inline).as("the layout's inline script").isGreaterThanOrEqualTo(1);
		assertThat(problems).isEmpty();
	}

	@Test
	void thePolicyAllowsScriptsOnlyFromThisSite() {
		String policy = SecurityConfiguration.CONTENT_SECURITY_POLICY;
		String scripts = policy.replaceFirst(".*script-src ([^;]*);.*", "$1");
		assertThat(scripts.split(" ")).allSatisfy(source -> assertThat(source).matches("'self'|'sha256-[A-Za-z0-9+/=]+'"));
		assertThat(policy).contains("default-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'none'")
			.contains("base-uri 'self'").contains("form-action 'self'");
	}

	private static Resource[] templates() throws IOException {
		return new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
	}

}
