package org.ringfence.flex.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ringfence.duties.ActivityClass;
import org.ringfence.duties.FlexDuties.PlannedDuty;
import org.ringfence.duties.FlexDuties.WardLoad;
import org.ringfence.flex.FlexCheckReport;
import org.ringfence.flex.FlexCheckReport.Check;
import org.ringfence.flex.FlexCheckReport.Fairness;
import org.ringfence.flex.FlexCheckReport.Finding;
import org.ringfence.flex.FlexCheckReport.Outcome;
import org.ringfence.flex.FlexCheckReport.RuleSetUsed;
import org.ringfence.flex.FlexCheckReport.Suggestion;
import org.ringfence.flex.FlexCheckReport.WardShare;
import org.ringfence.flex.NewFlexRequest.Officer;
import org.ringfence.protocol.FairnessRule;
import org.ringfence.protocol.FlexDurationRule;
import org.ringfence.protocol.ProtocolRuleSet;
import org.ringfence.protocol.Rank;
import org.ringfence.protocol.RuleSetTimeline;

/**
 * The checks before a flex is authorised (and again while it is live), as pure functions of the
 * plan, the planned duties and the rule sets in force on each day:
 * <ol>
 * <li><b>ring-fence</b>: on every day an officer is taken from a providing ward, that ward keeps the
 * minimum of each rank on ward duty (the officers of the rank on on-ward duty on that ward that day,
 * less those flexed), under the set in force on that day;</li>
 * <li><b>officer availability</b>: each officer is in the providing ward's team, has on-ward tours to
 * flex, and is not already on another flex (fails); leave, training, abstractions and other duties
 * on the days are reported (those days are not flexed);</li>
 * <li><b>same borough</b>: every providing ward in the receiving ward's borough, unless a significant
 * event is declared there;</li>
 * <li><b>duration and review</b>: no longer than the set's limit unless an exception is recorded
 * with reasons, not starting in the past, and the review date;</li>
 * <li><b>fair share of abstraction</b>: each ward's share of duty time abstracted or flexed over the
 * rolling window, with this flex, against the borough mean (warns, with a fairer set of officers);</li>
 * <li><b>cluster 16/7 cover</b>: each cluster of a providing ward keeps someone on ward duty at least
 * 16 hours of every affected day.</li>
 * </ol>
 */
public final class FlexChecks {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** Cluster cover: minutes of a day with someone on ward duty (16 hours). */
	static final int COVER_MINUTES = 16 * 60;

	public static final String RING_FENCE = "Ring-fence";

	public static final String AVAILABILITY = "Officer availability";

	public static final String SAME_BOROUGH = "Same borough";

	public static final String DURATION = "Duration and review";

	public static final String FAIRNESS = "Fair share of abstraction";

	public static final String COVER = "Cluster 16/7 cover";

	private FlexChecks() {
	}

	/** Where a ward sits. */
	public record WardInfo(String code, String name, String boroughCode, String clusterCode) {
	}

	/**
	 * The plan to check.
	 * @param reference the request's reference (its duties already flexed count as flexed), empty for a draft
	 * @param deployed whether it is already live (its first day may have passed)
	 */
	public record Plan(String reference, String receivingWard, LocalDate firstDay, LocalDate lastDay,
			Optional<String> durationException, List<Officer> officers, boolean deployed) {

		public Plan {
			reference = reference == null ? "" : reference;
			durationException = durationException == null ? Optional.empty() : durationException;
			officers = List.copyOf(officers);
		}

	}

	/**
	 * What the checks read.
	 * @param officerDuties planned duties of the plan's officers over the plan's days
	 * @param onWardDuties planned on-ward duties on the providing wards, the wards of their clusters and
	 * the receiving borough's wards, from the day before the plan to its last day
	 * @param loads the receiving borough's ward-team loads over the fairness window
	 * @param names people's names by id, for the findings
	 */
	public record Context(LocalDate today, RuleSetTimeline timeline, Map<String, WardInfo> wards,
			List<PlannedDuty> officerDuties, List<PlannedDuty> onWardDuties, Optional<String> significantEvent,
			List<WardLoad> loads, LocalDate windowFrom, LocalDate windowTo, Map<Long, String> names) {

		public Context {
			significantEvent = significantEvent == null ? Optional.empty() : significantEvent;
		}

	}

