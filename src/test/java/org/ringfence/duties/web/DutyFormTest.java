package org.ringfence.duties.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.NewDuty;

import static org.assertj.core.api.Assertions.assertThat;

class DutyFormTest {

	private static DutyForm form(String kind, String date, String start, String end, String ward, String code) {
		DutyForm form = new DutyForm();
		form.setKind(kind);
		form.setDate(date);
		form.setStart(start);
		form.setEnd(end);
		form.setWard(ward);
		form.setActivityCode(code);
		return form;
	}

	@Test
	void aNightTourEndsOnTheNextDayInLondonTime() {
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<NewDuty> duty = form("PLANNED", "2035-07-01", "22:00", "06:00", "E05000130", "SN_WARD").read(7, errors);
		assertThat(errors).isEmpty();
		assertThat(duty).isPresent();
		assertThat(duty.get().personId()).isEqualTo(7);
		assertThat(duty.get().kind()).isEqualTo(DutyKind.PLANNED);
		assertThat(duty.get().dutyDate()).isEqualTo(LocalDate.of(2035, 7, 1));
		assertThat(duty.get().startsAt().toString()).isEqualTo("2035-07-01T21:00:00Z");
		assertThat(Duration.between(duty.get().startsAt(), duty.get().endsAt()).toHours()).isEqualTo(8);
		assertThat(duty.get().wardCode()).contains("E05000130");
	}

	@Test
	void aRestDayNeedsNoWardAndEmptyFieldsAreReportedEachBesideItsField() {
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<NewDuty> rest = form("ACTUAL", "2035-07-02", "0:00", "0:00", "", "REST").read(7, errors);
		assertThat(errors).isEmpty();
		assertThat(rest.get().wardCode()).isEmpty();
		assertThat(Duration.between(rest.get().startsAt(), rest.get().endsAt()).toHours()).isEqualTo(24);

		Optional<NewDuty> none = form("SOMETIMES", "2035-02-30", "", "25:00", "", "").read(7, errors);
		assertThat(none).isEmpty();
		assertThat(errors).containsOnlyKeys("kind", "date", "start", "end", "activityCode");
		assertThat(errors.get("date")).contains("real date");
		assertThat(errors.get("start")).isEqualTo("Enter the start time");
		assertThat(errors.get("end")).contains("hours and minutes");
	}

	@Test
	void aDateOutsideTheYears2000To2099IsAFieldErrorNotAnOverflow() {
		for (String date : List.of("+999999999-12-31", "-999999999-01-01", "1999-12-31", "2100-01-01")) {
			Map<String, String> errors = new LinkedHashMap<>();
			assertThat(form("PLANNED", date, "23:00", "01:00", "", "SN_WARD").read(7, errors)).as(date).isEmpty();
			assertThat(errors).containsOnlyKeys("date");
			assertThat(errors.get("date")).contains("2000 to 2099");
		}
	}

	@Test
	void theRulesMessagesGoBesideTheFieldTheyAreAbout() {
		assertThat(DutyForm.fieldOf("duty", "a tour lasts at most 24 hours")).isEqualTo("end");
		assertThat(DutyForm.fieldOf("duty", "the duty date must be the date the tour starts (2035-01-01)")).isEqualTo("date");
		assertThat(DutyForm.fieldOf("duty", "an activity code is required")).isEqualTo("activityCode");
		assertThat(DutyForm.fieldOf("activityCode", "unknown code")).isEqualTo("activityCode");
		assertThat(DutyForm.fieldOf("code", "not a ward code")).isEqualTo("ward");
		assertThat(DutyForm.ordered(Map.of("activityCode", "a", "date", "b", "serviceNumber", "c")).keySet())
			.containsExactly("serviceNumber", "date", "activityCode");
	}

}
