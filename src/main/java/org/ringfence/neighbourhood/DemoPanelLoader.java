package org.ringfence.neighbourhood;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.neighbourhood.persistence.NeighbourhoodQueries;
import org.ringfence.neighbourhood.persistence.NeighbourhoodQueries.DemoMeeting;
import org.ringfence.neighbourhood.persistence.NeighbourhoodQueries.DemoMember;
import org.ringfence.neighbourhood.persistence.NeighbourhoodQueries.DemoPriority;
import org.ringfence.platform.StartupData;
import org.ringfence.platform.StateChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Synthetic ward panels for every ward on first start (with the demo data): four panel members, a
 * meeting held some weeks ago (that agreed three priorities), an earlier priority achieved, and the
 * next two public meetings. Deterministic per ward; three batch inserts in one transaction under an
 * advisory lock; later starts find data and do nothing. One audit entry for the load.
 */
@Component
class DemoPanelLoader implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(DemoPanelLoader.class);

	static final String YOUTH_ASB = "ASB - youth";

	/** Share of wards given a youth-ASB priority (the 2007 inspection found 440 of 630 teams had one). */
	static final double YOUTH_ASB_SHARE = 0.7;

	static final Map<String, String[]> ISSUES = Map.ofEntries(
			Map.entry(YOUTH_ASB, new String[] { "Groups of young people gathering and causing a nuisance near the shops in the evenings",
					"Youths riding bikes on pavements and intimidating residents on the estate" }),
			Map.entry("ASB - general", new String[] { "Anti-social behaviour in the stairwells of the housing blocks" }),
			Map.entry("burglary", new String[] { "Residential burglaries in the streets around the station" }),
			Map.entry("drugs", new String[] { "Drug dealing and drug use reported in the park after dark" }),
			Map.entry("road safety", new String[] { "Speeding vehicles on the main road near the primary school" }),
			Map.entry("vehicle crime", new String[] { "Thefts from parked vehicles overnight" }),
			Map.entry("street drinking", new String[] { "Street drinking outside the off-licences on the high street" }),
			Map.entry("robbery", new String[] { "Phone snatches by moped riders near the high street" }),
			Map.entry("criminal damage", new String[] { "Criminal damage to bus shelters and parked cars" }),
			Map.entry("environmental (litter, fly-tipping, graffiti)", new String[] { "Fly-tipping in the alleys behind the shops" }),
			Map.entry("noise", new String[] { "Late-night noise from an unlicensed venue" }));

	static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry(YOUTH_ASB,
			"Targeted patrols at the times reported; working with the youth service and the school on diversionary activities"),
			Map.entry("ASB - general", "Joint patrols with housing officers; warning letters to those identified"),
			Map.entry("burglary", "Crime prevention visits and property marking for residents; patrols at peak times"),
			Map.entry("drugs", "Intelligence gathering with residents; warrants where the evidence supports them"),
			Map.entry("road safety", "Speed checks with the Community Roadwatch scheme and the council"),
			Map.entry("vehicle crime", "Leaflets and advice to car owners; patrols overnight"),
			Map.entry("street drinking", "Enforcing the controlled drinking zone; referrals to support services"),
			Map.entry("robbery", "High-visibility patrols and crime prevention advice on phone use"),
			Map.entry("criminal damage", "Patrols and working with the council on repairs and CCTV"),
			Map.entry("environmental (litter, fly-tipping, graffiti)", "Joint operation with the council's enforcement team"),
			Map.entry("noise", "Working with the council's licensing team; visits to the premises"));

	static final String[] GIVEN = { "Alex", "Sam", "Jo", "Priya", "Tom", "Fatima", "Chris", "Grace", "Daniel", "Aisha",
			"Michael", "Helen", "Kwame", "Sofia", "Patrick", "Ruth" };

	static final String[] FAMILY = { "Adebayo", "Brennan", "Clarke", "Desai", "Evans", "Fischer", "Green", "Hussain",
			"Iqbal", "Jones", "Kowalski", "Lewis", "Morgan", "Nowak", "Okafor", "Patel" };

	static final String[] ROLES = { "Chair", "Vice-chair", "Resident member", "Business representative" };

	private final GeographyService geography;

	private final NeighbourhoodQueries queries;

	private final NeighbourhoodProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final PublishedCache cache;

	private final Clock clock;

	DemoPanelLoader(GeographyService geography, NeighbourhoodQueries queries, NeighbourhoodProperties properties,
			TransactionTemplate transactions, ApplicationEventPublisher events, PublishedCache cache, Clock clock) {
		this.geography = geography;
		this.queries = queries;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
		this.cache = cache;
		this.clock = clock;
	}

	@Override
	public int order() {
		return DEMO_ORDER + 5;
	}

	@Override
	public void loadIfEmpty() {
		if (!this.properties.demoData()) {
			return;
		}
		long started = System.nanoTime();
		Integer wards = this.transactions.execute(status -> {
			this.queries.lock("ringfence.neighbourhood.demo");
			if (this.queries.anyPanelData()) {
				return 0;
			}
			List<WardSummary> all = this.geography.wards(Optional.empty());
			Plan plan = plan(all, LocalDate.now(this.clock.withZone(WardPriorities.LONDON)));
			this.queries.insertDemo(plan.members(), plan.meetings(), plan.priorities());
			this.events.publishEvent(StateChange.created("demo ward panels", "synthetic", null,
					Map.of("wards", all.size(), "members", plan.members().size(), "meetings", plan.meetings().size(),
							"priorities", plan.priorities().size(), "synthetic", true)));
			this.cache.clearAfterCommit();
			return all.size();
		});
		if (wards != null && wards > 0) {
			log.info("Loaded synthetic ward panels and priorities for {} wards in {} ms", wards,
					(System.nanoTime() - started) / 1_000_000);
		}
	}

	record Plan(List<DemoMember> members, List<DemoMeeting> meetings, List<DemoPriority> priorities) {
	}

	/** The synthetic panels of the wards, relative to today; the same wards and day give the same plan. */
	static Plan plan(List<WardSummary> wards, LocalDate today) {
		List<DemoMember> members = new ArrayList<>();
		List<DemoMeeting> meetings = new ArrayList<>();
		List<DemoPriority> priorities = new ArrayList<>();
		List<String> others = ISSUES.keySet().stream().filter(c -> !c.equals(YOUTH_ASB)).sorted().toList();
		for (WardSummary ward : wards) {
			Random random = new Random(ward.code().hashCode());
			for (int i = 0; i < ROLES.length; i++) {
				members.add(new DemoMember(ward.code(), i + 1,
						GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)], ROLES[i]));
			}
			String place = ward.name() + " community hall (invented for the demo)";
			LocalTime start = LocalTime.of(18 + random.nextInt(2), random.nextBoolean() ? 0 : 30);
			LocalDateTime held = today.minusDays(21 + random.nextInt(50)).atTime(start);
			LocalDateTime next = today.plusDays(7 + random.nextInt(35)).atTime(start);
			LocalDateTime after = next.plusWeeks(12);
			meetings.add(new DemoMeeting(ward.code(), held, held.plusMinutes(90), place, 8 + random.nextInt(30),
					"Synthetic minutes: the panel reviewed the previous priorities and agreed three for the coming quarter."));
			meetings.add(new DemoMeeting(ward.code(), next, next.plusMinutes(90), place, null, ""));
			meetings.add(new DemoMeeting(ward.code(), after, after.plusMinutes(90), place, null, ""));
			List<String> categories = new ArrayList<>();
			if (random.nextDouble() < YOUTH_ASB_SHARE) {
				categories.add(YOUTH_ASB);
			}
			while (categories.size() < 3) {
				String c = others.get(random.nextInt(others.size()));
				if (!categories.contains(c)) {
					categories.add(c);
				}
			}
			LocalDate agreed = held.toLocalDate();
			for (String category : categories) {
				String[] issues = ISSUES.get(category);
				LocalDate actionDate = agreed.plusDays(14 + random.nextInt(14));
				priorities.add(new DemoPriority(ward.code(), held, category, issues[random.nextInt(issues.length)],
						ACTIONS.get(category), agreed, actionDate.isAfter(today) ? null : actionDate, PriorityStatus.OPEN,
						next.toLocalDate(), null));
			}
			// an earlier priority, achieved at the last meeting
			String earlier = others.get(random.nextInt(others.size()));
			LocalDate earlierAgreed = agreed.minusWeeks(12);
			priorities.add(new DemoPriority(ward.code(), null, earlier, ISSUES.get(earlier)[0], ACTIONS.get(earlier),
					earlierAgreed, earlierAgreed.plusDays(21), PriorityStatus.ACHIEVED, agreed, agreed));
		}
		return new Plan(members, meetings, priorities);
	}

}