	/** The report, and the duties an authorisation would give the flex code (id to version read). */
	public record Result(FlexCheckReport report, Map<Long, Integer> dutiesToFlex) {
	}

	/** The fairness window for a plan under a rule set. */
	public static LocalDate windowFrom(LocalDate firstDay, FairnessRule rule) {
		return firstDay.minusDays(rule.windowDays());
	}

	public static Result run(Plan plan, Context context) {
		Objects.requireNonNull(plan, "plan");
		Objects.requireNonNull(context, "context");
		Analysis analysis = new Analysis(plan, context);
		List<Check> checks = new ArrayList<>();
		checks.add(analysis.ringFence());
		checks.add(analysis.availability());
		checks.add(analysis.sameBorough());
		checks.add(analysis.duration());
		FairnessOutcome fairness = analysis.fairness();
		checks.add(fairness.check());
		checks.add(analysis.cover());
		boolean passed = checks.stream().noneMatch(c -> c.outcome() == Outcome.FAIL);
		List<RuleSetUsed> used = context.timeline()
			.spans(plan.firstDay(), plan.lastDay())
			.stream()
			.map(s -> new RuleSetUsed(s.set().id(), s.set().name(), s.from(), s.to()))
			.toList();
		FlexCheckReport report = new FlexCheckReport(context.today(), used, passed, checks, analysis.toFlex.size(),
				analysis.alreadyFlexed.size(), fairness.fairness());
		Map<Long, Integer> dutiesToFlex = new LinkedHashMap<>();
		analysis.toFlex.forEach(d -> dutiesToFlex.put(d.dutyId(), d.version()));
		return new Result(report, dutiesToFlex);
	}

	private record FairnessOutcome(Check check, Optional<Fairness> fairness) {
	}

	/** The plan read against the duties, once, for all the checks. */
	private static final class Analysis {

		final Plan plan;

		final Context context;

		final Map<String, WardInfo> wards;

		/** Duties the authorisation would flex. */
		final List<PlannedDuty> toFlex = new ArrayList<>();

		/** Duties this flex already carries. */
		final List<PlannedDuty> alreadyFlexed = new ArrayList<>();

		final Map<Long, Officer> lineOf = new HashMap<>();

		final Map<Long, Rank> rankOf = new HashMap<>();

		/** ward -> day -> people flexed from it (to flex or already flexed). */
		final Map<String, Map<LocalDate, Set<Long>>> flexedFrom = new TreeMap<>();

		/** ward -> day -> rank -> people on on-ward duty there. */
		final Map<String, Map<LocalDate, Map<Rank, Set<Long>>>> onDuty = new HashMap<>();

		final List<Finding> availabilityFailures = new ArrayList<>();

		final List<Finding> availabilityWarnings = new ArrayList<>();

		Analysis(Plan plan, Context context) {
			this.plan = plan;
			this.context = context;
			this.wards = context.wards();
			plan.officers().forEach(o -> this.lineOf.put(o.personId(), o));
			for (PlannedDuty duty : context.onWardDuties()) {
				duty.teamRole().flatMap(Rank::ofRole).ifPresent(rank -> {
					this.rankOf.putIfAbsent(duty.personId(), rank);
					duty.wardCode().ifPresent(ward -> this.onDuty.computeIfAbsent(ward, w -> new HashMap<>())
						.computeIfAbsent(duty.dutyDate(), d -> new java.util.EnumMap<>(Rank.class))
						.computeIfAbsent(rank, r -> new HashSet<>())
						.add(duty.personId()));
				});
			}
			readOfficers();
		}

		String wardName(String code) {
			WardInfo info = this.wards.get(code);
			return info == null ? code : info.name();
		}

		String name(long personId) {
			return this.context.names().getOrDefault(personId, "person " + personId);
		}

