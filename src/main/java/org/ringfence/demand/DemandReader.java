package org.ringfence.demand;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ringfence.demand.domain.DemandKind;
import org.ringfence.demand.domain.LondonTime;
import org.ringfence.demand.domain.Period;
import org.ringfence.demand.persistence.DemandReadQueries;
import org.ringfence.demand.persistence.DemandReadQueries.MonthTotal;
import org.ringfence.demand.persistence.DemandReadQueries.WardCalls;

import org.springframework.stereotype.Component;

/**
 * Adds up the records behind a period for a set of wards: whole months from the monthly totals
 * (one source per measure per ward and month, {@link DemandKind#counts}), parts of months at the
 * ends from the timed calls.
 */
@Component
class DemandReader {

	/** A sum of records and of their weights. */
	static final class Sum {

		long records;

		BigDecimal weighted = BigDecimal.ZERO;

		long untimedRecords;

		BigDecimal untimedWeighted = BigDecimal.ZERO;

		void add(long records, BigDecimal weighted, boolean timed) {
			this.records += records;
			this.weighted = this.weighted.add(weighted);
			if (!timed) {
				this.untimedRecords += records;
				this.untimedWeighted = this.untimedWeighted.add(weighted);
			}
		}

	}

	/** What a record's sum is filed under. */
	@FunctionalInterface
	interface Key {

		String of(String wardCode, YearMonth month);

	}

	private final DemandReadQueries queries;

	DemandReader(DemandReadQueries queries) {
		this.queries = queries;
	}

	static Instant start(LocalDate day) {
		return day.atStartOfDay(LondonTime.LONDON).toInstant();
	}

	static Instant end(LocalDate lastDay) {
		return lastDay.plusDays(1).atStartOfDay(LondonTime.LONDON).toInstant();
	}

	/**
	 * The records of the kind in the period at the wards, summed under the keys given. Whether any
	 * record counted carries a weight other than 1 goes in {@code weighted[0]}.
	 */
	Map<String, Sum> sums(Collection<String> wards, Period period, DemandKind kind, Key key) {
		Map<String, Sum> sums = new HashMap<>();
		Optional<YearMonth[]> whole = period.wholeMonths();
		if (whole.isPresent()) {
			List<MonthTotal> rows = this.queries.monthTotals(wards, whole.get()[0].atDay(1), whole.get()[1].atDay(1));
			Map<String, Integer> held = new HashMap<>();
			for (MonthTotal row : rows) {
				int flag = row.source().equals("mps") ? 1 : row.source().startsWith("cad") ? 2 : 0;
				if (flag != 0) {
					held.merge(row.wardCode() + row.month(), flag, (a, b) -> a | b);
				}
			}
			for (MonthTotal row : rows) {
				int flags = held.getOrDefault(row.wardCode() + row.month(), 0);
				if (kind.counts(row.source(), row.asb(), (flags & 1) != 0, (flags & 2) != 0)) {
					sums.computeIfAbsent(key.of(row.wardCode(), YearMonth.from(row.month())), k -> new Sum())
						.add(row.records(), row.weighted(), row.source().startsWith("cad"));
				}
			}
		}
		for (Period.Part part : period.parts()) {
			for (WardCalls calls : this.queries.callsByWard(wards, start(part.from()), end(part.to()))) {
				if (kind.countsCall(calls.asb())) {
					sums.computeIfAbsent(key.of(calls.wardCode(), part.month()), k -> new Sum())
						.add(calls.calls(), calls.weighted(), true);
				}
			}
		}
		return sums;
	}

	/** The weighted calls of the kind in the period at the wards by hour of the week (168). */
	BigDecimal[] hours(Collection<String> wards, Period period, DemandKind kind) {
		BigDecimal[] hours = new BigDecimal[168];
		java.util.Arrays.fill(hours, BigDecimal.ZERO);
		if (kind == DemandKind.TNO) {
			return hours;
		}
		Map<Short, BigDecimal> weights = this.queries.weights();
		Set<Short> asb = this.queries.asbCategories();
		for (DemandReadQueries.HourCount count : this.queries.callsByHour(wards, start(period.from()), end(period.to()))) {
			if (kind.countsCall(asb.contains(count.categoryId()))) {
				BigDecimal weight = weights.getOrDefault(count.categoryId(), BigDecimal.ONE);
				hours[count.hourOfWeek()] = hours[count.hourOfWeek()].add(weight.multiply(BigDecimal.valueOf(count.calls())));
			}
		}
		return hours;
	}

	/** Records held in the whole months of the period by source, before the one-source rule. */
	Map<String, Long> recordsBySource(Collection<String> wards, Period period) {
		Map<String, Long> records = new java.util.TreeMap<>();
		period.wholeMonths().ifPresent(whole -> {
			for (Object[] row : this.queries.recordsBySource(wards, whole[0].atDay(1), whole[1].atDay(1))) {
				records.put((String) row[0], (Long) row[1]);
			}
		});
		return records;
	}

	/** Whether any category carries a weight other than 1. */
	boolean anyWeight() {
		return this.queries.weights().values().stream().anyMatch(w -> w.compareTo(BigDecimal.ONE) != 0);
	}

	/** The first and last months holding records. */
	Optional<LocalDate[]> monthsHeld() {
		return this.queries.monthsHeld();
	}

	static Map<String, Sum> empty() {
		return new HashMap<>();
	}

}
