package org.ringfence.performance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The survey results CSV: columns {@code period} (2024-Q1), {@code area_code} (a borough E09... or
 * a sampled ward E05...), {@code question} (a question code, e.g. {@code satisfaction}),
 * {@code sample_size}, and either {@code positives} (a whole number of positive answers) or
 * {@code proportion} (0..1, or a percentage 0..100 with a % sign). A proportion is turned into
 * positives by rounding proportion × sample to the nearest whole answer.
 */
public final class SurveyCsv {

	public static final List<String> COLUMNS = List.of("period", "area_code", "question", "proportion", "positives",
			"sample_size");

	private SurveyCsv() {
	}

	public record Result(long line, Quarter period, String areaCode, String question, int positives, int sampleSize) {
	}

	public record Parsed(List<Result> results, List<RowError> errors) {
	}

	public static Parsed parse(byte[] content, Predicate<String> knownArea, Set<String> questions) {
		CsvTable table = CsvTable.read(content, new LinkedHashSet<>(COLUMNS), Set.of("period", "area_code", "question",
				"sample_size"));
		List<RowError> errors = new ArrayList<>(table.errors());
		List<Result> results = new ArrayList<>();
		Map<List<Object>, Long> seen = new HashMap<>();
		for (CsvTable.Row row : table.rows()) {
			int before = errors.size();
			Quarter period = null;
			try {
				period = Quarter.parse(row.get("period"));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new RowError(row.line(), "period", "must look like 2024-Q1"));
			}
			String area = row.get("area_code").toUpperCase(Locale.ROOT);
			if (!knownArea.test(area)) {
				errors.add(new RowError(row.line(), "area_code", "not a borough or ward code: " + CsvTable.shorten(area)));
			}
			String question = row.get("question").toLowerCase(Locale.ROOT);
			if (!questions.contains(question)) {
				errors.add(new RowError(row.line(), "question", "unknown question " + CsvTable.shorten(question)
						+ "; the questions are " + String.join(", ", questions.stream().sorted().toList())));
			}
			Integer sample = null;
			try {
				sample = Integer.parseInt(row.get("sample_size"));
				if (sample <= 0 || sample > 1_000_000) {
					errors.add(new RowError(row.line(), "sample_size", "must be between 1 and 1000000"));
					sample = null;
				}
			}
			catch (NumberFormatException ex) {
				errors.add(new RowError(row.line(), "sample_size", "not a whole number: " + CsvTable.shorten(row.get("sample_size"))));
			}
			String positivesText = row.get("positives");
			String proportionText = row.get("proportion");
			Integer positives = null;
			if (!positivesText.isEmpty() && !proportionText.isEmpty()) {
				errors.add(new RowError(row.line(), "positives", "give positives or proportion, not both"));
			}
			else if (!positivesText.isEmpty()) {
				try {
					positives = Integer.parseInt(positivesText);
					if (positives < 0 || (sample != null && positives > sample)) {
						errors.add(new RowError(row.line(), "positives", "must be between 0 and the sample size"));
					}
				}
				catch (NumberFormatException ex) {
					errors.add(new RowError(row.line(), "positives", "not a whole number: " + CsvTable.shorten(positivesText)));
				}
			}
			else if (!proportionText.isEmpty()) {
				try {
					boolean percent = proportionText.endsWith("%");
					BigDecimal value = new BigDecimal(percent ? proportionText.substring(0, proportionText.length() - 1).strip()
							: proportionText);
					double p = percent ? value.doubleValue() / 100 : value.doubleValue();
					if (p < 0 || p > 1) {
						errors.add(new RowError(row.line(), "proportion", "must be between 0 and 1 (or 0% and 100%)"));
					}
					else if (sample != null) {
						positives = (int) Math.round(p * sample);
					}
				}
				catch (NumberFormatException ex) {
					errors.add(new RowError(row.line(), "proportion", "not a number: " + CsvTable.shorten(proportionText)));
				}
			}
			else {
				errors.add(new RowError(row.line(), "positives", "give positives or proportion"));
			}
			if (errors.size() > before) {
				continue;
			}
			Long first = seen.putIfAbsent(List.of(period, area, question), row.line());
			if (first != null) {
				errors.add(new RowError(row.line(), "", "the same period, area and question as line " + first));
				continue;
			}
			results.add(new Result(row.line(), period, area, question, positives, sample));
		}
		return new Parsed(results, errors);
	}

}