		/** Sorts each officer's duties into to flex, already flexed, conflicts and unavailability. */
		void readOfficers() {
			Map<Long, List<PlannedDuty>> byPerson = new HashMap<>();
			for (PlannedDuty duty : this.context.officerDuties()) {
				byPerson.computeIfAbsent(duty.personId(), p -> new ArrayList<>()).add(duty);
			}
			for (Officer officer : this.plan.officers()) {
				long person = officer.personId();
				List<PlannedDuty> duties = byPerson.getOrDefault(person, List.of())
					.stream()
					.filter(d -> !d.dutyDate().isBefore(officer.firstDay()) && !d.dutyDate().isAfter(officer.lastDay()))
					.sorted(Comparator.comparing(PlannedDuty::startsAt))
					.toList();
				duties.stream().map(d -> d.teamRole().flatMap(Rank::ofRole)).flatMap(Optional::stream).findFirst()
					.ifPresent(rank -> this.rankOf.put(person, rank));
				TreeSet<LocalDate> outsideTeam = new TreeSet<>();
				Map<String, TreeSet<LocalDate>> otherFlex = new TreeMap<>();
				Map<String, TreeSet<LocalDate>> unavailable = new TreeMap<>();
				int mine = 0;
				for (PlannedDuty duty : duties) {
					if (!duty.teamWard().map(officer.providingWard()::equals).orElse(false)) {
						outsideTeam.add(duty.dutyDate());
						continue;
					}
					boolean ownFlex = !this.plan.reference().isEmpty()
							&& duty.flexReference().map(this.plan.reference()::equals).orElse(false);
					if (ownFlex) {
						this.alreadyFlexed.add(duty);
						flexed(officer.providingWard(), duty);
						mine++;
						continue;
					}
					if (!officer.tours().covers(duty.startsAt()) || duty.activityClass() == ActivityClass.REST_DAY) {
						continue;
					}
					if (duty.activityClass() == ActivityClass.AUTHORISED_FLEX) {
						otherFlex.computeIfAbsent(duty.flexReference().orElse("flex code set by hand"), r -> new TreeSet<>())
							.add(duty.dutyDate());
					}
					else if (duty.activityClass() == ActivityClass.ON_WARD
							&& duty.wardCode().map(officer.providingWard()::equals).orElse(false)) {
						this.toFlex.add(duty);
						flexed(officer.providingWard(), duty);
						mine++;
					}
					else {
						unavailable.computeIfAbsent(describe(duty), c -> new TreeSet<>()).add(duty.dutyDate());
					}
				}
				String who = name(person) + " (" + wardName(officer.providingWard()) + ")";
				if (!outsideTeam.isEmpty()) {
					this.availabilityFailures.add(finding(officer.providingWard(), outsideTeam.first(), outsideTeam.last(), 0,
							who + " is not in " + wardName(officer.providingWard()) + "'s team on " + days(outsideTeam),
							person));
				}
				otherFlex.forEach((reference, days) -> this.availabilityFailures.add(finding(officer.providingWard(),
						days.first(), days.last(), 0, who + " is already on " + reference + " on " + days(days), person)));
				unavailable.forEach((what, days) -> this.availabilityWarnings.add(finding(officer.providingWard(),
						days.first(), days.last(), 0,
						who + " has " + what + " on " + days(days) + ": those tours stay as they are", person)));
				if (mine == 0 && outsideTeam.isEmpty() && otherFlex.isEmpty()) {
					this.availabilityFailures.add(finding(officer.providingWard(), officer.firstDay(), officer.lastDay(), 0,
							who + " has no " + (officer.tours() == org.ringfence.flex.Tours.ALL ? "" : officer.tours().name().toLowerCase() + " ")
									+ "on-ward tours to flex from " + officer.firstDay() + " to " + officer.lastDay(),
							person));
				}
			}
		}

		void flexed(String ward, PlannedDuty duty) {
			this.flexedFrom.computeIfAbsent(ward, w -> new TreeMap<>())
				.computeIfAbsent(duty.dutyDate(), d -> new LinkedHashSet<>())
				.add(duty.personId());
		}

