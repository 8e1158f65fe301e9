package org.ringfence.demand.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Synthetic CAD calls for the demo: for each ward and month a number of calls drawn around an
 * expected count (the caller makes it follow the ward's real recorded crime), each received at an
 * hour drawn from a real hour-of-week shape (the Met's stop and search timestamps), with
 * anti-social behaviour calls drawn from the same shape tilted towards evenings and weekends.
 * Categories, grades and time on scene are drawn from fixed shares. The same seed gives the same
 * calls.
 */
public final class SyntheticCalls {

	/** The reference prefix of synthetic calls. */
	public static final String PREFIX = "SYN";

	/** Share of calls that are anti-social behaviour. */
	public static final double ASB_SHARE = 0.2;

	/** Non-ASB categories and their shares. */
	static final String[] CATEGORIES = { "Violence", "Theft", "Suspicious circumstances", "Domestic incident",
			"Concern for welfare", "Road traffic", "Burglary", "Public order", "Criminal damage", "Other" };

	static final double[] CATEGORY_SHARES = { 0.16, 0.14, 0.10, 0.10, 0.10, 0.09, 0.06, 0.06, 0.05, 0.14 };

	static final String[] ASB_CATEGORIES = { "ASB - nuisance", "ASB - personal", "ASB - environmental" };

	static final double[] ASB_SHARES = { 0.7, 0.2, 0.1 };

	static final String[] GRADES = { "I", "S", "E", "R" };

	static final double[] GRADE_SHARES = { 0.25, 0.40, 0.25, 0.10 };

	static final double[] ASB_GRADE_SHARES = { 0.10, 0.40, 0.40, 0.10 };

	/** Every category a synthetic call may have. */
	public static List<String> categories() {
		List<String> all = new java.util.ArrayList<>(List.of(CATEGORIES));
		all.addAll(List.of(ASB_CATEGORIES));
		return List.copyOf(all);
	}

	private static final ZoneRules RULES = LondonTime.LONDON.getRules();

	/** What a ward should get in a month. */
	public record WardMonth(String wardCode, YearMonth month, double expectedCalls) {
	}

	/** One synthetic call. timeOnScene is -1 for a call referred elsewhere (grade R). */
	public record Call(String reference, String wardCode, long epochSecond, LocalDate month, int hourOfWeek,
			String category, boolean asb, String grade, int timeOnScene) {
	}

	private final double[] shape;

	private final double[] asbShape;

	private final long seed;

	private final Map<YearMonth, double[][]> cumulative = new HashMap<>();

	/**
	 * @param shape relative activity in each hour of the week (168 values, Monday 00:00 first)
	 * @param seed the seed of the draws
	 */
	public SyntheticCalls(double[] shape, long seed) {
		if (shape.length != 168) {
			throw new IllegalArgumentException("a shape has 168 hours");
		}
		this.shape = shape.clone();
		this.asbShape = asbShape(shape);
		this.seed = seed;
	}

	/**
	 * The shape of ASB calls: the activity shape tilted towards evenings (16:00-24:00, twice as
	 * many), the small hours after Friday and Saturday nights, and weekend afternoons, and away from
	 * the early morning.
	 */
	public static double[] asbShape(double[] shape) {
		double[] asb = new double[168];
		for (int how = 0; how < 168; how++) {
			int day = how / 24 + 1;
			int hour = how % 24;
			double tilt = 1.0;
			if (hour >= 16) {
				tilt = 2.2;
			}
			else if (hour < 3 && (day == 6 || day == 7)) {
				tilt = 2.0;
			}
			else if (hour >= 3 && hour < 8) {
				tilt = 0.4;
			}
			else if (hour >= 10 && (day == 6 || day == 7)) {
				tilt = 1.6;
			}
			if ((day == 5 || day == 6) && hour >= 16) {
				tilt *= 1.3;
			}
			asb[how] = shape[how] * tilt;
		}
		return asb;
	}

	public double[] shape() {
		return this.shape.clone();
	}

	public double[] asbShapeValues() {
		return this.asbShape.clone();
	}

	/** The calls of the ward-months, in their order, numbered from 1. */
	public Iterator<Call> calls(List<WardMonth> wardMonths) {
		return new Iterator<>() {

			private final SplittableRandom random = new SplittableRandom(SyntheticCalls.this.seed);

			private int next;

			private long number;

			private WardMonth current;

			private int left;

			@Override
			public boolean hasNext() {
				while (this.left == 0) {
					if (this.next >= wardMonths.size()) {
						return false;
					}
					this.current = wardMonths.get(this.next++);
					this.left = poisson(this.random, this.current.expectedCalls());
				}
				return true;
			}

			@Override
			public Call next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				this.left--;
				this.number++;
				return call(this.random, this.current, this.number);
			}

		};
	}

	private Call call(SplittableRandom random, WardMonth wardMonth, long number) {
		boolean asb = random.nextDouble() < ASB_SHARE;
		double[][] slots = this.cumulative.computeIfAbsent(wardMonth.month(), this::slots);
		double[] cumulative = slots[asb ? 1 : 0];
		int slot = search(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
		LocalDateTime local = wardMonth.month().atDay(1).atStartOfDay().plusHours(slot)
			.plusMinutes(random.nextInt(60))
			.plusSeconds(random.nextInt(60));
		ZoneOffset offset = RULES.getOffset(local);
		long epochSecond = local.toEpochSecond(offset);
		LondonTime.Received received = LondonTime.of(epochSecond);
		String category = asb ? pick(random, ASB_CATEGORIES, ASB_SHARES) : pick(random, CATEGORIES, CATEGORY_SHARES);
		String grade = pick(random, GRADES, asb ? ASB_GRADE_SHARES : GRADE_SHARES);
		int timeOnScene = grade.equals("R") ? -1
				: (int) Math.min(600, Math.round(-Math.log(1 - random.nextDouble()) * (grade.equals("E") ? 30 : 45)));
		return new Call(reference(number), wardMonth.wardCode(), epochSecond, received.month(),
				received.hourOfWeek(), category, asb, grade, timeOnScene);
	}

	/** SYN000000001: the prefix and the number in nine digits. */
	static String reference(long number) {
		String digits = Long.toString(number);
		return PREFIX + "000000000".substring(Math.min(9, digits.length())) + digits;
	}

	/** Cumulative weights of each hour of the month (local time; an hour the clocks skip weighs nothing). */
	private double[][] slots(YearMonth month) {
		int hours = month.lengthOfMonth() * 24;
		double[][] cumulative = new double[2][hours];
		double total = 0;
		double totalAsb = 0;
		for (int h = 0; h < hours; h++) {
			LocalDateTime local = month.atDay(1).atStartOfDay().plusHours(h);
			boolean exists = !RULES.getValidOffsets(local).isEmpty();
			int how = LondonTime.hourOfWeek(local.getDayOfWeek(), local.getHour());
			total += exists ? this.shape[how] : 0;
			totalAsb += exists ? this.asbShape[how] : 0;
			cumulative[0][h] = total;
			cumulative[1][h] = totalAsb;
		}
		return cumulative;
	}

	private static int search(double[] cumulative, double value) {
		int lo = 0;
		int hi = cumulative.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (cumulative[mid] > value) {
				hi = mid;
			}
			else {
				lo = mid + 1;
			}
		}
		return lo;
	}

	private static String pick(SplittableRandom random, String[] values, double[] shares) {
		double r = random.nextDouble();
		for (int i = 0; i < values.length - 1; i++) {
			r -= shares[i];
			if (r < 0) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

	/** A Poisson draw (normal approximation above 50). */
	static int poisson(SplittableRandom random, double mean) {
		if (mean <= 0) {
			return 0;
		}
		if (mean > 50) {
			double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
			return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian));
		}
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= random.nextDouble();
			count++;
		}
		return count;
	}

}
