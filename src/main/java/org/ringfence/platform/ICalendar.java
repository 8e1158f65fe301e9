package org.ringfence.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes duties as an iCalendar file (RFC 5545): one VEVENT a duty, times in UTC, text escaped,
 * lines folded at 75 octets, CRLF line ends. Calendar programs import it as they are.
 */
public final class ICalendar {

	static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private ICalendar() {
	}

	/** One event: a unique id, its times, a summary, where, and a description. */
	public record Event(String uid, Instant start, Instant end, String summary, String location, String description) {
	}

	/** A calendar of the product named (e.g. "Duties": PRODID -//Ringfence//Duties//EN). */
	public static String write(String product, String calendarName, List<Event> events, Instant stamp) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Ringfence//" + text(product) + "//EN");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-CALNAME:" + text(calendarName));
		for (Event event : events) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + text(event.uid()));
			line(out, "DTSTAMP:" + UTC.format(stamp));
			line(out, "DTSTART:" + UTC.format(event.start()));
			line(out, "DTEND:" + UTC.format(event.end()));
			line(out, "SUMMARY:" + text(event.summary()));
			if (!event.location().isEmpty()) {
				line(out, "LOCATION:" + text(event.location()));
			}
			if (!event.description().isEmpty()) {
				line(out, "DESCRIPTION:" + text(event.description()));
			}
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** TEXT value escaping: backslash, semicolon, comma and newlines. */
	static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
	}

	/** Appends a content line folded so that no line exceeds 75 octets (continuations start with a space). */
	static void line(StringBuilder out, String content) {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		if (bytes.length <= 75) {
			out.append(content).append("\r\n");
			return;
		}
		int limit = 75;
		StringBuilder current = new StringBuilder();
		int octets = 0;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			String character = new String(Character.toChars(codePoint));
			int size = character.getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append(current).append("\r\n ");
				current.setLength(0);
				octets = 0;
				limit = 74; // the leading space of a continuation counts
			}
			current.append(character);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append(current).append("\r\n");
	}

}