		static String describe(PlannedDuty duty) {
			return switch (duty.activityClass()) {
				case ANNUAL_LEAVE -> "annual leave";
				case OTHER_LEAVE -> "other leave";
				case SICKNESS -> "sickness";
				case TRAINING -> "training";
				case SPECIALIST_SKILLS -> "specialist-skills duty";
				case PLANNED_EVENT -> "a pre-planned event";
				case ABSTRACTION -> "another duty (" + duty.activityCode() + ")";
				case SIGNIFICANT_EVENT -> "a significant event";
				case CROSS_BOUNDARY_SHORT -> "a cross-boundary duty";
				case ON_WARD -> "on-ward duty on " + duty.wardCode().orElse("another ward");
				default -> duty.activityCode();
			};
		}

		int remaining(String ward, LocalDate day, Rank rank, Set<Long> takenAway) {
			Set<Long> present = this.onDuty.getOrDefault(ward, Map.of()).getOrDefault(day, Map.of()).getOrDefault(rank, Set.of());
			int count = 0;
			for (Long person : present) {
				if (!takenAway.contains(person)) {
					count++;
				}
			}
			return count;
		}

		Check ringFence() {
			List<Finding> findings = new ArrayList<>();
			int days = 0;
			for (Map.Entry<String, Map<LocalDate, Set<Long>>> ward : this.flexedFrom.entrySet()) {
				for (Map.Entry<LocalDate, Set<Long>> day : ward.getValue().entrySet()) {
					days++;
					Optional<ProtocolRuleSet> set = this.context.timeline().inForceOn(day.getKey());
					if (set.isEmpty()) {
						findings.add(finding(ward.getKey(), day.getKey(), day.getKey(), 0,
								"no protocol rule set is in force on " + day.getKey(), null));
						continue;
					}
					for (Rank rank : Rank.values()) {
						int left = remaining(ward.getKey(), day.getKey(), rank, day.getValue());
						int shortfall = set.get().ringFence().shortfall(rank, left);
						if (shortfall > 0) {
							int minimum = set.get().ringFence().minimum(rank);
							findings.add(finding(ward.getKey(), day.getKey(), day.getKey(), shortfall,
									wardName(ward.getKey()) + " on " + day.getKey() + ": " + plural(left, rank.label())
											+ " left on ward duty, the minimum is " + minimum + " under " + set.get().name()
											+ " (short " + shortfall + ")",
									null));
						}
					}
				}
			}
			if (findings.isEmpty()) {
				return new Check(RING_FENCE, Outcome.PASS, "Every providing ward keeps its ring-fence minimum on each of the "
						+ days + " ward-days affected.", List.of());
			}
			return new Check(RING_FENCE, Outcome.FAIL, findings.size() + " shortfall(s): a providing ward would fall below "
					+ "its ring-fence minimum.", findings);
		}

		Check availability() {
			if (!this.availabilityFailures.isEmpty()) {
				List<Finding> all = new ArrayList<>(this.availabilityFailures);
				all.addAll(this.availabilityWarnings);
				return new Check(AVAILABILITY, Outcome.FAIL,
						"Officers not available as planned: not in the providing ward's team, already on another flex, "
								+ "or with no on-ward tours to flex.",
						all);
			}
			if (!this.availabilityWarnings.isEmpty()) {
				return new Check(AVAILABILITY, Outcome.WARN, this.toFlex.size() + this.alreadyFlexed.size()
						+ " tours to flex; some officers have leave, training or other duties on some days, which are not flexed.",
						this.availabilityWarnings);
			}
			return new Check(AVAILABILITY, Outcome.PASS, "Every officer is in the providing ward's team and free for all "
					+ (this.toFlex.size() + this.alreadyFlexed.size()) + " tours.", List.of());
		}

