package org.ringfence.shifts.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Designs shifts for a Minimum Shift Design instance: which shift types (start, length) to use and
 * how many workers start each on each day, minimising weighted shortage, excess and shifts used.
 * <p>
 * Method: every (start, length) the templates admit on the slot grid is a candidate; a greedy start
 * (add the worker that lowers the cost most, until none does) is improved by simulated annealing
 * with restarts from the best solution. Moves: one worker more or less on a day; one worker moved
 * to a neighbouring shift type (start or length one slot off, or same end); all of a shift type's
 * workers moved to a neighbour or merged into another used type. Each move is evaluated
 * incrementally over the slots it touches. It stops at the time limit, at a target cost, or when the
 * best equals the lower bound (then it is proven optimal).
 * <p>
 * Lower bound: where demand rises at a time of day, some shift must start then or the slot pair
 * around the rise is under- or over-covered by at least the rise; likewise for falls and shift ends.
 * A solution with k shift types has at most k start times and k end times, so the bound is the
 * minimum over k of {@code wShifts * k} plus the cheapest unmatched rises (halved, as one slot can
 * sit in two pairs).
 * <p>
 * Police extras ({@link Options}): a per-slot multiplier on the under-cover weight (evenings,
 * weekends) and a per-slot hard minimum on duty (16/7), both optional.
 */
public final class ShiftDesigner {

	/** The penalty per missing worker-slot under a hard minimum: above any soft cost change. */
	private static final double HARD = 1e9;

	/**
	 * @param millis time limit
	 * @param seed random seed (runs are repeatable for a seed, up to the time limit)
	 * @param target stop as soon as the exact cost is at or below this (null: run to the limit or the bound)
	 * @param underWeightFactor per-slot multiplier of the under-cover weight (null: 1 everywhere)
	 * @param minimumOnDuty per-slot hard minimum of workers on duty (null: none)
	 */
	public record Options(long millis, long seed, BigDecimal target, double[] underWeightFactor,
			int[] minimumOnDuty) {

		public static Options of(long millis) {
			return new Options(millis, 42L, null, null, null);
		}

		public Options withTarget(BigDecimal target) {
			return new Options(this.millis, this.seed, target, this.underWeightFactor, this.minimumOnDuty);
		}

		public Options withSeed(long seed) {
			return new Options(this.millis, seed, this.target, this.underWeightFactor, this.minimumOnDuty);
		}

	}

	/**
	 * @param shifts the shifts used (workers on at least one day), by start then length
	 * @param evaluation the exact format cost of {@code shifts} (no extras)
	 * @param objective the designer's own objective (equals the cost unless extras are set)
	 * @param lowerBound a lower bound on the objective
	 * @param provenOptimal whether the objective equals the lower bound
	 * @param minimumMet whether every slot has its hard minimum (true when none is set)
	 * @param moves moves evaluated
	 * @param millis time spent
	 * @param millisToBest time when the best was found
	 */
	public record Result(List<MsdShift> shifts, MsdEvaluation evaluation, double objective, double lowerBound,
			boolean provenOptimal, boolean minimumMet, long moves, long millis, long millisToBest) {

		public Result {
			shifts = List.copyOf(shifts);
		}

		public double movesPerSecond() {
			return this.millis == 0 ? this.moves * 1000.0 : this.moves * 1000.0 / this.millis;
		}

	}

	private final MsdInstance instance;

	private final Options options;

	private final int days;

	private final int slotsPerDay;

	private final int slots;

	private final boolean cyclic;

	private final int[] req;

	private final double[] under;

	private final double[] over;

	private final int[] min;

	private final double shiftCost;

	// candidate shift types
	private final int[] typeStart;

	private final int[] typeLength;

	private final boolean[][] typeAvailable;

	private final int[][] neighbours;

	private final int maxLength;

	private final int[] typeIndex;

	private final int types;

	// state
	private final int[] x;

	private final int[] cov;

	private final int[] usedDays;

	private int usedTypes;

	private final int[] usedList;

