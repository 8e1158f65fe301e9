package org.ringfence.rostering.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An officer's roster as an iCalendar file (RFC 5545): VCALENDAR with one VEVENT a tour, each with
 * UID, DTSTAMP, DTSTART and DTEND in UTC; text escaped, content lines folded at 75 octets, CRLF
 * line endings.
 */
public final class RosterCalendar {

	static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private RosterCalendar() {
	}

	/** One tour. */
	public record Tour(String uid, Instant start, Instant end, String summary, String location) {
	}

	public static String write(String calendarName, List<Tour> tours, Instant stamp) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Ringfence//Rosters//EN");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-CALNAME:" + text(calendarName));
		for (Tour tour : tours) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + text(tour.uid()));
			line(out, "DTSTAMP:" + UTC.format(stamp));
			line(out, "DTSTART:" + UTC.format(tour.start()));
			line(out, "DTEND:" + UTC.format(tour.end()));
			line(out, "SUMMARY:" + text(tour.summary()));
			if (!tour.location().isEmpty()) {
				line(out, "LOCATION:" + text(tour.location()));
			}
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** TEXT escaping: backslash, semicolon, comma, newline. */
	static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
	}

	/** A content line folded so that no physical line exceeds 75 octets (continuations begin with a space). */
	static void line(StringBuilder out, String content) {
		int limit = 75;
		int octets = 0;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}

}
