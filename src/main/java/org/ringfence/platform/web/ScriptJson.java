package org.ringfence.platform.web;

/**
 * JSON for a page's data block ({@code <script type="application/json" th:utext="...">}): every
 * {@code <} written as {@code \u003c}, so text in the data (a name, a code) can never close the
 * block or open a tag, and the JSON reads back the same. ASVS 5.3.3; docs/security.md.
 */
public final class ScriptJson {

	private ScriptJson() {
	}

	public static String safe(String json) {
		return json.replace("<", "\\u003c");
	}

}