	private final int[] usedPos;

	private double cost;

	private final SplittableRandom random;

	static int LNS_RARITY = Integer.getInteger("ringfence.shifts.lns", 0);

	static long RUN_LENGTH = Long.getLong("ringfence.shifts.runlength", 200_000);

	static double T0 = Double.parseDouble(System.getProperty("ringfence.shifts.t0", "2.0"));

	private ShiftDesigner(MsdInstance instance, Options options) {
		this.instance = instance;
		this.options = options;
		this.days = instance.days();
		this.slotsPerDay = instance.slotsPerDay();
		this.slots = instance.slots();
		this.cyclic = instance.cyclic();
		this.req = instance.requirements();
		int interval = instance.minuteInterval();
		this.under = new double[this.slots];
		this.over = new double[this.slots];
		double wu = instance.weights().underCover().doubleValue() * interval;
		double wo = instance.weights().overCover().doubleValue() * interval;
		for (int t = 0; t < this.slots; t++) {
			this.under[t] = wu * (options.underWeightFactor() == null ? 1.0 : options.underWeightFactor()[t]);
			this.over[t] = wo;
		}
		this.min = options.minimumOnDuty() == null ? new int[this.slots] : options.minimumOnDuty().clone();
		if (this.min.length != this.slots || (options.underWeightFactor() != null
				&& options.underWeightFactor().length != this.slots)) {
			throw new IllegalArgumentException("per-slot options need one value per slot (" + this.slots + ")");
		}
		this.shiftCost = instance.weights().shifts().doubleValue();
		Map<Long, boolean[]> candidates = new LinkedHashMap<>();
		for (ShiftTemplate template : instance.templates()) {
			for (int start = MsdParser.firstGridPoint(template.earliestStart(), interval); start <= template
				.latestStart(); start += interval) {
				int startSlot = Math.floorMod(start, 1440) / interval;
				for (int length = MsdParser.firstGridPoint(template.shortest(), interval); length <= template
					.longest(); length += interval) {
					int lengthSlots = Math.min(length / interval, this.slots);
					boolean[] available = candidates.computeIfAbsent(((long) startSlot << 32) | lengthSlots,
							k -> new boolean[this.days]);
					for (int d = 0; d < this.days; d++) {
						available[d] |= template.availableOn(d);
					}
				}
			}
		}
		this.types = candidates.size();
		this.typeStart = new int[this.types];
		this.typeLength = new int[this.types];
		this.typeAvailable = new boolean[this.types][];
		int i = 0;
		for (Map.Entry<Long, boolean[]> e : candidates.entrySet()) {
			this.typeStart[i] = (int) (e.getKey() >>> 32);
			this.typeLength[i] = (int) (e.getKey() & 0xffffffffL);
			this.typeAvailable[i] = e.getValue();
			i++;
		}
		this.maxLength = Arrays.stream(this.typeLength).max().orElse(0);
		this.typeIndex = new int[this.slotsPerDay * (this.maxLength + 1)];
		Arrays.fill(this.typeIndex, -1);
		for (int a = 0; a < this.types; a++) {
			this.typeIndex[this.typeStart[a] * (this.maxLength + 1) + this.typeLength[a]] = a;
		}
		this.neighbours = new int[this.types][];
		for (int a = 0; a < this.types; a++) {
			List<Integer> near = new ArrayList<>();
			for (int b = 0; b < this.types; b++) {
				if (a == b) {
					continue;
				}
				int ds = circularDiff(this.typeStart[b], this.typeStart[a]);
				int dl = this.typeLength[b] - this.typeLength[a];
				if ((Math.abs(ds) == 1 && dl == 0) || (ds == 0 && Math.abs(dl) == 1) || (Math.abs(ds) == 1 && dl == -ds)) {
					near.add(b);
				}
			}
			this.neighbours[a] = near.stream().mapToInt(Integer::intValue).toArray();
		}
		this.x = new int[this.types * this.days];
		this.cov = new int[this.slots];
		this.usedDays = new int[this.types];
		this.usedList = new int[this.types];
		this.usedPos = new int[this.types];
		this.random = new SplittableRandom(options.seed());
		this.cost = 0;
		for (int t = 0; t < this.slots; t++) {
			this.cost += slotCost(t, 0);
		}
	}