		Check sameBorough() {
			WardInfo receiving = this.wards.get(this.plan.receivingWard());
			ProtocolRuleSet set = this.context.timeline().inForceOn(this.plan.firstDay()).orElse(null);
			List<Finding> findings = new ArrayList<>();
			for (Officer officer : this.plan.officers()) {
				WardInfo providing = this.wards.get(officer.providingWard());
				if (receiving != null && providing != null && !providing.boroughCode().equals(receiving.boroughCode())
						&& findings.stream().noneMatch(f -> f.wardCode().equals(providing.code()))) {
					findings.add(finding(providing.code(), officer.firstDay(), officer.lastDay(), 0,
							providing.name() + " is in another borough (" + providing.boroughCode() + ") than "
									+ receiving.name() + " (" + receiving.boroughCode() + ")",
							null));
				}
			}
			if (findings.isEmpty()) {
				return new Check(SAME_BOROUGH, Outcome.PASS, "Every providing ward is in the receiving ward's borough.",
						List.of());
			}
			if (set != null && !set.withinBoroughOnly()) {
				return new Check(SAME_BOROUGH, Outcome.PASS,
						"Cross-borough flex is allowed under " + set.name() + ".", findings);
			}
			if (this.context.significantEvent().isPresent()) {
				return new Check(SAME_BOROUGH, Outcome.WARN, "Cross-borough: only in extreme circumstances, under the "
						+ "significant event declared in the receiving borough: " + this.context.significantEvent().get()
						+ ".", findings);
			}
			return new Check(SAME_BOROUGH, Outcome.FAIL, "Flex is within the borough only; no significant event is "
					+ "declared in the receiving borough for these dates.", findings);
		}

		Check duration() {
			Optional<ProtocolRuleSet> set = this.context.timeline().inForceOn(this.plan.firstDay());
			if (set.isEmpty()) {
				return new Check(DURATION, Outcome.FAIL, "No protocol rule set is in force on " + this.plan.firstDay() + ".",
						List.of());
			}
			FlexDurationRule rule = set.get().duration();
			long days = FlexDurationRule.days(this.plan.firstDay(), this.plan.lastDay());
			List<Finding> findings = new ArrayList<>();
			Outcome outcome = Outcome.PASS;
			String review = "Review at borough tasking by " + rule.reviewDue(this.plan.firstDay()) + ".";
			if (!this.plan.deployed() && this.plan.firstDay().isBefore(this.context.today())) {
				findings.add(finding(this.plan.receivingWard(), this.plan.firstDay(), this.plan.lastDay(), 0,
						"the first day (" + this.plan.firstDay() + ") has passed: duties cannot be flexed in the past", null));
				outcome = Outcome.FAIL;
			}
			if (rule.exceeds(this.plan.firstDay(), this.plan.lastDay())) {
				int over = (int) (days - rule.maxDays());
				if (this.plan.durationException().isPresent()) {
					findings.add(finding(this.plan.receivingWard(), rule.latestLastDay(this.plan.firstDay()).plusDays(1),
							this.plan.lastDay(), over, days + " days, " + over + " over the " + rule.maxDays()
									+ "-day limit of " + set.get().name() + "; exception recorded: "
									+ this.plan.durationException().get(),
							null));
					outcome = outcome == Outcome.FAIL ? Outcome.FAIL : Outcome.WARN;
				}
				else {
					findings.add(finding(this.plan.receivingWard(), rule.latestLastDay(this.plan.firstDay()).plusDays(1),
							this.plan.lastDay(), over, days + " days is " + over + " over the " + rule.maxDays()
									+ "-day limit of " + set.get().name()
									+ ": shorten it, rotate the providing wards, or record an exception with reasons",
							null));
					outcome = Outcome.FAIL;
				}
			}
			String summary = days + " days (" + this.plan.firstDay() + " to " + this.plan.lastDay() + "), limit "
					+ rule.maxDays() + ". " + review;
			return new Check(DURATION, outcome, summary, findings);
		}

