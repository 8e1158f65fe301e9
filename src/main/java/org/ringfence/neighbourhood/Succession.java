package org.ringfence.neighbourhood;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.neighbourhood.domain.TenureOverlap;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;
import org.ringfence.workforce.WorkforceViews.TeamMember;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Succession and tenure per borough (inspection recommendation 3): the ward teams' officers by time
 * in post, the wards where most of the team is two to three years in post at the same time within
 * the next year (when officers usually move on, so the team may leave together), and vacancies
 * against the establishment of a ward team. Team aggregates: no names.
 */
@Service
public class Succession {

	/** A ward team's establishment: the One Met (2017) minimum of a sergeant, two DWOs and a PCSO. */
	public static final Map<WorkforceRole, Integer> ESTABLISHMENT = establishment();

	public static final List<String> BANDS = List.of("Under 1 year", "1 to 2 years", "2 to 3 years", "3 years or more");

	private final GeographyService geography;

	private final WorkforceService workforce;

	private final Clock clock;

	Succession(GeographyService geography, WorkforceService workforce, Clock clock) {
		this.geography = geography;
		this.workforce = workforce;
		this.clock = clock;
	}

	/** A ward team's tenure: members per band, the peak of members 2-3 years in post within a year, vacancies. */
	public record WardTenure(String wardCode, String wardName, int teamSize, List<Integer> bands, int peakTwoToThree,
			LocalDate peakOn, boolean mostTogether, Map<WorkforceRole, Integer> vacancies, int vacancyCount) {
	}

	/** A borough: the wards, and its officers per band by role. */
	public record BoroughTenure(String boroughCode, String boroughName, LocalDate asOf, Map<String, List<Integer>> bandsByRole,
			List<Integer> bands, List<WardTenure> wards, int wardsTogether, int vacancies,
			Map<WorkforceRole, Integer> establishment) {
	}

	@Transactional(readOnly = true)
	public BoroughTenure borough(String boroughCode) {
		BoroughSummary borough = this.geography.borough(boroughCode);
		LocalDate today = LocalDate.now(this.clock.withZone(WardPriorities.LONDON));
		Map<String, List<Integer>> byRole = new LinkedHashMap<>();
		int[] total = new int[4];
		List<WardTenure> wards = new ArrayList<>();
		for (WardSummary ward : this.geography.wards(Optional.of(boroughCode))) {
			List<TeamMember> team = this.workforce.team(ward.code())
				.stream()
				.filter(m -> !m.sharedSupervision() || m.postedWard().equals(ward.code()))
				.toList();
			int[] bands = new int[4];
			for (TeamMember member : team) {
				int band = TenureOverlap.band(member.postingStart(), today);
				bands[band]++;
				total[band]++;
				byRole.computeIfAbsent(member.roleTitle(), r -> new ArrayList<>(List.of(0, 0, 0, 0)))
					.set(band, byRole.get(member.roleTitle()).get(band) + 1);
			}
			TenureOverlap.Peak peak = TenureOverlap.peak(team.stream().map(TeamMember::postingStart).toList(), 2, 3, today,
					today.plusYears(1).minusDays(1));
			List<TeamMember> wholeTeam = this.workforce.team(ward.code());
			Map<WorkforceRole, Integer> vacancies = new EnumMap<>(WorkforceRole.class);
			int vacancyCount = 0;
			for (Map.Entry<WorkforceRole, Integer> e : ESTABLISHMENT.entrySet()) {
				long held = wholeTeam.stream().filter(m -> m.role() == e.getKey()).count();
				int gap = (int) Math.max(0, e.getValue() - held);
				vacancies.put(e.getKey(), gap);
				vacancyCount += gap;
			}
			boolean together = team.size() >= 2 && peak.members() * 2 > team.size();
			wards.add(new WardTenure(ward.code(), ward.name(), team.size(), List.of(bands[0], bands[1], bands[2], bands[3]),
					peak.members(), peak.on(), together, vacancies, vacancyCount));
		}
		return new BoroughTenure(borough.code(), borough.name(), today, byRole, List.of(total[0], total[1], total[2], total[3]),
				wards, (int) wards.stream().filter(WardTenure::mostTogether).count(),
				wards.stream().mapToInt(WardTenure::vacancyCount).sum(), ESTABLISHMENT);
	}

	private static Map<WorkforceRole, Integer> establishment() {
		Map<WorkforceRole, Integer> e = new EnumMap<>(WorkforceRole.class);
		e.put(WorkforceRole.SERGEANT, 1);
		e.put(WorkforceRole.DWO, 2);
		e.put(WorkforceRole.PCSO, 1);
		return java.util.Collections.unmodifiableMap(e);
	}

}
