package org.ringfence.demand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.demand.domain.DemandKind;
import org.ringfence.demand.domain.Period;
import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardDetail;
import org.ringfence.geography.WardSummary;
import org.ringfence.platform.InvalidInput;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demand profiles (hour of the week and month) of a ward, cluster, borough or all London, and the
 * ranking of wards by demand. Demand data is not personal: any reader may see any place.
 */
@Service
public class DemandProfiles implements HourOfWeekDemand {

	private final DemandReader reader;

	private final GeographyService geography;

	private final org.ringfence.platform.Metrics metrics;

	DemandProfiles(DemandReader reader, GeographyService geography, org.ringfence.platform.Metrics metrics) {
		this.reader = reader;
		this.geography = geography;
		this.metrics = metrics;
	}

	/** Where a profile is for: the scope and its wards. */
	public record Place(DemandProfile.Scope scope, List<String> wards) {
	}

	/** The place named by at most one of ward, cluster and borough; all London when none. */
	@Transactional(readOnly = true)
	public Place place(Optional<String> ward, Optional<String> cluster, Optional<String> borough) {
		int given = (ward.isPresent() ? 1 : 0) + (cluster.isPresent() ? 1 : 0) + (borough.isPresent() ? 1 : 0);
		if (given > 1) {
			throw new InvalidInput("Name one of ward, cluster and borough (or none for all London).",
					List.of(new InvalidInput.FieldError("ward/cluster/borough", "more than one given")));
		}
		if (ward.isPresent()) {
			WardDetail detail = this.geography.ward(ward.get());
			return new Place(new DemandProfile.Scope("ward", detail.code(), detail.name(), 1), List.of(detail.code()));
		}
		if (cluster.isPresent()) {
			ClusterSummary summary = this.geography.cluster(cluster.get());
			return new Place(new DemandProfile.Scope("cluster", summary.id(), summary.name(), summary.wardCodes().size()),
					List.copyOf(summary.wardCodes()));
		}
		if (borough.isPresent()) {
			BoroughSummary summary = this.geography.borough(borough.get());
			List<String> wards = this.geography.wards(borough).stream().map(WardSummary::code).toList();
			return new Place(new DemandProfile.Scope("borough", summary.code(), summary.name(), wards.size()), wards);
		}
		List<String> wards = this.geography.wards(Optional.empty()).stream().map(WardSummary::code).toList();
		return new Place(new DemandProfile.Scope("london", null, "London", wards.size()), wards);
	}

	/**
	 * The period asked for, or by default the twelve months up to the last month holding records
	 * (months after this one do not count; the last twelve complete months when nothing is held).
	 */
	@Transactional(readOnly = true)
	public Period period(Optional<LocalDate> from, Optional<LocalDate> to) {
		LocalDate end = to.orElseGet(() -> this.reader.monthsHeld()
			.map(held -> YearMonth.from(held[1]).atEndOfMonth())
			.orElse(YearMonth.now(org.ringfence.demand.domain.LondonTime.LONDON).minusMonths(1).atEndOfMonth()));
		LocalDate start = from.orElse(YearMonth.from(end).minusMonths(11).atDay(1));
		try {
			return new Period(start, end);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("The period is not valid: " + ex.getMessage() + ".",
					List.of(new InvalidInput.FieldError("from/to", ex.getMessage())));
		}
	}

	@Transactional(readOnly = true)
	public DemandProfile profile(Place place, Period period, DemandKind kind) {
		return this.metrics.report("demand-profile", () -> build(place, period, kind));
	}

	private DemandProfile build(Place place, Period period, DemandKind kind) {
		Map<String, DemandReader.Sum> months = this.reader.sums(place.wards(), period, kind,
				(ward, month) -> month.toString());
		BigDecimal total = BigDecimal.ZERO;
		BigDecimal untimed = BigDecimal.ZERO;
		List<DemandProfile.Month> byMonth = new ArrayList<>();
		for (YearMonth month : period.monthsTouched()) {
			DemandReader.Sum sum = months.get(month.toString());
			BigDecimal value = sum == null ? BigDecimal.ZERO : sum.weighted;
			total = total.add(value);
			untimed = untimed.add(sum == null ? BigDecimal.ZERO : sum.untimedWeighted);
			byMonth.add(new DemandProfile.Month(month.toString(), value.doubleValue()));
		}
		BigDecimal[] hours = this.reader.hours(place.wards(), period, kind);
		double[] hourOfWeek = new double[168];
		for (int h = 0; h < 168; h++) {
			hourOfWeek[h] = hours[h].doubleValue();
		}
		return new DemandProfile(place.scope(), period.from(), period.to(), kind.code(), total.doubleValue(),
				untimed.doubleValue(), hourOfWeek, byMonth, this.reader.recordsBySource(place.wards(), period),
				this.reader.anyWeight());
	}

	@Override
	@Transactional(readOnly = true)
	public HourOfWeek hourOfWeek(List<String> wardCodes, LocalDate from, LocalDate to) {
		Period period = period(Optional.ofNullable(from), Optional.ofNullable(to));
		BigDecimal[] hours = this.reader.hours(List.copyOf(wardCodes), period, DemandKind.ALL);
		double[] values = new double[168];
		for (int h = 0; h < 168; h++) {
			values[h] = hours[h].doubleValue();
		}
		return new HourOfWeek(period.from(), period.to(), from == null || to == null, values);
	}

	/** Every ward of a borough (all London when empty), most demand first; wards without records included. */
	@Transactional(readOnly = true)
	public List<WardRank> ranking(Optional<String> borough, Period period, DemandKind kind) {
		List<WardSummary> wards = this.geography.wards(borough);
		Map<String, DemandReader.Sum> sums = this.reader.sums(wards.stream().map(WardSummary::code).toList(), period,
				kind, (ward, month) -> ward);
		List<WardRank> unranked = new ArrayList<>();
		Map<String, String> names = new java.util.HashMap<>();
		for (WardSummary ward : wards) {
			names.put(ward.code(), ward.name());
			DemandReader.Sum sum = sums.get(ward.code());
			double total = sum == null ? 0 : sum.weighted.doubleValue();
			double untimed = sum == null ? 0 : sum.untimedWeighted.doubleValue();
			Double perThousand = ward.population() == null || ward.population() == 0 ? null
					: Math.round(total * 1000.0 / ward.population() * 100) / 100.0;
			unranked.add(new WardRank(0, ward.code(), ward.name(), ward.boroughCode(), total, untimed, ward.population(),
					perThousand));
		}
		unranked.sort(Comparator.comparingDouble(WardRank::total).reversed().thenComparing(WardRank::wardCode));
		List<WardRank> ranked = new ArrayList<>(unranked.size());
		for (int i = 0; i < unranked.size(); i++) {
			WardRank r = unranked.get(i);
			ranked.add(new WardRank(i + 1, r.wardCode(), r.wardName(), r.boroughCode(), r.total(), r.untimed(),
					r.population(), r.perThousandResidents()));
		}
		return ranked;
	}

}