		FairnessOutcome fairness() {
			WardInfo receiving = this.wards.get(this.plan.receivingWard());
			Optional<ProtocolRuleSet> set = this.context.timeline().inForceOn(this.plan.firstDay());
			if (receiving == null || set.isEmpty()) {
				return new FairnessOutcome(new Check(FAIRNESS, Outcome.PASS, "Not assessed.", List.of()), Optional.empty());
			}
			FairnessRule rule = set.get().fairness();
			Map<String, long[]> minutes = new TreeMap<>();
			for (WardLoad load : this.context.loads()) {
				minutes.put(load.wardCode(), new long[] { load.dutyMinutes(), load.abstractedMinutes() + load.flexMinutes() });
			}
			for (PlannedDuty duty : this.toFlex) {
				Officer officer = this.lineOf.get(duty.personId());
				long[] m = minutes.get(officer.providingWard());
				if (m != null) {
					m[1] += duty.minutes();
				}
			}
			Map<String, Double> shares = new TreeMap<>();
			minutes.forEach((ward, m) -> {
				if (m[0] > 0 && this.wards.containsKey(ward)
						&& this.wards.get(ward).boroughCode().equals(receiving.boroughCode())) {
					shares.put(ward, (double) m[1] / m[0]);
				}
			});
			double mean = FairnessRule.mean(shares.values());
			Set<String> providing = new TreeSet<>();
			this.plan.officers().forEach(o -> providing.add(o.providingWard()));
			List<WardShare> wardShares = new ArrayList<>();
			List<Finding> findings = new ArrayList<>();
			Set<String> over = new TreeSet<>();
			shares.forEach((ward, share) -> {
				boolean isOver = rule.over(share, mean);
				double toMean = mean > 0 ? share / mean : 0;
				wardShares.add(new WardShare(ward, wardName(ward), round(share), round(toMean), providing.contains(ward), isOver));
				if (isOver && providing.contains(ward)) {
					over.add(ward);
					findings.add(finding(ward, this.context.windowFrom(), this.context.windowTo(), 0, wardName(ward) + ": "
							+ percent(share) + " of duty time abstracted or flexed from " + this.context.windowFrom() + " to "
							+ this.context.windowTo() + " with this flex, " + String.format(java.util.Locale.UK, "%.2f", toMean)
							+ " times the borough mean of " + percent(mean) + " (threshold " + rule.maxToMean() + ")", null));
				}
			});
			wardShares.sort(Comparator.comparingDouble(WardShare::share).reversed());
			List<Suggestion> suggestions = over.isEmpty() ? List.of() : suggest(over, shares, rule, mean);
			Fairness fairness = new Fairness(this.context.windowFrom(), this.context.windowTo(), round(mean),
					round(FairnessRule.gini(shares.values())), round(FairnessRule.maxToMean(shares.values())),
					rule.maxToMean(), wardShares, suggestions);
			if (findings.isEmpty()) {
				return new FairnessOutcome(new Check(FAIRNESS, Outcome.PASS, "No providing ward is over " + rule.maxToMean()
						+ " times the borough mean share of abstraction and flex (" + percent(mean) + ").", List.of()),
						Optional.of(fairness));
			}
			suggestions.forEach(s -> findings.add(finding(s.providingWard(), this.plan.firstDay(), this.plan.lastDay(), 0,
					"fairer: " + s.detail(), s.personId())));
			return new FairnessOutcome(new Check(FAIRNESS, Outcome.WARN, over.size()
					+ " providing ward(s) disproportionately affected by abstraction; consider the fairer set suggested.",
					findings), Optional.of(fairness));
		}