	private int typeIndex(int startSlot, int lengthSlots) {
		if (lengthSlots <= 0 || lengthSlots > this.maxLength) {
			return -1;
		}
		return this.typeIndex[startSlot * (this.maxLength + 1) + lengthSlots];
	}

	private int circularDiff(int a, int b) {
		int d = Math.floorMod(a - b, this.slotsPerDay);
		return d > this.slotsPerDay / 2 ? d - this.slotsPerDay : d;
	}

	public static Result design(MsdInstance instance, Options options) {
		return new ShiftDesigner(instance, options).run();
	}

	/** Number of candidate shift types (start, length) the templates admit. */
	public static int candidateTypes(MsdInstance instance) {
		return new ShiftDesigner(instance, Options.of(0)).types;
	}

	private double slotCost(int t, int c) {
		int r = this.req[t];
		double v = c < r ? this.under[t] * (r - c) : this.over[t] * (c - r);
		if (c < this.min[t]) {
			v += HARD * (this.min[t] - c);
		}
		return v;
	}

	/** Adds delta workers to type a on day d, updating coverage and cost. */
	private void add(int a, int d, int delta) {
		int idx = a * this.days + d;
		int before = this.x[idx];
		int after = before + delta;
		this.x[idx] = after;
		if (before == 0 && after > 0) {
			if (this.usedDays[a]++ == 0) {
				this.usedPos[a] = this.usedTypes;
				this.usedList[this.usedTypes] = a;
				this.usedTypes++;
				this.cost += this.shiftCost;
			}
		}
		else if (before > 0 && after == 0) {
			if (--this.usedDays[a] == 0) {
				this.usedTypes--;
				int last = this.usedList[this.usedTypes];
				this.usedList[this.usedPos[a]] = last;
				this.usedPos[last] = this.usedPos[a];
				this.cost -= this.shiftCost;
			}
		}
		int first = d * this.slotsPerDay + this.typeStart[a];
		int length = this.typeLength[a];
		for (int k = 0; k < length; k++) {
			int t = first + k;
			if (t >= this.slots) {
				if (!this.cyclic) {
					break;
				}
				t -= this.slots;
				if (t >= this.slots) {
					t %= this.slots;
				}
			}
			int c = this.cov[t];
			this.cost += slotCost(t, c + delta) - slotCost(t, c);
			this.cov[t] = c + delta;
		}
	}

	private Result run() {
		long started = System.nanoTime();
		long deadline = started + this.options.millis() * 1_000_000L;
		double lowerBound = lowerBound();
		double targetValue = this.options.target() == null ? Double.NEGATIVE_INFINITY
				: this.options.target().doubleValue() + 1e-6;
		greedy();
		int[] best = this.x.clone();
		double bestCost = this.cost;
		long bestAt = System.nanoTime();
		long moves = 0;
		if (this.types == 0) {
			return result(best, bestCost, lowerBound, moves, started, bestAt);
		}
		double unit = Math.max(1e-9, Math.max(this.shiftCost, average(this.over)));
		double t0 = T0 * unit;
		double tEnd = 0.01 * unit;
		long runLength = RUN_LENGTH;
		int run = 0;
		outer: while (bestCost > lowerBound + 1e-6 && bestCost > targetValue) {
			double temperature = t0 * (run == 0 ? 1 : 0.5);
			double cooling = Math.pow(tEnd / t0, 1.0 / runLength);
			for (long i = 0; i < runLength; i++) {
				if ((i & 1023) == 0 && System.nanoTime() > deadline) {
					break outer;
				}
				double before = this.cost;
				int move = move();
				moves++;
				if (move < 0) {
					continue;
				}
				double delta = this.cost - before;
				if (delta <= 0 || this.random.nextDouble() < Math.exp(-delta / temperature)) {
					this.undo.clear();
					if (this.cost < bestCost - 1e-9) {
						bestCost = this.cost;
						System.arraycopy(this.x, 0, best, 0, best.length);
						bestAt = System.nanoTime();
						if (bestCost <= lowerBound + 1e-6 || bestCost <= targetValue) {
							break outer;
						}
					}
				}
				else {
					undoAll();
				}
				temperature *= cooling;
			}
			run++;
			load(best);
		}
		return result(best, bestCost, lowerBound, moves, started, bestAt);
	}

