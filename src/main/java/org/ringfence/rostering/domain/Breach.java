package org.ringfence.rostering.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * Why a rule was broken, in words: the officer (when one is concerned), the dates, and a sentence.
 */
public record Breach(Optional<Long> personId, Optional<String> officer, List<LocalDate> dates, String detail)
		implements ConstraintJustification {

	public Breach {
		personId = personId == null ? Optional.empty() : personId;
		officer = officer == null ? Optional.empty() : officer;
		dates = dates.stream().distinct().sorted().toList();
	}

	static Breach of(Officer officer, List<LocalDate> dates, String detail) {
		return new Breach(Optional.of(officer.personId()), Optional.of(officer.name()), dates, detail);
	}

	static Breach of(List<LocalDate> dates, String detail) {
		return new Breach(Optional.empty(), Optional.empty(), dates, detail);
	}

}