		/** For each officer from an over-burdened ward, an officer of the same rank from a less burdened ward. */
		List<Suggestion> suggest(Set<String> over, Map<String, Double> shares, FairnessRule rule, double mean) {
			List<Suggestion> suggestions = new ArrayList<>();
			Set<Long> named = new HashSet<>(this.lineOf.keySet());
			Map<String, Map<LocalDate, Set<Long>>> taken = new HashMap<>();
			this.flexedFrom.forEach((ward, days) -> days.forEach((day, people) -> taken.computeIfAbsent(ward, w -> new HashMap<>())
				.computeIfAbsent(day, d -> new HashSet<>())
				.addAll(people)));
			List<String> candidatesWards = shares.entrySet()
				.stream()
				.filter(e -> !over.contains(e.getKey()) && !e.getKey().equals(this.plan.receivingWard())
						&& !rule.over(e.getValue(), mean))
				.sorted(Map.Entry.comparingByValue())
				.map(Map.Entry::getKey)
				.toList();
			for (Officer officer : this.plan.officers()) {
				if (!over.contains(officer.providingWard())) {
					continue;
				}
				Rank rank = this.rankOf.get(officer.personId());
				if (rank == null) {
					continue;
				}
				outer: for (String ward : candidatesWards) {
					Map<Long, List<LocalDate>> workDays = new TreeMap<>();
					this.onDuty.getOrDefault(ward, Map.of()).forEach((day, byRank) -> {
						if (!day.isBefore(officer.firstDay()) && !day.isAfter(officer.lastDay())) {
							byRank.getOrDefault(rank, Set.of()).forEach(p -> workDays.computeIfAbsent(p, x -> new ArrayList<>()).add(day));
						}
					});
					for (Map.Entry<Long, List<LocalDate>> candidate : workDays.entrySet()) {
						if (named.contains(candidate.getKey())) {
							continue;
						}
						boolean keeps = true;
						for (LocalDate day : candidate.getValue()) {
							Set<Long> away = new HashSet<>(taken.getOrDefault(ward, Map.of()).getOrDefault(day, Set.of()));
							away.add(candidate.getKey());
							ProtocolRuleSet set = this.context.timeline().inForceOn(day).orElse(null);
							if (set == null || set.ringFence().shortfall(rank, remaining(ward, day, rank, away)) > 0) {
								keeps = false;
								break;
							}
						}
						if (keeps) {
							named.add(candidate.getKey());
							candidate.getValue().forEach(day -> taken.computeIfAbsent(ward, w -> new HashMap<>())
								.computeIfAbsent(day, d -> new HashSet<>())
								.add(candidate.getKey()));
							suggestions.add(new Suggestion(officer.personId(), officer.providingWard(), candidate.getKey(), ward,
									name(candidate.getKey()) + " of " + wardName(ward) + " (" + percent(shares.get(ward))
											+ ") instead of " + name(officer.personId()) + " of "
											+ wardName(officer.providingWard()) + " ("
											+ percent(shares.getOrDefault(officer.providingWard(), 0.0)) + "): "
											+ candidate.getValue().size() + " on-ward tours in the period, ring-fence kept"));
							break outer;
						}
					}
				}
			}
			return suggestions;
		}

		Check cover() {
			Map<String, Set<String>> clusterWards = new HashMap<>();
			this.wards.values().forEach(w -> {
				if (w.clusterCode() != null) {
					clusterWards.computeIfAbsent(w.clusterCode(), c -> new TreeSet<>()).add(w.code());
				}
			});
			Map<String, Set<LocalDate>> affected = new TreeMap<>();
			this.flexedFrom.forEach((ward, days) -> {
				WardInfo info = this.wards.get(ward);
				if (info != null && info.clusterCode() != null) {
					affected.computeIfAbsent(info.clusterCode(), c -> new TreeSet<>()).addAll(days.keySet());
				}
			});
			Set<Long> toFlexIds = new HashSet<>();
			this.toFlex.forEach(d -> toFlexIds.add(d.dutyId()));
			WardInfo receiving = this.wards.get(this.plan.receivingWard());
			List<Finding> failures = new ArrayList<>();
			List<Finding> warnings = new ArrayList<>();
			int clusterDays = 0;
			for (Map.Entry<String, Set<LocalDate>> cluster : affected.entrySet()) {
				Set<String> inCluster = clusterWards.getOrDefault(cluster.getKey(), Set.of());
				boolean receivingHere = receiving != null && cluster.getKey().equals(receiving.clusterCode());
				for (LocalDate day : cluster.getValue()) {
					clusterDays++;
					List<PlannedDuty> base = this.context.onWardDuties()
						.stream()
						.filter(d -> d.wardCode().map(inCluster::contains).orElse(false)
								&& (d.dutyDate().equals(day) || d.dutyDate().equals(day.minusDays(1))))
						.toList();
					List<PlannedDuty> flexedHere = new ArrayList<>();
					for (PlannedDuty d : this.toFlex) {
						if (inCluster.contains(this.lineOf.get(d.personId()).providingWard())) {
							flexedHere.add(d);
						}
					}
					for (PlannedDuty d : this.alreadyFlexed) {
						if (inCluster.contains(this.lineOf.get(d.personId()).providingWard())) {
							flexedHere.add(d);
						}
					}
					List<PlannedDuty> before = new ArrayList<>(base);
					this.alreadyFlexed.stream().filter(flexedHere::contains).forEach(before::add);
					List<PlannedDuty> after = new ArrayList<>(base.stream().filter(d -> !toFlexIds.contains(d.dutyId())).toList());
					if (receivingHere) {
						after.addAll(flexedHere);
					}
					long coveredBefore = covered(before, day);
					long coveredAfter = covered(after, day);
					if (coveredAfter >= COVER_MINUTES) {
						continue;
					}
					int shortHours = (int) Math.ceil((COVER_MINUTES - coveredAfter) / 60.0);
					String text = "cluster " + cluster.getKey() + " on " + day + ": someone on ward duty " + hours(coveredAfter)
							+ " of the day";
					if (coveredAfter < coveredBefore) {
						failures.add(finding(cluster.getKey(), day, day, shortHours,
								text + " with this flex (" + hours(coveredBefore) + " without), below 16 h", null));
					}
					else {
						warnings.add(finding(cluster.getKey(), day, day, shortHours,
								text + ", already below 16 h without this flex", null));
					}
				}
			}
			if (!failures.isEmpty()) {
				List<Finding> all = new ArrayList<>(failures);
				all.addAll(warnings);
				return new Check(COVER, Outcome.FAIL, failures.size() + " cluster-day(s) would lose 16/7 cover.", all);
			}
			if (!warnings.isEmpty()) {
				return new Check(COVER, Outcome.WARN, warnings.size()
						+ " cluster-day(s) are below 16 hours of cover already; this flex does not reduce it.", warnings);
			}
			return new Check(COVER, Outcome.PASS, "Each cluster of a providing ward keeps someone on ward duty at least 16 "
					+ "hours on each of the " + clusterDays + " cluster-days affected.", List.of());
		}

