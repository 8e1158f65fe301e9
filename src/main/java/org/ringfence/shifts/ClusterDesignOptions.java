package org.ringfence.shifts;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ringfence.demand.HourOfWeek;
import org.ringfence.demand.HourOfWeekDemand;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.Metrics;
import org.ringfence.shifts.domain.DesignOptions;
import org.ringfence.shifts.domain.MsdShift;
import org.ringfence.shifts.domain.OfficersNeeded;
import org.ringfence.shifts.domain.OptionFigures;

import org.springframework.stereotype.Service;

/**
 * A cluster's demand turned into officers needed per hour of the week, and its shift design options
 * (8-hour and 10-hour tours, with and without a late evening tour) designed against that need. The
 * demand is the cluster's wards' hour-of-week profile (demand module) over the twelve months up to
 * the last month holding records; the conversion is {@link OfficersNeeded}.
 */
@Service
public class ClusterDesignOptions {

	/**
	 * Officers the busiest hour needs when no rate is given: the default rate is the busiest hour's
	 * demand divided by this.
	 */
	public static final int DEFAULT_PEAK_OFFICERS = 4;

	/** Default officers needed in every hour whatever the demand. */
	public static final int DEFAULT_MINIMUM = 0;

	/** Options designed at once (the machines have two cores). */
	private static final int PARALLEL = 2;

	private final HourOfWeekDemand demand;

	private final GeographyService geography;

	private final Metrics metrics;

	ClusterDesignOptions(HourOfWeekDemand demand, GeographyService geography, Metrics metrics) {
		this.demand = demand;
		this.geography = geography;
		this.metrics = metrics;
	}

	/**
	 * A cluster's need: its demand in an average week of the period, per hour of the week (Monday 00:00
	 * first), and the officers needed per hour by the rule stated in {@code rule}.
	 */
	public record Need(ClusterSummary cluster, LocalDate from, LocalDate to, double[] demandPerWeek, int[] officers,
			double demandPerOfficerHour, int minimum, String rule) {

		public Need {
			demandPerWeek = demandPerWeek.clone();
			officers = officers.clone();
		}

		@Override
		public double[] demandPerWeek() {
			return this.demandPerWeek.clone();
		}

		@Override
		public int[] officers() {
			return this.officers.clone();
		}

	}

	/**
	 * The need of a cluster: with the given rate (demand one officer handles in an hour, above 0), or
	 * when none is given the rate at which the busiest hour needs {@code peakOfficers}; minimum 0 or more.
	 */
	public Need need(String clusterId, Optional<Double> demandPerOfficerHour, int peakOfficers, int minimum) {
		ClusterSummary cluster = this.geography.cluster(clusterId);
		HourOfWeek profile = this.demand.hourOfWeek(cluster.wardCodes());
		double[] perWeek = profile.perWeek();
		OfficersNeeded conversion;
		String rule;
		try {
			double rate = demandPerOfficerHour.isPresent() ? demandPerOfficerHour.get()
					: OfficersNeeded.rateForPeak(perWeek, peakOfficers);
			conversion = new OfficersNeeded(rate, minimum);
			rule = conversion.describe() + (demandPerOfficerHour.isPresent() ? ""
					: " (the rate by default: the busiest hour's demand / " + peakOfficers
							+ ", so that the busiest hour needs " + peakOfficers + " officers)");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("The conversion is not valid: " + ex.getMessage() + ".",
					List.of(new InvalidInput.FieldError("perOfficer/peak/minimum", ex.getMessage())));
		}
		return new Need(cluster, profile.from(), profile.to(), perWeek, conversion.perHour(perWeek),
				conversion.demandPerOfficerHour(), minimum, rule);
	}

	/** How the options are designed: see {@link DesignOptions.Settings}; a null 16/7 window is not applied. */
	public record Settings(double eveningWeekendWeight, Integer sixteenSevenFrom, Integer sixteenSevenTo,
			int sixteenSevenMinimum, long millisPerOption) {
	}

	/** One shift of an option: start, length, how many constables start it each day (Monday first). */
	public record OptionShift(LocalTime start, LocalTime end, int lengthMinutes, int[] workersPerDay) {

		public int toursPerWeek() {
			return java.util.Arrays.stream(this.workersPerDay).sum();
		}

		/** "HH:MM/minutes/Mon,...,Sun": how the save form carries the shift. */
		public String formValue() {
			return this.start + "/" + this.lengthMinutes + "/"
					+ String.join(",", java.util.Arrays.stream(this.workersPerDay).mapToObj(Integer::toString).toList());
		}

	}

	/**
	 * A designed option: its key and name, what it allows, its shifts, officers on duty per hour of the
	 * week, its figures against the need, and whether the designer met the hard 16/7 minimum.
	 */
	public record Option(String key, String name, String description, List<OptionShift> shifts, int[] onDuty,
			OptionFigures figures, boolean minimumMet, long millis) {

		public int toursPerWeek() {
			return this.shifts.stream().mapToInt(OptionShift::toursPerWeek).sum();
		}

		/** The shifts as a pattern's constable shifts. */
		public List<PatternShift> patternShifts() {
			return this.shifts.stream()
				.map(s -> new PatternShift(s.start(), s.lengthMinutes(), RosterRole.CONSTABLE, s.workersPerDay()))
				.toList();
		}

	}

	/** The four standard options designed against the need, two at a time. */
	public List<Option> options(Need need, Settings settings) {
		DesignOptions.Settings domain;
		try {
			OptionFigures.SixteenSeven window = settings.sixteenSevenFrom() == null ? null
					: new OptionFigures.SixteenSeven(settings.sixteenSevenFrom(), settings.sixteenSevenTo(),
							settings.sixteenSevenMinimum());
			domain = new DesignOptions.Settings(settings.eveningWeekendWeight(), window, settings.millisPerOption());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("The design settings are not valid: " + ex.getMessage() + ".",
					List.of(new InvalidInput.FieldError("settings", ex.getMessage())));
		}
		int[] officers = need.officers();
		ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
		try {
			List<Future<DesignOptions.Designed>> running = new ArrayList<>();
			for (DesignOptions.Spec spec : DesignOptions.STANDARD) {
				running.add(pool.submit(() -> this.metrics.solverRun("shift-design-option",
						() -> DesignOptions.design(officers, spec, domain))));
			}
			List<Option> options = new ArrayList<>();
			for (Future<DesignOptions.Designed> future : running) {
				options.add(option(future.get()));
			}
			return options;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while designing", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Option option(DesignOptions.Designed designed) {
		List<OptionShift> shifts = new ArrayList<>();
		for (MsdShift s : designed.shifts()) {
			LocalTime start = LocalTime.of(s.startMinute() / 60, s.startMinute() % 60);
			shifts.add(new OptionShift(start, start.plusMinutes(s.lengthMinutes()), s.lengthMinutes(), s.workersPerDay()));
		}
		DesignOptions.Spec spec = designed.spec();
		return new Option(spec.key(), spec.name(), spec.describe(), shifts, designed.onDuty(), designed.figures(),
				designed.minimumMet(), designed.millis());
	}

}
