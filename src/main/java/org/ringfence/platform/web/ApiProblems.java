package org.ringfence.platform.web;

import java.net.URI;
import java.util.List;

import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API call into RFC 9457 problem+json with a stable {@code type}, a
 * {@code code} and a human message. No stack traces; bad input never becomes a 500.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	static final String TYPE_BASE = "https://ringfence.example/problems/";

	static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + code));
		problem.setTitle(title);
		problem.setProperty("code", code);
		return problem;
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage());
	}

	@ExceptionHandler(DomainRuleViolation.class)
	ProblemDetail ruleViolation(DomainRuleViolation ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ex.code(), "Rule broken", ex.getMessage());
		problem.setProperty("reasons", ex.reasons());
		return problem;
	}

	@ExceptionHandler(StateConflict.class)
	ProblemDetail stateConflict(StateConflict ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, ex.code(), "Not allowed in this state", ex.getMessage());
		problem.setProperty("reasons", ex.reasons());
		return problem;
	}

	@ExceptionHandler(InvalidInput.class)
	ProblemDetail invalidInput(InvalidInput ex) {
		HttpStatus status = ex.report() == null ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT;
		ProblemDetail problem = problem(status, "invalid-input", "Invalid input", ex.getMessage());
		problem.setProperty("errors", ex.errors());
		if (ex.report() != null) {
			problem.setProperty("report", ex.report());
		}
		return problem;
	}

	/**
	 * A role that may not do this gets Spring Security's bare "Access Denied"; a scope check says
	 * what is out of scope.
	 */
	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail accessDenied(AccessDeniedException ex) {
		String reason = ex.getMessage() == null || ex.getMessage().equals("Access Denied") ? "Your role does not allow this."
				: ex.getMessage();
		return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You do not have access to this. " + reason);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail conflict(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "conflict", "Changed by someone else",
				"The record was changed by someone else since you read it; read it again and retry.");
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException ex) {
		log.info("Request refused by a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return problem(HttpStatus.CONFLICT, "constraint", "Refused by a data rule",
				"The change conflicts with data already stored: " + firstLine(ex.getMostSpecificCause().getMessage()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
				"Parameter '" + ex.getName() + "' has an invalid value.");
		problem.setProperty("errors", List.of(new InvalidInput.FieldError(ex.getName(), "invalid value")));
		return problem;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected failure", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong",
				"Something went wrong on our side. The error has been logged.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidInput.FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new InvalidInput.FieldError(e.getField(), e.getDefaultMessage()))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
				"The request has " + errors.size() + " invalid field(s).");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidInput.FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(r -> r.getResolvableErrors()
				.stream()
				.map(e -> new InvalidInput.FieldError(r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
				"The request has " + errors.size() + " invalid parameter(s).");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/** Unreadable bodies say where and why: not JSON at all, or which field has a value of the wrong kind. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(
			org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		String field = "body";
		String reason;
		if (cause instanceof tools.jackson.databind.exc.MismatchedInputException mismatch) {
			field = mismatch.getPath()
				.stream()
				.map(p -> p.getPropertyName() != null ? p.getPropertyName() : "[" + p.getIndex() + "]")
				.collect(java.util.stream.Collectors.joining("."));
			Class<?> target = mismatch.getTargetType();
			if (target != null && target.isEnum()) {
				reason = "must be one of " + java.util.Arrays.toString(target.getEnumConstants());
			}
			else {
				reason = "has a value of the wrong kind" + (target == null ? "" : " (expected " + target.getSimpleName() + ")");
			}
		}
		else if (cause instanceof tools.jackson.core.JacksonException json) {
			reason = "is not valid JSON: " + firstLine(json.getOriginalMessage());
		}
		else {
			reason = "cannot be read: send a JSON body";
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
				("body".equals(field) ? "The body " : "Field '" + field + "' ") + reason + ".");
		problem.setProperty("errors", List.of(new InvalidInput.FieldError(field.isEmpty() ? "body" : field, reason)));
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "File too large",
					"The upload is larger than the server accepts (see spring.servlet.multipart.max-file-size)."));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
			problem.setProperty("code", "http-" + statusCode.value());
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message : message.substring(0, newline);
	}

}
