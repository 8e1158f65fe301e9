package org.ringfence.neighbourhood.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text a team types is published as text: the police.uk API's HTML fields are built from it
 * escaped, and the public page prints it escaped. A {@code <script>} typed into a priority never
 * reaches a resident's browser as markup.
 */
@IntegrationTest
class PublishedTextIT {

	@LocalServerPort
	int port;

	@Test
	void markupTypedIntoAPriorityIsEscapedInThePublicApiAndPage() {
		Api api = new Api(this.port);
		String ward = api.get("sergeant.camden", "/api/v1/me").json().get("scopes").get(0).get("code").asString();
		String issue = "Kids <script>alert('owned')</script> & <b>bold</b> on the \"green\"";
		String action = "Patrols <img src=x onerror=alert(1)>\nthen a letter drop";
		Api.Response created = api.post("sergeant.camden", "/api/v1/neighbourhoods/" + ward + "/priorities",
				"application/json", """
						{"issue":%s,"category":"ASB - youth","action":%s,"agreedOn":"%s"}"""
					.formatted(json(issue), json(action), LocalDate.now())
					.getBytes(StandardCharsets.UTF_8));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Api.Response published = api.get(null, "/police-uk/api/metropolitan/" + ward + "/priorities");
		assertThat(published.status()).isEqualTo(200);
		JsonNode ours = null;
		for (JsonNode p : published.json()) {
			if (p.get("issue").asString().contains("alert(")) {
				ours = p;
			}
		}
		assertThat(ours).as(published.body()).isNotNull();
		assertThat(ours.get("issue").asString()).isEqualTo("<p>ASB - youth: Kids &lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; "
				+ "&amp; &lt;b&gt;bold&lt;/b&gt; on the &quot;green&quot;</p>");
		assertThat(ours.get("action").asString()).isEqualTo("<p>Patrols &lt;img src=x onerror=alert(1)&gt;<br>then a letter drop</p>");

		Api.Response page = api.get(null, "/neighbourhoods/" + ward);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Kids &lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;")
			.doesNotContain("<script>alert(")
			.doesNotContain("<img src=x")
			.doesNotContain("<b>bold</b>");
	}

	static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}
