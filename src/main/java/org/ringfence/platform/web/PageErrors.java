package org.ringfence.platform.web;

import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Pages answer "not found" and "check the address" with a page of their own; access denials go on
 * to Spring Security, which shows the 403 page. API controllers are served by {@link ApiProblems}
 * first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ModelAndView notFound(NotFound ex) {
		return new ModelAndView("error/404").addObject("message", ex.getMessage());
	}

	@ExceptionHandler({ InvalidInput.class, MethodArgumentTypeMismatchException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	ModelAndView invalid(RuntimeException ex) {
		String message = ex instanceof InvalidInput ? ex.getMessage() : "The address is not in the form we expect.";
		return new ModelAndView("error/400").addObject("message", message);
	}

}
