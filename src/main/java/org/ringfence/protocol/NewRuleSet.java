package org.ringfence.protocol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A rule set an administrator adds, checked for what can be checked on its own. */
public record NewRuleSet(String name, LocalDate effectiveFrom, String note, String source, int minConstables,
		int minPcsos, boolean withinBoroughOnly, int maxFlexDays, int reviewAfterDays, int fairnessWindowDays,
		double fairnessMaxToMean) {

	/** What is wrong with it, one message a problem; empty when nothing is. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.name == null || this.name.isBlank() || this.name.strip().length() > 100) {
			problems.add("name: 1-100 characters");
		}
		if (this.effectiveFrom == null) {
			problems.add("effectiveFrom: required");
		}
		if (this.minConstables < 0 || this.minConstables > 20) {
			problems.add("minConstables: 0-20");
		}
		if (this.minPcsos < 0 || this.minPcsos > 20) {
			problems.add("minPcsos: 0-20");
		}
		if (this.maxFlexDays < 1 || this.maxFlexDays > 366) {
			problems.add("maxFlexDays: 1-366");
		}
		if (this.reviewAfterDays < 1 || this.reviewAfterDays > this.maxFlexDays) {
			problems.add("reviewAfterDays: 1 up to maxFlexDays");
		}
		if (this.fairnessWindowDays < 7 || this.fairnessWindowDays > 366) {
			problems.add("fairnessWindowDays: 7-366");
		}
		if (!(this.fairnessMaxToMean >= 1.0 && this.fairnessMaxToMean <= 100)) {
			problems.add("fairnessMaxToMean: 1-100");
		}
		return problems;
	}

}