	private static double average(double[] values) {
		return values.length == 0 ? 0 : Arrays.stream(values).average().orElse(0);
	}

	private void load(int[] solution) {
		for (int a = 0; a < this.types; a++) {
			for (int d = 0; d < this.days; d++) {
				int delta = solution[a * this.days + d] - this.x[a * this.days + d];
				if (delta != 0) {
					add(a, d, delta);
				}
			}
		}
	}

	// undo log: triples (type, day, delta)
	private final IntList undo = new IntList();

	private void apply(int a, int d, int delta) {
		add(a, d, delta);
		this.undo.add(a);
		this.undo.add(d);
		this.undo.add(delta);
	}

	private void undoAll() {
		for (int i = this.undo.size - 3; i >= 0; i -= 3) {
			add(this.undo.data[i], this.undo.data[i + 1], -this.undo.data[i + 2]);
		}
		this.undo.clear();
	}

	private int randomUsedType() {
		return this.usedTypes == 0 ? -1 : this.usedList[this.random.nextInt(this.usedTypes)];
	}

	private int randomWorkedDay(int a) {
		int k = this.random.nextInt(this.usedDays[a]);
		for (int d = 0; d < this.days; d++) {
			if (this.x[a * this.days + d] > 0 && k-- == 0) {
				return d;
			}
		}
		return -1;
	}

	/** Applies a random move (logged for undo); -1 when none could be made. */
	private int move() {
		this.undo.clear();
		int kind = this.random.nextInt(100);
		if (kind == 44 && (LNS_RARITY <= 0 || this.random.nextInt(LNS_RARITY) != 0)) {
			kind = 43;
		}
		if (kind < 40) {
			int a = this.random.nextInt(10) == 0 || this.usedTypes == 0 ? this.random.nextInt(this.types)
					: randomUsedType();
			int d = this.random.nextInt(this.days);
			if (!this.typeAvailable[a][d]) {
				return -1;
			}
			int delta = this.x[a * this.days + d] > 0 && this.random.nextBoolean() ? -1 : 1;
			apply(a, d, delta);
			return 0;
		}
		int a = randomUsedType();
		if (a < 0) {
			return -1;
		}
		if (kind == 44) {
			// ruin and recreate: drop a shift type, repair greedily with the types still used
			for (int d = 0; d < this.days; d++) {
				int n = this.x[a * this.days + d];
				if (n > 0) {
					apply(a, d, -n);
				}
			}
			repair();
			return 3;
		}
		if (kind < 65) {
			// one worker (or a whole day) to a neighbour type
			if (this.neighbours[a].length == 0) {
				return -1;
			}
			int b = this.neighbours[a][this.random.nextInt(this.neighbours[a].length)];
			int d = randomWorkedDay(a);
			if (!this.typeAvailable[b][d]) {
				return -1;
			}
			int n = kind < 57 ? 1 : this.x[a * this.days + d];
			apply(a, d, -n);
			apply(b, d, n);
			return 1;
		}
		if (kind < 90) {
			// end swap: two workers of one day exchange their end times; coverage is unchanged
			int d = randomWorkedDay(a);
			int c = randomUsedType();
			if (c == a || this.x[c * this.days + d] == 0 || this.typeStart[c] == this.typeStart[a]) {
				return -1;
			}
			int endA = this.typeStart[a] + this.typeLength[a];
			int endC = this.typeStart[c] + this.typeLength[c];
			int a2 = typeIndex(this.typeStart[a], endC - this.typeStart[a]);
			int c2 = typeIndex(this.typeStart[c], endA - this.typeStart[c]);
			if (a2 < 0 || c2 < 0 || !this.typeAvailable[a2][d] || !this.typeAvailable[c2][d]) {
				return -1;
			}
			int n = this.random.nextBoolean() ? 1 : Math.min(this.x[a * this.days + d], this.x[c * this.days + d]);
			apply(a, d, -n);
			apply(c, d, -n);
			apply(a2, d, n);
			apply(c2, d, n);
			return 4;
		}
		int b;
		if (kind < 95) {
			if (this.neighbours[a].length == 0) {
				return -1;
			}
			b = this.neighbours[a][this.random.nextInt(this.neighbours[a].length)];
		}
		else {
			b = randomUsedType();
			if (b == a) {
				return -1;
			}
		}
		for (int d = 0; d < this.days; d++) {
			int n = this.x[a * this.days + d];
			if (n > 0 && !this.typeAvailable[b][d]) {
				undoAll();
				return -1;
			}
			if (n > 0) {
				apply(a, d, -n);
				apply(b, d, n);
			}
		}
		return 2;
	}

