package org.ringfence.duties;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.duties.persistence.EventDutyQueries;
import org.ringfence.platform.DomainRuleViolation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duty records for a deployment to a significant event: the person's planned on-ward tours on the
 * deployment's days become tours of the significant-event code (the code the rule set in force
 * classes SIGNIFICANT_EVENT), through {@link DutyService#change}, so each keeps its earlier version
 * and publishes its audit entry. Rest days, leave and other duties are left alone and reported: a
 * cancelled rest day is the resource office's decision, with its notice.
 */
@Service
public class EventDuties {

	private final EventDutyQueries queries;

	private final DutyService duties;

	EventDuties(EventDutyQueries queries, DutyService duties) {
		this.queries = queries;
		this.duties = duties;
	}

	/**
	 * What re-coding did.
	 * @param changed the duties changed, as they are now
	 * @param notChanged one line per day of the deployment left as it was, and why
	 */
	public record Recoded(List<Duty> changed, List<String> notChanged) {
	}

	/**
	 * Re-codes the person's planned on-ward tours on days from..to (and, when a tour is given, only
	 * those overlapping its hours) to the significant-event code, with place describing the event.
	 */
	@Transactional
	public Recoded recodePlannedTours(long personId, LocalDate from, LocalDate to, Optional<LocalTime> tourStart,
			Optional<LocalTime> tourEnd, String place) {
		List<Duty> changed = new ArrayList<>();
		List<String> notChanged = new ArrayList<>();
		List<EventDutyQueries.PlannedTour> tours = this.queries.plannedTours(personId, from, to);
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			LocalDate date = day;
			List<EventDutyQueries.PlannedTour> ofDay = tours.stream().filter(t -> t.duty().dutyDate().equals(date)).toList();
			if (ofDay.isEmpty()) {
				notChanged.add(date + ": no planned duty");
				continue;
			}
			String code = eventCode(date);
			for (EventDutyQueries.PlannedTour tour : ofDay) {
				Duty duty = tour.duty();
				if (tour.activityClass() != ActivityClass.ON_WARD) {
					notChanged.add(date + ": " + duty.activityCode() + " (" + tour.activityClass().name().toLowerCase()
							+ ") left as planned");
					continue;
				}
				if (tourStart.isPresent() && tourEnd.isPresent()
						&& !overlaps(duty, NewDuty.ofLocalTimes(personId, DutyKind.PLANNED, date, tourStart.get(), tourEnd.get(),
								Optional.empty(), "", code))) {
					notChanged.add(date + ": the planned tour is outside the deployment's hours");
					continue;
				}
				changed.add(this.duties.change(duty.id(), duty.version(), new NewDuty(personId, DutyKind.PLANNED,
						duty.dutyDate(), duty.startsAt(), duty.endsAt(), Optional.empty(), place, code),
						Optional.of("Exigencies of duty: deployed to a significant event (" + place + ")")));
			}
		}
		return new Recoded(changed, notChanged);
	}

	private String eventCode(LocalDate day) {
		Map<String, Classification> classes = this.duties.classificationOn(day);
		return classes.values()
			.stream()
			.filter(c -> c.activityClass() == ActivityClass.SIGNIFICANT_EVENT)
			.map(Classification::code)
			.sorted()
			.findFirst()
			.orElseThrow(() -> new DomainRuleViolation("no-significant-event-code",
					"The rule set in force on " + day + " has no significant-event activity code."));
	}

	private static boolean overlaps(Duty duty, NewDuty window) {
		return duty.startsAt().isBefore(window.endsAt()) && duty.endsAt().isAfter(window.startsAt());
	}

}
