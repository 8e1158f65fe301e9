package org.ringfence.platform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile {@code structured-logs} turns the console log into one JSON object per line (Elastic
 * Common Schema, service "ringfence"); without it the log stays plain text.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

	@Configuration(proxyBeanMethods = false)
	static class Nothing {

	}

	@Test
	void theProfileWritesJsonLinesAndTheDefaultPlainText(CapturedOutput output) {
		log(false, "plain hello");
		log(true, "structured hello");
		String plain = output.getOut().lines().filter(l -> l.contains("plain hello")).findFirst().orElseThrow();
		String structured = output.getOut().lines().filter(l -> l.contains("structured hello")).findFirst().orElseThrow();
		assertThat(plain).doesNotStartWith("{");
		assertThat(structured).startsWith("{")
			.endsWith("}")
			.contains("\"message\":\"structured hello\"")
			.contains("\"service\":{\"name\":\"ringfence\"")
			.contains("\"ecs\":{\"version\"")
			.contains("\"logger\":\"ringfence.test\"");
	}

	/** Spring Boot keeps the format in system properties, which it never overwrites: clear them. */
	@AfterAll
	static void plainAgain() {
		System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
		System.clearProperty("FILE_LOG_STRUCTURED_FORMAT");
		log(false, "back to plain logs");
	}

	private static void log(boolean structured, String message) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.main.log-startup-info=false");
		if (structured) {
			builder.profiles("structured-logs");
		}
		try (var context = builder.run()) {
			LoggerFactory.getLogger("ringfence.test").info(message);
		}
	}

}
