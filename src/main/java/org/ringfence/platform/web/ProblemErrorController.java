package org.ringfence.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What reaches no handler (an unknown path, a method or media type an endpoint does not take)
 * still answers in the house style: a page for browsers, RFC 9457 problem+json for everyone else.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

	ProblemErrorController(ErrorAttributes errorAttributes, ObjectProvider<ErrorViewResolver> resolvers) {
		super(errorAttributes, new ErrorProperties(), resolvers.orderedStream().toList());
	}

	@Override
	@PreAuthorize("permitAll()")
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		return super.errorHtml(request, response);
	}

	@Override
	@PreAuthorize("permitAll()")
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String code = switch (status) {
			case NOT_FOUND -> "not-found";
			case METHOD_NOT_ALLOWED -> "method-not-allowed";
			case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
			case NOT_ACCEPTABLE -> "not-acceptable";
			case CONTENT_TOO_LARGE -> "too-large";
			default -> status.is5xxServerError() ? "internal" : "http-" + status.value();
		};
		String detail = switch (status) {
			case NOT_FOUND -> "There is nothing at " + path + ". The API is described at /v3/api-docs.";
			case METHOD_NOT_ALLOWED -> path + " does not take that method. The API is described at /v3/api-docs.";
			case UNSUPPORTED_MEDIA_TYPE -> path + " does not take that content type. The API is described at /v3/api-docs.";
			default -> status.is5xxServerError() ? "Something went wrong on our side. The error has been logged."
					: status.getReasonPhrase() + ".";
		};
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ApiProblems.TYPE_BASE + code);
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", path);
		problem.put("code", code);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	@PreAuthorize("permitAll()")
	public ResponseEntity<String> mediaTypeNotAcceptable(HttpServletRequest request) {
		return super.mediaTypeNotAcceptable(request);
	}


}
