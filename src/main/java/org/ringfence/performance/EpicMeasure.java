package org.ringfence.performance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The EPIC measures counted monthly per team (the same list as table performance.epic_measure). */
public enum EpicMeasure {

	ARRESTS(EpicCategory.ENFORCEMENT, "Arrests"), WARRANTS_EXECUTED(EpicCategory.ENFORCEMENT, "Warrants executed"),
	ASBOS_INJUNCTIONS(EpicCategory.ENFORCEMENT, "ASBOs and injunctions"),
	ASB_LETTERS(EpicCategory.PREVENTION, "ASB letters"), HOME_VISITS(EpicCategory.PREVENTION, "Home visits"),
	ABCS(EpicCategory.PREVENTION, "Acceptable behaviour contracts"),
	CRIME_PREVENTION_VISITS(EpicCategory.PREVENTION, "Crime prevention visits"),
	INTELLIGENCE_SUBMISSIONS(EpicCategory.INTELLIGENCE, "Intelligence submissions"),
	KEY_INDIVIDUAL_CONTACTS(EpicCategory.INTELLIGENCE, "Key-individual contacts"),
	MEETINGS_HELD(EpicCategory.COMMUNICATION, "Meetings held"),
	MEETING_ATTENDANCE(EpicCategory.COMMUNICATION, "Meeting attendance (people)"),
	STREET_BRIEFINGS(EpicCategory.COMMUNICATION, "Street briefings"), NEWSLETTERS(EpicCategory.COMMUNICATION, "Newsletters"),
	VICTIM_VISITS(EpicCategory.COMMUNICATION, "Victim visits"),
	PARTNERSHIP_WORK(EpicCategory.COMMUNICATION, "Partnership work");

	private static final java.util.Map<String, EpicMeasure> BY_CODE = Arrays.stream(values())
		.collect(java.util.stream.Collectors.toUnmodifiableMap(EpicMeasure::code, m -> m));

	private final EpicCategory category;

	private final String label;

	private final String code;

	EpicMeasure(EpicCategory category, String label) {
		this.category = category;
		this.label = label;
		this.code = name().toLowerCase(Locale.ROOT);
	}

	public EpicCategory category() {
		return this.category;
	}

	public String label() {
		return this.label;
	}

	/** The code used in the API, the CSV import and the database, e.g. "arrests". */
	public String code() {
		return this.code;
	}

	public static Optional<EpicMeasure> ofCode(String code) {
		String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
		return Optional.ofNullable(BY_CODE.get(wanted));
	}

	/** Whether the measure counts people rather than activities (left out of activity totals). */
	public boolean countsPeople() {
		return this == MEETING_ATTENDANCE;
	}

}
