package org.ringfence.allocation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.demand.WardDemand;
import org.ringfence.demand.WardDemandFigures;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The demand of each ward, from the demand module's {@link WardDemand} when the installation has
 * one. Absent, or with nothing recorded for the period, it refuses with 422 and says what to import:
 * allocation never guesses demand.
 */
@Component
class DemandData {

	static final String NO_DEMAND = "no-demand-data";

	private final ObjectProvider<WardDemand> demand;

	DemandData(ObjectProvider<WardDemand> demand) {
		this.demand = demand;
	}

	/**
	 * Each ward's figures by ward code.
	 * @param borough a borough, or all London when empty
	 * @param scope how to name the area in a refusal ("Camden", "all London")
	 */
	Map<String, WardDemandFigures> figures(Optional<String> borough, LocalDate from, LocalDate to, String scope) {
		checkPeriod(from, to);
		WardDemand source = this.demand.getIfAvailable();
		if (source == null) {
			throw noData(scope, from, to, "this installation has no demand data yet");
		}
		List<WardDemandFigures> figures = source.figures(borough, from, to);
		Map<String, WardDemandFigures> byWard = new LinkedHashMap<>();
		boolean any = false;
		for (WardDemandFigures f : figures) {
			byWard.put(f.wardCode(), f);
			any |= f.tno() > 0 || f.asb() > 0 || f.calls() > 0;
		}
		if (!any) {
			throw noData(scope, from, to, "nothing is recorded in that period");
		}
		return byWard;
	}

	static DomainRuleViolation noData(String scope, LocalDate from, LocalDate to, String why) {
		String message = "No demand data for " + scope + " from " + from + " to " + to + " (import crime or calls first): "
				+ why + ".";
		return new DomainRuleViolation(NO_DEMAND, message, List.of(message));
	}

	static void checkPeriod(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidInput("The period ends before it starts.", List.of(new InvalidInput.FieldError("to",
					"on or after from")));
		}
		if (from.plusYears(5).isBefore(to)) {
			throw new InvalidInput("The period is longer than 5 years.", List.of(new InvalidInput.FieldError("to",
					"at most 5 years after from")));
		}
	}

	/** The last twelve complete months before today. */
	static LocalDate[] lastTwelveMonths(LocalDate today) {
		LocalDate firstOfMonth = today.withDayOfMonth(1);
		return new LocalDate[] { firstOfMonth.minusMonths(12), firstOfMonth.minusDays(1) };
	}

}
