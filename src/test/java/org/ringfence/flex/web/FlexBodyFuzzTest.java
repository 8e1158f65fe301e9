package org.ringfence.flex.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.ringfence.flex.NewFlexRequest;
import org.ringfence.platform.InvalidInput;
import org.ringfence.workforce.WorkforceService;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Fuzzes the JSON body of a flex request (PSP 302: {@code POST /api/v1/flex-requests} and
 * {@code /what-if}) up to the checks that need no database, as Spring MVC runs them: Jackson (a
 * {@link JacksonException} is a 400), bean validation (a 400), the controller's conversion (an
 * {@link InvalidInput} for an unknown service number) and the request's own problems (a 400 listing
 * them). Property: nothing else throws (an uncaught exception would be a 500).
 */
class FlexBodyFuzzTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	private static final WorkforceService WORKFORCE = mock(WorkforceService.class);

	static {
		// service numbers starting with a digit are "known" (a made-up person id), others are not
		when(WORKFORCE.personIdByServiceNumber(anyString())).thenAnswer(call -> {
			String number = call.getArgument(0);
			return !number.isEmpty() && Character.isDigit(number.charAt(0)) ? Optional.of((long) number.hashCode())
					: Optional.empty();
		});
	}

	@FuzzTest(maxDuration = "60s")
	void flexRequestBody(FuzzedDataProvider data) {
		String body = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
		FlexController.RequestBody302 request;
		try {
			request = JSON.readValue(body, FlexController.RequestBody302.class);
		}
		catch (JacksonException ex) {
			return;
		}
		if (request == null || !VALIDATOR.validate(request).isEmpty()) {
			return;
		}
		NewFlexRequest flex;
		try {
			flex = request.toRequest(WORKFORCE);
		}
		catch (InvalidInput ex) {
			assertThat(ex.getMessage()).isNotBlank();
			return;
		}
		for (String[] problem : flex.problems()) {
			assertThat(problem).hasSize(2);
			assertThat(problem[1]).isNotBlank();
		}
	}

}
