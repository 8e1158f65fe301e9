package org.ringfence.rostering;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ringfence.duties.ActivityClass;
import org.ringfence.duties.Classification;
import org.ringfence.duties.Duty;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.DutyService;
import org.ringfence.duties.NewDuty;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.platform.InvalidInput;
import org.ringfence.rostering.domain.CoverageGaps;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 16/7 check of a cluster from planned duties: every hour of the daily window (07:00-23:00 by
 * default) in which no member of the cluster's ward teams has a planned on-ward tour (ON_WARD
 * class under the rule set in force on its date) on one of the cluster's wards.
 */
@Service
public class ClusterCoverage {

	/** The longest period checked at once. */
	public static final int MAX_DAYS = 400;

	private final GeographyService geography;

	private final DutyService duties;

	ClusterCoverage(GeographyService geography, DutyService duties) {
		this.geography = geography;
		this.duties = duties;
	}

	/** An hour span of a day with nobody on duty. */
	public record Gap(LocalDate date, LocalTime from, LocalTime to) {
	}

	/** The check: the cluster, period, window, how many hours were checked and uncovered, and the gaps. */
	public record Coverage(String cluster, LocalDate from, LocalDate to, int windowFromHour, int windowToHour,
			int hoursChecked, int hoursUncovered, boolean met, List<Gap> gaps) {
	}

	@Transactional(readOnly = true)
	public Coverage check(String clusterId, LocalDate from, LocalDate to, int fromHour, int toHour) {
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new InvalidInput("from..to must be a period of at most " + MAX_DAYS + " days.",
					List.of(new InvalidInput.FieldError("from/to", "invalid period")));
		}
		if (fromHour < 0 || toHour > 24 || fromHour >= toHour) {
			throw new InvalidInput("The window must be whole hours, 0 <= fromHour < toHour <= 24.",
					List.of(new InvalidInput.FieldError("fromHour/toHour", "invalid window")));
		}
		ClusterSummary cluster = this.geography.cluster(clusterId);
		Set<String> wards = Set.copyOf(cluster.wardCodes());
		Map<LocalDate, Map<String, Classification>> rules = new HashMap<>();
		List<CoverageGaps.Tour> tours = new ArrayList<>();
		for (String ward : cluster.wardCodes()) {
			for (Duty duty : this.duties.ofWardTeam(ward, Optional.of(DutyKind.PLANNED), from.minusDays(1), to)) {
				if (duty.wardCode().isEmpty() || !wards.contains(duty.wardCode().get())) {
					continue;
				}
				Classification c = rules.computeIfAbsent(duty.dutyDate(), this.duties::classificationOn)
					.get(duty.activityCode());
				if (c != null && c.activityClass() == ActivityClass.ON_WARD) {
					tours.add(new CoverageGaps.Tour(duty.startsAt(), duty.endsAt()));
				}
			}
		}
		List<Gap> gaps = CoverageGaps.find(tours, from, to, fromHour, toHour, NewDuty.LONDON)
			.stream()
			.map(g -> new Gap(g.date(), g.from(), g.to()))
			.toList();
		int checked = (int) ((to.toEpochDay() - from.toEpochDay() + 1) * (toHour - fromHour));
		int uncovered = gaps.stream()
			.mapToInt(g -> (g.to().equals(LocalTime.MAX) ? 24 : g.to().getHour()) - g.from().getHour())
			.sum();
		return new Coverage(cluster.id(), from, to, fromHour, toHour, checked, uncovered, gaps.isEmpty(), gaps);
	}

}
