package org.ringfence.duties.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ringfence.duties.Duty;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.NewDuty;

/**
 * The duty form as typed: every field a string, so what was entered is shown again beside the
 * errors. {@link #read} turns it into a duty or field errors (field name to message, in form order).
 */
public class DutyForm {

	private String serviceNumber = "";

	private String personId = "";

	private String kind = "ACTUAL";

	private String date = "";

	private String start = "";

	private String end = "";

	private String ward = "";

	private String place = "";

	private String activityCode = "";

	private String version = "";

	/** Exigencies of duty: why a published roster's tour inside the notice window changes (else empty). */
	private String reason = "";

	/** The form filled with a stored duty, for changing it. */
	static DutyForm of(Duty duty) {
		DutyForm form = new DutyForm();
		form.personId = Long.toString(duty.personId());
		form.kind = duty.kind().name();
		form.date = duty.dutyDate().toString();
		form.start = duty.startsAt().atZone(NewDuty.LONDON).toLocalTime().toString();
		form.end = duty.endsAt().atZone(NewDuty.LONDON).toLocalTime().toString();
		form.ward = duty.wardCode().orElse("");
		form.place = duty.place();
		form.activityCode = duty.activityCode();
		form.version = Integer.toString(duty.version());
		return form;
	}

	/** The duty's fields other than the person, checked for presence and form; errors go into the map. */
	Optional<NewDuty> read(long person, Map<String, String> errors) {
		Optional<DutyKind> dutyKind = Optional.empty();
		try {
			dutyKind = Optional.of(DutyKind.valueOf(blank(this.kind) ? "" : this.kind.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			errors.put("kind", "Choose planned or actual");
		}
		Optional<LocalDate> day = Optional.empty();
		if (blank(this.date)) {
			errors.put("date", "Enter the date of the duty");
		}
		else {
			try {
				day = Optional.of(LocalDate.parse(this.date.strip()));
				if (day.get().getYear() < 2000 || day.get().getYear() > 2099) {
					// as the CSV import and the API: beyond these years the time arithmetic could overflow
					errors.put("date", "Enter a date in the years 2000 to 2099");
					day = Optional.empty();
				}
			}
			catch (DateTimeParseException ex) {
				errors.put("date", "Enter the date as a real date, for example 2035-03-05");
			}
		}
		Optional<LocalTime> from = time(this.start, "start", "Enter the start time", errors);
		Optional<LocalTime> to = time(this.end, "end", "Enter the end time", errors);
		if (blank(this.activityCode)) {
			errors.put("activityCode", "Choose the activity code");
		}
		if (this.place != null && this.place.strip().length() > 200) {
			errors.put("place", "Where elsewhere must be 200 characters or fewer");
		}
		if (!errors.isEmpty() || dutyKind.isEmpty() || day.isEmpty() || from.isEmpty() || to.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(NewDuty.ofLocalTimes(person, dutyKind.get(), day.get(), from.get(), to.get(),
				blank(this.ward) ? Optional.empty() : Optional.of(this.ward.strip()), this.place,
				this.activityCode.strip()));
	}

	private static Optional<LocalTime> time(String text, String field, String missing, Map<String, String> errors) {
		if (blank(text)) {
			errors.put(field, missing);
			return Optional.empty();
		}
		try {
			return Optional.of(LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip()));
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "Enter the " + field + " time as hours and minutes, for example 07:00");
			return Optional.empty();
		}
	}

	/**
	 * The form field a message of the duty rules (NewDuty.problems, DutyService) is about, so the
	 * error can be shown beside it.
	 */
	static String fieldOf(String field, String message) {
		if (!"duty".equals(field)) {
			return switch (field) {
				case "activityCode", "kind", "date", "start", "end", "ward", "place" -> field;
				case "code" -> "ward";
				default -> "date";
			};
		}
		String text = message.toLowerCase(Locale.ROOT);
		if (text.contains("activity code")) {
			return "activityCode";
		}
		if (text.contains("kind")) {
			return "kind";
		}
		if (text.contains("place")) {
			return "place";
		}
		if (text.contains("duty date") || text.contains("date, start")) {
			return "date";
		}
		return "end";
	}

	/** Field errors of a failed save, in form order. */
	static Map<String, String> ordered(Map<String, String> errors) {
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String field : new String[] { "serviceNumber", "kind", "date", "start", "end", "ward", "place", "activityCode",
				"reason", "version" }) {
			if (errors.containsKey(field)) {
				ordered.put(field, errors.get(field));
			}
		}
		errors.forEach(ordered::putIfAbsent);
		return ordered;
	}

	static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	public String getServiceNumber() {
		return this.serviceNumber;
	}

	public void setServiceNumber(String serviceNumber) {
		this.serviceNumber = serviceNumber;
	}

	public String getPersonId() {
		return this.personId;
	}

	public void setPersonId(String personId) {
		this.personId = personId;
	}

	public String getKind() {
		return this.kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getDate() {
		return this.date;
	}

	public void setDate(String date) {
		this.date = date;
	}

	public String getStart() {
		return this.start;
	}

	public void setStart(String start) {
		this.start = start;
	}

	public String getEnd() {
		return this.end;
	}

	public void setEnd(String end) {
		this.end = end;
	}

	public String getWard() {
		return this.ward;
	}

	public void setWard(String ward) {
		this.ward = ward;
	}

	public String getPlace() {
		return this.place;
	}

	public void setPlace(String place) {
		this.place = place;
	}

	public String getActivityCode() {
		return this.activityCode;
	}

	public void setActivityCode(String activityCode) {
		this.activityCode = activityCode;
	}

	public String getVersion() {
		return this.version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
