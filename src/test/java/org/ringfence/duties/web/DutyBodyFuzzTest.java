package org.ringfence.duties.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.ringfence.duties.NewDuty;
import org.ringfence.platform.InvalidInput;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the JSON body of {@code POST /api/v1/duties} (and {@code PUT}'s change body) up to the
 * checks that need no database, as Spring MVC runs them: Jackson reads the body (a
 * {@link JacksonException} is a 400), bean validation (violations are a 400), then the controller
 * turns it into a {@link NewDuty} (an {@link InvalidInput}, a 400, for a date outside 2000-2099) and the service asks for its problems (a 400 listing them).
 * Property: nothing else throws (an uncaught exception would be a 500).
 */
class DutyBodyFuzzTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	@FuzzTest(maxDuration = "60s")
	void dutyBody(FuzzedDataProvider data) {
		String body = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
		DutyController.DutyBody duty;
		try {
			duty = JSON.readValue(body, DutyController.DutyBody.class);
		}
		catch (JacksonException ex) {
			return;
		}
		if (duty == null || !VALIDATOR.validate(duty).isEmpty()) {
			return;
		}
		NewDuty newDuty;
		try {
			newDuty = duty.toNewDuty();
		}
		catch (InvalidInput ex) {
			assertThat(ex.getMessage()).isNotBlank();
			return;
		}
		List<String> problems = newDuty.problems();
		problems.forEach(problem -> assertThat(problem).isNotBlank());
		if (problems.isEmpty()) {
			assertThat(newDuty.endsAt()).isAfter(newDuty.startsAt());
		}
	}

	@FuzzTest(maxDuration = "30s")
	void changeBody(FuzzedDataProvider data) {
		String body = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
		DutyController.ChangeBody change;
		try {
			change = JSON.readValue(body, DutyController.ChangeBody.class);
		}
		catch (JacksonException ex) {
			return;
		}
		if (change == null) {
			return;
		}
		Set<ConstraintViolation<DutyController.ChangeBody>> violations = VALIDATOR.validate(change);
		if (!violations.isEmpty()) {
			return;
		}
		try {
			change.duty().toNewDuty().problems();
		}
		catch (InvalidInput ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

}