	/** Adds or removes, one at a time, the worker of a used type that lowers the cost most, until none does. */
	private void repair() {
		for (int step = 0; step < 10_000; step++) {
			int bestA = -1;
			int bestD = -1;
			int bestDelta = 0;
			double bestGain = -1e-9;
			for (int a = 0; a < this.types; a++) {
				if (this.usedDays[a] == 0) {
					continue;
				}
				for (int d = 0; d < this.days; d++) {
					if (!this.typeAvailable[a][d]) {
						continue;
					}
					double up = addDelta(a, d);
					if (up < bestGain) {
						bestGain = up;
						bestA = a;
						bestD = d;
						bestDelta = 1;
					}
					if (this.x[a * this.days + d] > 0) {
						double down = removeDelta(a, d)
								- (this.x[a * this.days + d] == 1 && this.usedDays[a] == 1 ? this.shiftCost : 0);
						if (down < bestGain) {
							bestGain = down;
							bestA = a;
							bestD = d;
							bestDelta = -1;
						}
					}
				}
			}
			if (bestA < 0) {
				return;
			}
			apply(bestA, bestD, bestDelta);
		}
	}

	/** Coverage cost change of one worker fewer of type a on day d. */
	private double removeDelta(int a, int d) {
		double delta = 0;
		int first = d * this.slotsPerDay + this.typeStart[a];
		for (int k = 0; k < this.typeLength[a]; k++) {
			int t = first + k;
			if (t >= this.slots) {
				if (!this.cyclic) {
					break;
				}
				t %= this.slots;
			}
			delta += slotCost(t, this.cov[t] - 1) - slotCost(t, this.cov[t]);
		}
		return delta;
	}

	/** Adds the single worker that lowers the cost most, until none does. */
	private void greedy() {
		while (true) {
			int bestA = -1;
			int bestD = -1;
			double bestDelta = -1e-9;
			for (int a = 0; a < this.types; a++) {
				for (int d = 0; d < this.days; d++) {
					if (!this.typeAvailable[a][d]) {
						continue;
					}
					double delta = addDelta(a, d) + (this.usedDays[a] == 0 ? this.shiftCost : 0);
					if (delta < bestDelta) {
						bestDelta = delta;
						bestA = a;
						bestD = d;
					}
				}
			}
			if (bestA < 0) {
				return;
			}
			add(bestA, bestD, 1);
		}
	}

	/** Coverage cost change of one more worker of type a on day d. */
	private double addDelta(int a, int d) {
		double delta = 0;
		int first = d * this.slotsPerDay + this.typeStart[a];
		for (int k = 0; k < this.typeLength[a]; k++) {
			int t = first + k;
			if (t >= this.slots) {
				if (!this.cyclic) {
					break;
				}
				t %= this.slots;
			}
			delta += slotCost(t, this.cov[t] + 1) - slotCost(t, this.cov[t]);
		}
		return delta;
	}

