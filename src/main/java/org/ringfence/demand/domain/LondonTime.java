package org.ringfence.demand.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * When a call was received, read from the forms CAD exports use, and where it falls in London's
 * calendar: its month and its hour of the week (0 = Monday 00:00-01:00, 167 = Sunday 23:00-24:00).
 *
 * <p>Accepted: {@code 2021-04-01T13:45:00Z}, {@code 2021-04-01T13:45:00+01:00} (any offset, with or
 * without seconds and fractions), {@code 2021-04-01 13:45[:ss]} and {@code 01/04/2021 13:45[:ss]}
 * (day first, as UK exports write it), the last two being London local time. A local time the
 * clocks skip (01:xx on the last Sunday of March) is read as the same moment an hour later in
 * summer time; a local time that happens twice (01:xx on the last Sunday of October) as the
 * first, summer time.
 */
public final class LondonTime {

	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final ZoneRules RULES = LONDON.getRules();

	/** Days from 1970-01-01 to 2000-01-01 (PostgreSQL's epoch). */
	private static final long PG_EPOCH_DAYS = 10_957;

	private LondonTime() {
	}

	/** A moment and where it falls in London's calendar. */
	public record Received(long epochSecond, LocalDate month, int hourOfWeek) {

		/** Microseconds since 2000-01-01T00:00Z, as PostgreSQL stores a timestamptz. */
		public long postgresMicros() {
			return (this.epochSecond - PG_EPOCH_DAYS * 86_400L) * 1_000_000L;
		}

		public Instant instant() {
			return Instant.ofEpochSecond(this.epochSecond);
		}

	}

	/** Parses the text, or returns null when it is not one of the accepted forms (or a year outside 2000-2099). */
	public static Received parse(String text) {
		String s = text.strip();
		int n = s.length();
		int year;
		int month;
		int day;
		int i;
		if (n >= 16 && s.charAt(4) == '-' && s.charAt(7) == '-') {
			year = digits(s, 0, 4);
			month = digits(s, 5, 2);
			day = digits(s, 8, 2);
			i = 10;
		}
		else if (n >= 16 && s.charAt(2) == '/' && s.charAt(5) == '/') {
			day = digits(s, 0, 2);
			month = digits(s, 3, 2);
			year = digits(s, 6, 4);
			i = 10;
		}
		else {
			return null;
		}
		if (year < 2000 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) {
			return null;
		}
		char sep = s.charAt(i);
		if (sep != 'T' && sep != ' ') {
			return null;
		}
		i++;
		if (i + 5 > n || s.charAt(i + 2) != ':') {
			return null;
		}
		int hour = digits(s, i, 2);
		int minute = digits(s, i + 3, 2);
		i += 5;
		int second = 0;
		if (i < n && s.charAt(i) == ':') {
			if (i + 3 > n) {
				return null;
			}
			second = digits(s, i + 1, 2);
			i += 3;
			if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
				i++;
				int start = i;
				while (i < n && Character.isDigit(s.charAt(i))) {
					i++;
				}
				if (i == start) {
					return null;
				}
			}
		}
		if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
			return null;
		}
		if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
			return null;
		}
		long localEpochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L
				+ second;
		long epochSecond;
		if (i == n) {
			LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
			ZoneOffset offset = RULES.getOffset(local);
			epochSecond = localEpochSecond - offset.getTotalSeconds();
		}
		else {
			int offsetSeconds = offset(s, i);
			if (offsetSeconds == Integer.MIN_VALUE) {
				return null;
			}
			epochSecond = localEpochSecond - offsetSeconds;
		}
		return of(epochSecond);
	}

	/** Where a moment falls in London's calendar. */
	public static Received of(long epochSecond) {
		ZoneOffset offset = RULES.getOffset(Instant.ofEpochSecond(epochSecond));
		long local = epochSecond + offset.getTotalSeconds();
		long epochDay = Math.floorDiv(local, 86_400L);
		int secondOfDay = (int) Math.floorMod(local, 86_400L);
		LocalDate date = LocalDate.ofEpochDay(epochDay);
		int hourOfWeek = hourOfWeek(date.getDayOfWeek(), secondOfDay / 3600);
		return new Received(epochSecond, date.withDayOfMonth(1), hourOfWeek);
	}

	/** 0 = Monday 00:00-01:00 ... 167 = Sunday 23:00-24:00. */
	public static int hourOfWeek(DayOfWeek day, int hour) {
		return (day.getValue() - 1) * 24 + hour;
	}

	/** Days since 2000-01-01, as PostgreSQL stores a date. */
	public static int postgresDays(LocalDate date) {
		return (int) (date.toEpochDay() - PG_EPOCH_DAYS);
	}

	/** Seconds east of UTC of "Z", "+01:00", "+0100" or "+01"; Integer.MIN_VALUE when not an offset. */
	private static int offset(String s, int i) {
		int n = s.length();
		char c = s.charAt(i);
		if (c == 'Z' || c == 'z') {
			return i + 1 == n ? 0 : Integer.MIN_VALUE;
		}
		if (c != '+' && c != '-') {
			return Integer.MIN_VALUE;
		}
		int sign = c == '-' ? -1 : 1;
		String rest = s.substring(i + 1);
		int hours;
		int minutes = 0;
		if (rest.length() == 2) {
			hours = digits(rest, 0, 2);
		}
		else if (rest.length() == 4) {
			hours = digits(rest, 0, 2);
			minutes = digits(rest, 2, 2);
		}
		else if (rest.length() == 5 && rest.charAt(2) == ':') {
			hours = digits(rest, 0, 2);
			minutes = digits(rest, 3, 2);
		}
		else {
			return Integer.MIN_VALUE;
		}
		if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
			return Integer.MIN_VALUE;
		}
		return sign * (hours * 3600 + minutes * 60);
	}

	/** The number written with exactly these digits, or -1. */
	private static int digits(String s, int from, int count) {
		if (from + count > s.length()) {
			return -1;
		}
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
