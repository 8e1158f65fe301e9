package org.ringfence.shifts.domain;

/** Times of day as the format writes them ("6:0", "13:30") and as the API writes them ("06:00"). */
public final class MsdTimes {

	private MsdTimes() {
	}

	/** Minutes of the day of "H:M" (hours 0..23 or 24:0, minutes 0..59); -1 when it is not such a time. */
	public static int parse(String text) {
		String t = text.trim();
		int colon = t.indexOf(':');
		if (colon <= 0 || colon == t.length() - 1) {
			return -1;
		}
		try {
			int h = Integer.parseInt(t.substring(0, colon));
			int m = Integer.parseInt(t.substring(colon + 1));
			if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0) || t.startsWith("+")
					|| t.substring(colon + 1).startsWith("+")) {
				return -1;
			}
			return h * 60 + m;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** "H:M" as the format writes it (no padding). */
	public static String format(int minuteOfDay) {
		int m = Math.floorMod(minuteOfDay, 1440);
		return (m / 60) + ":" + (m % 60);
	}

	/** "HH:MM". */
	public static String clock(int minuteOfDay) {
		int m = Math.floorMod(minuteOfDay, 1440);
		return String.format("%02d:%02d", m / 60, m % 60);
	}

}
