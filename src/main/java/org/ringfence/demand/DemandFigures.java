package org.ringfence.demand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.demand.domain.DemandKind;
import org.ringfence.demand.domain.Period;
import org.ringfence.demand.persistence.LocalFactorQueries;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;
import org.ringfence.platform.InvalidInput;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link WardDemand} for the modules that place officers by demand: each ward's recorded crime,
 * ASB and calls over a period as counts of records (category weights are for profiles and do not
 * apply here), with the same rules as the profiles (one source per measure per ward and month;
 * records known only by their month count when the period covers their whole month), and its local
 * factors scaled to the period.
 */
@Service
public class DemandFigures implements WardDemand {

	private final DemandReader reader;

	private final GeographyService geography;

	private final LocalFactorQueries factors;

	DemandFigures(DemandReader reader, GeographyService geography, LocalFactorQueries factors) {
		this.reader = reader;
		this.geography = geography;
		this.factors = factors;
	}

	@Override
	@Transactional(readOnly = true)
	public List<WardDemandFigures> figures(Optional<String> boroughCode, LocalDate from, LocalDate to) {
		Period period;
		try {
			period = new Period(from, to);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("The period is not valid: " + ex.getMessage() + ".",
					List.of(new InvalidInput.FieldError("from/to", ex.getMessage())));
		}
		List<String> wards = this.geography.wards(boroughCode)
			.stream()
			.map(WardSummary::code)
			.sorted()
			.toList();
		Map<String, DemandReader.Sum> tno = this.reader.sums(wards, period, DemandKind.TNO, (ward, month) -> ward);
		Map<String, DemandReader.Sum> asb = this.reader.sums(wards, period, DemandKind.ASB, (ward, month) -> ward);
		Map<String, DemandReader.Sum> calls = this.reader.sums(wards, period, DemandKind.CALLS, (ward, month) -> ward);
		Map<String, BigDecimal> factorSums = this.factors.sums(wards);
		double months = period.months();
		List<WardDemandFigures> figures = new ArrayList<>(wards.size());
		for (String ward : wards) {
			double localFactors = factorSums.getOrDefault(ward, BigDecimal.ZERO).doubleValue() * months;
			figures.add(new WardDemandFigures(ward, records(tno, ward), records(asb, ward), records(calls, ward),
					Math.round(localFactors * 1000) / 1000.0));
		}
		return figures;
	}

	private static long records(Map<String, DemandReader.Sum> sums, String ward) {
		DemandReader.Sum sum = sums.get(ward);
		return sum == null ? 0 : sum.records;
	}

}
