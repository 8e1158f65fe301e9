package org.ringfence.performance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.performance.domain.Quarter;
import org.ringfence.performance.domain.RowError;
import org.ringfence.performance.domain.Significance;
import org.ringfence.performance.domain.Significance.Comparison;
import org.ringfence.performance.domain.SurveyCsv;
import org.ringfence.performance.persistence.SurveyQueries;
import org.ringfence.platform.Actor;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.StateChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly public attitude survey results per borough (and ward where sampled): import, and the
 * outcomes of an area with their significance flags quarter on quarter and year on year. A force
 * or BCU figure pools its boroughs' samples (positives and sample sizes summed); a ward's figure is
 * its own sample where it was sampled, else its borough's (said in {@code source}).
 */
@Service
public class Surveys {

	private final SurveyQueries queries;

	private final GeographyService geography;

	private final Areas areas;

	private final PerformanceProperties properties;

	private final ApplicationEventPublisher events;

	Surveys(SurveyQueries queries, GeographyService geography, Areas areas, PerformanceProperties properties,
			ApplicationEventPublisher events) {
		this.queries = queries;
		this.geography = geography;
		this.areas = areas;
		this.properties = properties;
		this.events = events;
	}

	public record Imported(int rows, List<String> periods, int areas) {
	}

	public Significance significance() {
		return new Significance(this.properties.confidence(), this.properties.minCount());
	}

	/** The sample rule and confidence level in words, for pages and reports. */
	public String rule() {
		Significance s = significance();
		return "Changes are tested with a pooled two-proportion z-test at " + Math.round(s.confidence() * 1000) / 10.0
				+ "% confidence (flagged when the two-sided p-value is below " + Math.round((1 - s.confidence()) * 1000) / 1000.0
				+ "); a change is never flagged unless each sample holds at least " + s.minCount()
				+ " positive and " + s.minCount() + " negative answers (n·p ≥ " + s.minCount() + " and n·(1−p) ≥ "
				+ s.minCount() + ").";
	}

	public List<SurveyQueries.Question> questions() {
		return this.queries.questions();
	}

	@Transactional
	public Imported importCsv(byte[] content) {
		Map<String, String> boroughOfArea = new HashMap<>();
		for (BoroughSummary b : this.geography.boroughs()) {
			boroughOfArea.put(b.code(), b.code());
		}
		Set<String> wards = this.geography.wardNames().keySet();
		Set<String> questions = this.queries.questions().stream().map(SurveyQueries.Question::code).collect(Collectors.toSet());
		SurveyCsv.Parsed parsed = SurveyCsv.parse(content, a -> boroughOfArea.containsKey(a) || wards.contains(a), questions);
		if (!parsed.errors().isEmpty()) {
			List<RowError> errors = parsed.errors();
			throw new InvalidInput("The file has " + errors.size() + " problem(s); nothing was imported.", errors.stream()
				.map(e -> new InvalidInput.FieldError("line " + e.line() + (e.column().isEmpty() ? "" : ", column " + e.column()),
						e.reason()))
				.toList(), Map.of("problems", errors.size()));
		}
		if (parsed.results().isEmpty()) {
			throw new InvalidInput("The file has no rows.", List.of(new InvalidInput.FieldError("line 2", "no rows")));
		}
		List<SurveyQueries.Stored> rows = new ArrayList<>();
		for (SurveyCsv.Result r : parsed.results()) {
			boolean borough = boroughOfArea.containsKey(r.areaCode());
			String boroughCode = borough ? r.areaCode() : this.geography.placeOfWard(r.areaCode()).boroughCode();
			rows.add(new SurveyQueries.Stored(r.period().toString(), borough ? "BOROUGH" : "WARD", r.areaCode(), boroughCode,
					r.question(), r.positives(), r.sampleSize(), false));
		}
		this.queries.upsert(rows, Actor.current());
		List<String> periods = rows.stream().map(SurveyQueries.Stored::period).distinct().sorted().toList();
		int areaCount = (int) rows.stream().map(SurveyQueries.Stored::areaCode).distinct().count();
		this.events.publishEvent(StateChange.changed("survey results imported", "survey results", String.join(",", periods),
				null, Map.of(), Map.of("rows", rows.size(), "periods", periods, "areas", areaCount)));
		return new Imported(rows.size(), periods, areaCount);
	}

