package org.ringfence.neighbourhood.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Values as data.police.uk writes them: dates and times as {@code yyyy-MM-ddTHH:mm:ss} (local time,
 * no zone), coordinates as strings, free text as HTML paragraphs.
 */
public final class PoliceUkFormat {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private PoliceUkFormat() {
	}

	public static String dateTime(LocalDateTime value) {
		return value == null ? null : DATE_TIME.format(value);
	}

	public static String date(LocalDate value) {
		return value == null ? null : DATE_TIME.format(value.atStartOfDay());
	}

	/** A coordinate as a string with six decimals (about 0.1 m). */
	public static String coordinate(double value) {
		return new BigDecimal(value).setScale(6, RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * Plain text as an HTML paragraph, escaped; null for empty text. data.police.uk sends free text
	 * (a priority's issue and action, a description, a bio) as HTML; ours is built here from the
	 * plain text stored, never stored as HTML: the five characters that mean something in HTML are
	 * escaped, a line break becomes {@code <br>}, and control characters that HTML does not allow
	 * are dropped, so the result is one well-formed {@code <p>} element whose text is the stored
	 * text, whatever was typed (a {@code <script>} arrives as text, not as markup).
	 */
	public static String html(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		StringBuilder out = new StringBuilder("<p>");
		for (char c : text.strip().toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				case '\n' -> out.append("<br>");
				case '\r' -> {
				}
				default -> {
					if (c == '\t' || c >= 0x20 && c < 0x7f || c >= 0xa0) { // no C0/C1 controls
						out.append(c);
					}
				}
			}
		}
		return out.append("</p>").toString();
	}

}
