package org.ringfence.shifts.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the Minimum Shift Design instance format (TU Wien DBAI): sections introduced by comment
 * headers ({@code #MinuteInterval:}, {@code #DaysPerCycle:}, {@code #FlagCyclical:},
 * {@code #Requirements:}, {@code #Number of shift templates}, {@code #Shift templates},
 * {@code #Duties per week}, {@code # Average number of hours per week}, the weights
 * {@code #UnderCover:}, {@code #Overcover:}, {@code #DutiesPerWeek:}, {@code #Shifts:}), then
 * optionally {@code #Fitness of assumed optimal Solution:} and a solution whose lines may be
 * commented ({@code # 1:  8:0    420       4  4  4  4  4  0  0}). Any other comment line is a
 * comment. Every problem is reported with its line number.
 */
public final class MsdParser {

	/** Largest instance accepted (slots), to keep a request's work bounded. */
	public static final int MAX_SLOTS = 31 * 1440;

	private enum Section {

		INTERVAL, DAYS, CYCLIC, REQUIREMENTS, TEMPLATE_COUNT, TEMPLATES, DUTY_LIMITS, AVERAGE_HOURS, UNDER, OVER,
		DUTY_WEIGHT, SHIFT_WEIGHT, FITNESS, SOLUTION

	}

	private record Line(int number, String text) {
	}

	private MsdParser() {
	}

	public static MsdInstance parse(String text) {
		Map<Section, List<Line>> data = new EnumMap<>(Section.class);
		Map<Section, Integer> headerLines = new EnumMap<>(Section.class);
		Section current = null;
		boolean weights = false;
		String[] lines = text.split("\\r\\n|\\r|\\n", -1);
		for (int i = 0; i < lines.length; i++) {
			int number = i + 1;
			String raw = lines[i].strip();
			if (raw.isEmpty()) {
				continue;
			}
			if (raw.startsWith("#")) {
				String content = raw.replaceFirst("^#+", "").strip();
				Section header = header(content, weights);
				if (content.toLowerCase(Locale.ROOT).startsWith("weights")) {
					weights = true;
					current = null;
					continue;
				}
				if (header != null) {
					if (headerLines.containsKey(header) && header != Section.SOLUTION) {
						throw new MsdFormatException(number, "section '" + content + "' appears twice");
					}
					headerLines.putIfAbsent(header, number);
					data.computeIfAbsent(header, k -> new ArrayList<>());
					current = header;
					continue;
				}
				if ((current == Section.FITNESS || current == Section.SOLUTION) && !content.isEmpty()
						&& Character.isDigit(content.charAt(0))) {
					data.get(current).add(new Line(number, content));
				}
				continue;
			}
			if (current == null) {
				throw new MsdFormatException(number, "data outside any section (expected a '#' header first): '"
						+ abbreviate(raw) + "'");
			}
			data.get(current).add(new Line(number, raw));
		}
		return build(data, headerLines, lines.length);
	}

	private static Section header(String content, boolean weights) {
		String lower = content.toLowerCase(Locale.ROOT);
		int colon = lower.indexOf(':');
		String key = (colon >= 0 ? lower.substring(0, colon) : lower).replaceAll("\\s+", "");
		return switch (key) {
			case "minuteinterval" -> Section.INTERVAL;
			case "dayspercycle" -> Section.DAYS;
			case "flagcyclical" -> Section.CYCLIC;
			case "requirements" -> Section.REQUIREMENTS;
			case "numberofshifttemplates" -> Section.TEMPLATE_COUNT;
			case "shifttemplates" -> Section.TEMPLATES;
			case "dutiesperweek" -> (lower.contains("limit") || !weights) ? Section.DUTY_LIMITS : Section.DUTY_WEIGHT;
			case "averagenumberofhoursperweek" -> Section.AVERAGE_HOURS;
			case "undercover" -> Section.UNDER;
			case "overcover" -> Section.OVER;
			case "shifts" -> Section.SHIFT_WEIGHT;
			case "fitnessofassumedoptimalsolution", "fitness", "fitnessofsolution" -> Section.FITNESS;
			case "optimalsolution", "solution", "shiftstartlengthduties" -> Section.SOLUTION;
			default -> null;
		};
	}

	private static MsdInstance build(Map<Section, List<Line>> data, Map<Section, Integer> headers, int lastLine) {
		int interval = intScalar(data, headers, Section.INTERVAL, "#MinuteInterval", 1, 1440, lastLine);
		int intervalLine = data.get(Section.INTERVAL).get(0).number();
		if (1440 % interval != 0) {
			throw new MsdFormatException(intervalLine,
					"the minute interval must divide a day (1440 minutes) exactly, " + interval + " does not");
		}
		int days = intScalar(data, headers, Section.DAYS, "#DaysPerCycle", 1, 31, lastLine);
		boolean cyclic = cyclic(data, headers, lastLine);
		int slotsPerDay = 1440 / interval;
		long slots = (long) days * slotsPerDay;
		if (slots > MAX_SLOTS) {
			throw new MsdFormatException(intervalLine, "too many slots (" + slots + "), at most " + MAX_SLOTS);
		}
		int[] requirements = requirements(data, headers, (int) slots, days, slotsPerDay, interval, lastLine);
		List<ShiftTemplate> templates = templates(data, headers, days, interval, lastLine);
		int dutiesLower = 0;
		int dutiesUpper = 0;
		if (data.containsKey(Section.DUTY_LIMITS)) {
			List<Token> tokens = tokens(data.get(Section.DUTY_LIMITS));
			if (tokens.size() != 2) {
				throw new MsdFormatException(lineOf(tokens, headers.get(Section.DUTY_LIMITS)),
						"duties per week needs two numbers (lower limit, upper limit), found " + tokens.size());
			}
			dutiesLower = nonNegativeInt(tokens.get(0), "duties per week lower limit");
			dutiesUpper = nonNegativeInt(tokens.get(1), "duties per week upper limit");
			if (dutiesLower > dutiesUpper) {
				throw new MsdFormatException(tokens.get(1).line(),
						"duties per week: the lower limit " + dutiesLower + " is above the upper limit " + dutiesUpper);
			}
		}
		BigDecimal averageHours = data.containsKey(Section.AVERAGE_HOURS)
				? decimalScalar(data, headers, Section.AVERAGE_HOURS, "# Average number of hours per week", lastLine)
				: null;
		MsdWeights weights = new MsdWeights(decimalScalar(data, headers, Section.UNDER, "#UnderCover", lastLine),
				decimalScalar(data, headers, Section.OVER, "#Overcover", lastLine),
				data.containsKey(Section.DUTY_WEIGHT)
						? decimalScalar(data, headers, Section.DUTY_WEIGHT, "#DutiesPerWeek", lastLine) : BigDecimal.ZERO,
				decimalScalar(data, headers, Section.SHIFT_WEIGHT, "#Shifts", lastLine));
		BigDecimal fitness = null;
		if (data.containsKey(Section.FITNESS) && !data.get(Section.FITNESS).isEmpty()) {
			fitness = decimalScalar(data, headers, Section.FITNESS, "#Fitness", lastLine);
		}
		List<MsdShift> solution = null;
		if (data.containsKey(Section.SOLUTION) && !data.get(Section.SOLUTION).isEmpty()) {
			solution = solution(data.get(Section.SOLUTION), days, interval);
		}
		return new MsdInstance(interval, days, cyclic, requirements, templates, dutiesLower, dutiesUpper,
				averageHours, weights, fitness, solution);
	}

	/** Reads solution lines ("1:  8:0  420  4 4 4 4 4 0 0", the leading number optional), one shift per line. */
	public static List<MsdShift> solution(String text, int days, int interval) {
		List<Line> lines = new ArrayList<>();
		String[] raw = text.split("\\r\\n|\\r|\\n", -1);
		for (int i = 0; i < raw.length; i++) {
			String t = raw[i].strip().replaceFirst("^#+", "").strip();
			if (!t.isEmpty() && Character.isDigit(t.charAt(0)) && t.split("\\s+").length > 1) {
				lines.add(new Line(i + 1, t));
			}
		}
		return solution(lines, days, interval);
	}

	private static List<MsdShift> solution(List<Line> lines, int days, int interval) {
		List<MsdShift> shifts = new ArrayList<>();
		for (Line line : lines) {
			List<String> parts = new ArrayList<>(List.of(line.text().trim().split("\\s+")));
			if (parts.get(0).endsWith(":") && !parts.get(0).substring(0, parts.get(0).length() - 1).contains(":")) {
				parts.remove(0);
			}
			if (parts.size() != 2 + days) {
				throw new MsdFormatException(line.number(), "a solution line needs start, length and " + days
						+ " workers-per-day numbers, found " + parts.size() + " values");
			}
			int start = MsdTimes.parse(parts.get(0));
			if (start < 0) {
				throw new MsdFormatException(line.number(), "bad start time '" + parts.get(0) + "' (expected H:M)");
			}
			int length = intValue(parts.get(1), line.number(), "shift length");
			if (length <= 0) {
				throw new MsdFormatException(line.number(), "a shift length must be positive, not " + length);
			}
			int[] workers = new int[days];
			for (int d = 0; d < days; d++) {
				workers[d] = intValue(parts.get(2 + d), line.number(), "workers on day " + (d + 1));
				if (workers[d] < 0) {
					throw new MsdFormatException(line.number(),
							"workers on day " + (d + 1) + " cannot be negative (" + workers[d] + ")");
				}
			}
			shifts.add(new MsdShift(start % 1440, length, workers));
		}
		return shifts;
	}

	private static boolean cyclic(Map<Section, List<Line>> data, Map<Section, Integer> headers, int lastLine) {
		Token t = single(data, headers, Section.CYCLIC, "#FlagCyclical", lastLine);
		return switch (t.text().toLowerCase(Locale.ROOT)) {
			case "yes", "y", "true", "1" -> true;
			case "no", "n", "false", "0" -> false;
			default -> throw new MsdFormatException(t.line(), "FlagCyclical must be yes or no, not '" + t.text() + "'");
		};
	}

	private static int[] requirements(Map<Section, List<Line>> data, Map<Section, Integer> headers, int slots,
			int days, int slotsPerDay, int interval, int lastLine) {
		if (!data.containsKey(Section.REQUIREMENTS)) {
			throw new MsdFormatException(lastLine, "missing section #Requirements");
		}
		List<Token> tokens = tokens(data.get(Section.REQUIREMENTS));
		if (tokens.size() != slots) {
			throw new MsdFormatException(lineOf(tokens, headers.get(Section.REQUIREMENTS)),
					"expected " + slots + " requirement values (" + days + " days x " + slotsPerDay + " slots of "
							+ interval + " minutes), found " + tokens.size());
		}
		int[] requirements = new int[slots];
		for (int i = 0; i < slots; i++) {
			requirements[i] = nonNegativeInt(tokens.get(i), "requirement " + (i + 1));
		}
		return requirements;
	}

	private static List<ShiftTemplate> templates(Map<Section, List<Line>> data, Map<Section, Integer> headers,
			int days, int interval, int lastLine) {
		int expected = intScalar(data, headers, Section.TEMPLATE_COUNT, "#Number of shift templates", 1, 1000,
				lastLine);
		if (!data.containsKey(Section.TEMPLATES)) {
			throw new MsdFormatException(lastLine, "missing section #Shift templates");
		}
		List<Line> lines = data.get(Section.TEMPLATES);
		if (lines.size() != expected) {
			throw new MsdFormatException(
					lines.isEmpty() ? headers.get(Section.TEMPLATES) : lines.get(lines.size() - 1).number(),
					"#Number of shift templates says " + expected + ", found " + lines.size() + " template lines");
		}
		List<ShiftTemplate> templates = new ArrayList<>();
		for (Line line : lines) {
			String[] parts = line.text().split("\\s+");
			if (parts.length < 8) {
				throw new MsdFormatException(line.number(),
						"a shift template needs: abbreviation, name, start, +minutes, -minutes, length, +minutes, "
								+ "-minutes, available days; found " + parts.length + " values");
			}
			int n = parts.length;
			String abbreviation = parts[0];
			String name = n > 8 ? String.join(" ", List.of(parts).subList(1, n - 7)) : abbreviation;
			int start = MsdTimes.parse(parts[n - 7]);
			if (start < 0) {
				throw new MsdFormatException(line.number(),
						"template " + abbreviation + ": bad start time '" + parts[n - 7] + "' (expected H:M)");
			}
			int startPlus = nonNegative(parts[n - 6], line.number(), "template " + abbreviation + " start +minutes");
			int startMinus = nonNegative(parts[n - 5], line.number(), "template " + abbreviation + " start -minutes");
			int length = nonNegative(parts[n - 4], line.number(), "template " + abbreviation + " length");
			int lengthPlus = nonNegative(parts[n - 3], line.number(), "template " + abbreviation + " length +minutes");
			int lengthMinus = nonNegative(parts[n - 2], line.number(),
					"template " + abbreviation + " length -minutes");
			if (length - lengthMinus <= 0) {
				throw new MsdFormatException(line.number(), "template " + abbreviation
						+ ": the shortest length (" + (length - lengthMinus) + " minutes) must be positive");
			}
			if (startPlus + startMinus >= 1440) {
				throw new MsdFormatException(line.number(),
						"template " + abbreviation + ": the start window spans a whole day or more");
			}
			boolean[] available = availableDays(parts[n - 1], days, line.number(), abbreviation);
			ShiftTemplate template = new ShiftTemplate(abbreviation, name, start, startPlus, startMinus, length,
					lengthPlus, lengthMinus, available);
			if (firstGridPoint(template.earliestStart(), interval) > template.latestStart()
					|| firstGridPoint(template.shortest(), interval) > template.longest()) {
				throw new MsdFormatException(line.number(), "template " + abbreviation + " admits no start or length on the "
						+ interval + "-minute grid");
			}
			templates.add(template);
		}
		return templates;
	}

	static int firstGridPoint(int minute, int interval) {
		return Math.floorDiv(minute + interval - 1, interval) * interval;
	}

	private static boolean[] availableDays(String text, int days, int line, String abbreviation) {
		boolean[] available = new boolean[days];
		if (text.equals("*")) {
			java.util.Arrays.fill(available, true);
			return available;
		}
		if (text.matches("[01]+") && text.length() == days) {
			for (int d = 0; d < days; d++) {
				available[d] = text.charAt(d) == '1';
			}
			return available;
		}
		if (text.matches("\\d+(,\\d+)*")) {
			for (String day : text.split(",")) {
				int d = Integer.parseInt(day);
				if (d < 1 || d > days) {
					throw new MsdFormatException(line,
							"template " + abbreviation + ": available day " + d + " is outside 1.." + days);
				}
				available[d - 1] = true;
			}
			return available;
		}
		throw new MsdFormatException(line, "template " + abbreviation + ": available days must be '*', a " + days
				+ "-character 0/1 mask or day numbers 1.." + days + " separated by commas, not '" + text + "'");
	}

	private record Token(int line, String text) {
	}

	private static List<Token> tokens(List<Line> lines) {
		List<Token> tokens = new ArrayList<>();
		for (Line line : lines) {
			for (String part : line.text().split("[\\s,;]+")) {
				if (!part.isEmpty()) {
					tokens.add(new Token(line.number(), part));
				}
			}
		}
		return tokens;
	}

	private static int lineOf(List<Token> tokens, int header) {
		return tokens.isEmpty() ? header : tokens.get(tokens.size() - 1).line();
	}

	private static Token single(Map<Section, List<Line>> data, Map<Section, Integer> headers, Section section,
			String name, int lastLine) {
		if (!data.containsKey(section)) {
			throw new MsdFormatException(lastLine, "missing section " + name);
		}
		List<Token> tokens = tokens(data.get(section));
		if (tokens.size() != 1) {
			throw new MsdFormatException(lineOf(tokens, headers.get(section)),
					name + " needs exactly one value, found " + tokens.size());
		}
		return tokens.get(0);
	}

	private static int intScalar(Map<Section, List<Line>> data, Map<Section, Integer> headers, Section section,
			String name, int min, int max, int lastLine) {
		Token t = single(data, headers, section, name, lastLine);
		int value = intValue(t.text(), t.line(), name);
		if (value < min || value > max) {
			throw new MsdFormatException(t.line(), name + " must be between " + min + " and " + max + ", not " + value);
		}
		return value;
	}

	private static BigDecimal decimalScalar(Map<Section, List<Line>> data, Map<Section, Integer> headers,
			Section section, String name, int lastLine) {
		Token t = single(data, headers, section, name, lastLine);
		BigDecimal value;
		try {
			value = new BigDecimal(t.text());
		}
		catch (NumberFormatException ex) {
			throw new MsdFormatException(t.line(), name + " must be a number, not '" + abbreviate(t.text()) + "'");
		}
		if (value.signum() < 0) {
			throw new MsdFormatException(t.line(), name + " cannot be negative (" + t.text() + ")");
		}
		return value;
	}

	private static int nonNegativeInt(Token t, String what) {
		int value = intValue(t.text(), t.line(), what);
		if (value < 0) {
			throw new MsdFormatException(t.line(), what + " cannot be negative (" + value + ")");
		}
		return value;
	}

	private static int nonNegative(String text, int line, String what) {
		int value = intValue(text, line, what);
		if (value < 0) {
			throw new MsdFormatException(line, what + " cannot be negative (" + value + ")");
		}
		return value;
	}

	private static int intValue(String text, int line, String what) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw new MsdFormatException(line, what + " must be a whole number, not '" + abbreviate(text) + "'");
		}
	}

	private static String abbreviate(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "...";
	}

}