	/** Outcomes of an area the caller may read, for a quarter (default: the latest held). */
	@Transactional(readOnly = true)
	public List<SurveyOutcome> outcomes(Area.Level level, Optional<String> code, Optional<Quarter> quarter) {
		Area area = this.areas.readable(level, code);
		Quarter q = quarter.orElseGet(() -> latest().orElse(Quarter.of(java.time.YearMonth.now())));
		return outcomes(area, q);
	}

	public Optional<Quarter> latest() {
		List<String> periods = this.queries.periods();
		return periods.isEmpty() ? Optional.empty() : Optional.of(Quarter.parse(periods.get(periods.size() - 1)));
	}

	/** Outcomes of an area for a quarter (no scope check: callers check). */
	@Transactional(readOnly = true)
	public List<SurveyOutcome> outcomes(Area area, Quarter q) {
		List<Quarter> wanted = List.of(q, q.previous(), q.yearBefore());
		List<SurveyQueries.Stored> stored = this.queries.of(area.boroughCodes(),
				wanted.stream().map(Quarter::toString).toList());
		return outcomes(area, q, stored, this.queries.questions());
	}

	/**
	 * The outcomes of each of some areas (boroughs or BCUs, no wards) for a quarter, read in one
	 * query: the same figures as {@link #outcomes(Area, Quarter)} area by area (no scope check).
	 */
	@Transactional(readOnly = true)
	public Map<String, List<SurveyOutcome>> outcomesOfEach(List<Area> areas, Quarter q) {
		List<Quarter> wanted = List.of(q, q.previous(), q.yearBefore());
		List<String> boroughs = areas.stream().flatMap(a -> a.boroughCodes().stream()).distinct().toList();
		List<SurveyQueries.Stored> stored = this.queries.of(boroughs, wanted.stream().map(Quarter::toString).toList());
		List<SurveyQueries.Question> questions = this.queries.questions();
		Map<String, List<SurveyOutcome>> out = new LinkedHashMap<>();
		for (Area area : areas) {
			if (area.wardCode().isPresent()) {
				throw new IllegalArgumentException("outcomesOfEach takes boroughs or BCUs, not wards");
			}
			Set<String> mine = Set.copyOf(area.boroughCodes());
			out.put(area.code(), outcomes(area, q, stored.stream().filter(s -> mine.contains(s.boroughCode())).toList(),
					questions));
		}
		return out;
	}

	private List<SurveyOutcome> outcomes(Area area, Quarter q, List<SurveyQueries.Stored> stored,
			List<SurveyQueries.Question> questions) {
		List<Quarter> wanted = List.of(q, q.previous(), q.yearBefore());
		Significance test = significance();
		List<SurveyOutcome> out = new ArrayList<>();
		for (SurveyQueries.Question question : questions) {
			Map<Quarter, Pooled> figures = new LinkedHashMap<>();
			for (Quarter period : wanted) {
				pooled(area, stored, question.code(), period.toString()).ifPresent(p -> figures.put(period, p));
			}
			Pooled now = figures.get(q);
			if (now == null) {
				out.add(new SurveyOutcome(question.code(), question.label(), question.outcome(), question.higherIsBetter(),
						q.toString(), Optional.empty(), 0, false, "no result", Optional.empty(), Optional.empty(),
						"no result for " + q));
				continue;
			}
			Optional<Comparison> qoq = Optional.ofNullable(figures.get(q.previous())).map(p -> test.compare(p.sample(), now.sample()));
			Optional<Comparison> yoy = Optional.ofNullable(figures.get(q.yearBefore())).map(p -> test.compare(p.sample(), now.sample()));
			out.add(new SurveyOutcome(question.code(), question.label(), question.outcome(), question.higherIsBetter(),
					q.toString(), Optional.of(Math.round(now.sample().proportion() * 10_000) / 10_000.0), now.sample().size(),
					now.synthetic(), now.source(), qoq, yoy, assessment(question.higherIsBetter(), qoq, yoy)));
		}
		return out;
	}