	private double lowerBound() {
		if (this.types == 0) {
			return this.cost;
		}
		boolean[] startable = new boolean[this.slotsPerDay];
		boolean[] endable = new boolean[this.slotsPerDay];
		for (int a = 0; a < this.types; a++) {
			startable[this.typeStart[a]] = true;
			endable[(this.typeStart[a] + this.typeLength[a]) % this.slotsPerDay] = true;
		}
		double[] rise = new double[this.slotsPerDay];
		double[] fall = new double[this.slotsPerDay];
		for (int t = 0; t < this.slots; t++) {
			if (t == 0 && !this.cyclic) {
				continue;
			}
			int p = t == 0 ? this.slots - 1 : t - 1;
			int change = this.req[t] - this.req[p];
			double w = Math.min(Math.min(this.under[t], this.over[t]), Math.min(this.under[p], this.over[p]));
			if (change > 0) {
				rise[t % this.slotsPerDay] += w * change / 2.0;
			}
			else if (change < 0) {
				fall[t % this.slotsPerDay] += w * -change / 2.0;
			}
		}
		double best = Double.POSITIVE_INFINITY;
		double[] startBound = bound(rise, startable);
		double[] endBound = bound(fall, endable);
		for (int k = 0; k < startBound.length; k++) {
			best = Math.min(best, this.shiftCost * k + Math.max(startBound[k], endBound[k]));
		}
		return Math.max(0, best);
	}

	/** For k = 0..slotsPerDay shift types: the least deviation from events no start (or end) of k types can match. */
	private double[] bound(double[] event, boolean[] matchable) {
		double fixed = 0;
		List<Double> open = new ArrayList<>();
		for (int tau = 0; tau < event.length; tau++) {
			if (event[tau] > 0) {
				if (matchable[tau]) {
					open.add(event[tau]);
				}
				else {
					fixed += event[tau];
				}
			}
		}
		open.sort(null);
		double[] result = new double[this.slotsPerDay + 1];
		for (int k = 0; k <= this.slotsPerDay; k++) {
			double sum = fixed;
			for (int i = 0; i < open.size() - k; i++) {
				sum += open.get(i);
			}
			result[k] = sum;
		}
		return result;
	}

	private Result result(int[] best, double bestCost, double lowerBound, long moves, long started, long bestAt) {
		List<MsdShift> shifts = new ArrayList<>();
		int interval = this.instance.minuteInterval();
		boolean minimumMet = true;
		int[] coverage = new int[this.slots];
		for (int a = 0; a < this.types; a++) {
			int[] workers = Arrays.copyOfRange(best, a * this.days, (a + 1) * this.days);
			if (Arrays.stream(workers).anyMatch(w -> w > 0)) {
				shifts.add(new MsdShift(this.typeStart[a] * interval, this.typeLength[a] * interval, workers));
			}
		}
		shifts.sort((p, q) -> p.startMinute() != q.startMinute() ? Integer.compare(p.startMinute(), q.startMinute())
				: Integer.compare(p.lengthMinutes(), q.lengthMinutes()));
		MsdEvaluation evaluation = MsdEvaluator.evaluate(this.instance, shifts);
		int[] c = evaluation.coverage();
		for (int t = 0; t < this.slots; t++) {
			if (c[t] < this.min[t]) {
				minimumMet = false;
			}
		}
		long now = System.nanoTime();
		return new Result(shifts, evaluation, bestCost, lowerBound, Math.abs(bestCost - lowerBound) < 1e-6 && minimumMet,
				minimumMet, moves, (now - started) / 1_000_000L, (bestAt - started) / 1_000_000L);
	}

	private static final class IntList {

		int[] data = new int[64];

		int size;

		void add(int v) {
			if (this.size == this.data.length) {
				this.data = Arrays.copyOf(this.data, this.size * 2);
			}
			this.data[this.size++] = v;
		}

		void clear() {
			this.size = 0;
		}

	}

}