		Finding finding(String ward, LocalDate from, LocalDate to, int shortfall, String detail, Long person) {
			return new Finding(ward, this.wards.containsKey(ward) ? wardName(ward) : ward, from, to, shortfall, detail,
					Optional.ofNullable(person));
		}

	}

	/** Minutes of a (London) day covered by at least one of the duties. */
	static long covered(Collection<PlannedDuty> duties, LocalDate day) {
		Instant dayStart = day.atStartOfDay(LONDON).toInstant();
		Instant dayEnd = day.plusDays(1).atStartOfDay(LONDON).toInstant();
		List<Instant[]> spans = new ArrayList<>();
		for (PlannedDuty duty : duties) {
			Instant from = duty.startsAt().isBefore(dayStart) ? dayStart : duty.startsAt();
			Instant to = duty.endsAt().isAfter(dayEnd) ? dayEnd : duty.endsAt();
			if (from.isBefore(to)) {
				spans.add(new Instant[] { from, to });
			}
		}
		spans.sort(Comparator.comparing(s -> s[0]));
		long minutes = 0;
		Instant start = null;
		Instant end = null;
		for (Instant[] span : spans) {
			if (end == null || span[0].isAfter(end)) {
				if (end != null) {
					minutes += Duration.between(start, end).toMinutes();
				}
				start = span[0];
				end = span[1];
			}
			else if (span[1].isAfter(end)) {
				end = span[1];
			}
		}
		if (end != null) {
			minutes += Duration.between(start, end).toMinutes();
		}
		return minutes;
	}

	static String hours(long minutes) {
		return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
	}

	static String plural(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

	static String percent(double share) {
		return String.format(java.util.Locale.UK, "%.1f%%", share * 100);
	}

	static double round(double value) {
		return Math.round(value * 10_000.0) / 10_000.0;
	}

	/** Consecutive days as ranges: "2034-03-06 to 2034-03-08, 2034-03-12". */
	static String days(Collection<LocalDate> days) {
		List<LocalDate> sorted = new ArrayList<>(new TreeSet<>(days));
		List<String> parts = new ArrayList<>();
		int i = 0;
		while (i < sorted.size()) {
			int j = i;
			while (j + 1 < sorted.size() && sorted.get(j + 1).equals(sorted.get(j).plusDays(1))) {
				j++;
			}
			parts.add(i == j ? sorted.get(i).toString() : sorted.get(i) + " to " + sorted.get(j));
			i = j + 1;
		}
		return String.join(", ", parts);
	}

}