	record Pooled(Significance.Sample sample, boolean synthetic, String source) {
	}

	private static Optional<Pooled> pooled(Area area, List<SurveyQueries.Stored> stored, String question, String period) {
		if (area.wardCode().isPresent()) {
			Optional<SurveyQueries.Stored> ward = stored.stream()
				.filter(s -> s.question().equals(question) && s.period().equals(period) && s.areaCode().equals(area.wardCode().get()))
				.findFirst();
			if (ward.isPresent()) {
				return Optional.of(new Pooled(new Significance.Sample(ward.get().positives(), ward.get().sampleSize()),
						ward.get().synthetic(), "ward sample"));
			}
		}
		List<SurveyQueries.Stored> boroughs = stored.stream()
			.filter(s -> s.question().equals(question) && s.period().equals(period) && s.areaType().equals("BOROUGH"))
			.toList();
		if (boroughs.isEmpty()) {
			return Optional.empty();
		}
		long positives = boroughs.stream().mapToLong(SurveyQueries.Stored::positives).sum();
		long size = boroughs.stream().mapToLong(SurveyQueries.Stored::sampleSize).sum();
		String source = area.level() == Area.Level.WARD ? "borough sample (ward not sampled)"
				: boroughs.size() == 1 ? "borough sample" : boroughs.size() + " boroughs pooled";
		return Optional.of(new Pooled(new Significance.Sample(positives, size),
				boroughs.stream().anyMatch(SurveyQueries.Stored::synthetic), source));
	}

	static String assessment(boolean higherIsBetter, Optional<Comparison> qoq, Optional<Comparison> yoy) {
		if (qoq.isEmpty() && yoy.isEmpty()) {
			return "no earlier result";
		}
		List<String> parts = new ArrayList<>();
		for (var entry : List.of(Map.entry("quarter on quarter", qoq), Map.entry("year on year", yoy))) {
			if (entry.getValue().isEmpty()) {
				continue;
			}
			Comparison c = entry.getValue().get();
			if (!c.tested()) {
				parts.add("sample too small " + entry.getKey());
			}
			else if (c.significant()) {
				boolean good = (c.change() > 0) == higherIsBetter;
				parts.add((good ? "better " : "worse ") + entry.getKey());
			}
		}
		return parts.isEmpty() ? "no significant change" : String.join("; ", parts);
	}

	/** Demo data: synthetic results for every borough for the 8 quarters ending with the given one. */
	@Transactional
	public int loadSynthetic(Quarter last) {
		List<SurveyQueries.Stored> rows = new ArrayList<>();
		Map<String, Double> base = Map.of("satisfaction", 0.62, "asb_concern", 0.28, "feel_safe", 0.78,
				"understand_priorities", 0.66, "deal_with_priorities", 0.58, "know_ward_officer", 0.31);
		List<Quarter> quarters = new ArrayList<>();
		Quarter q = last;
		for (int i = 0; i < 8; i++) {
			quarters.add(0, q);
			q = q.previous();
		}
		for (BoroughSummary b : this.geography.boroughs()) {
			int h = Math.abs(b.code().hashCode());
			double boroughShift = ((h % 11) - 5) / 100.0;
			for (int i = 0; i < quarters.size(); i++) {
				for (Map.Entry<String, Double> e : base.entrySet()) {
					int g = Math.abs((b.code() + quarters.get(i) + e.getKey()).hashCode());
					double trend = (e.getKey().equals("asb_concern") ? -0.004 : 0.004) * i;
					double noise = ((g % 61) - 30) / 1000.0;
					double p = Math.max(0.02, Math.min(0.98, e.getValue() + boroughShift + trend + noise));
					int sample = 380 + (g % 7) * 20;
					rows.add(new SurveyQueries.Stored(quarters.get(i).toString(), "BOROUGH", b.code(), b.code(), e.getKey(),
							Math.round(p * sample), sample, true));
				}
			}
		}
		this.queries.upsert(rows, "system");
		return rows.size();
	}

}
