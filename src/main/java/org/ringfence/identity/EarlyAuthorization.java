package org.ringfence.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a handler's {@code @PreAuthorize} role before its request body is read and validated, so a
 * caller whose role may not use an endpoint always gets 403, never a 400 that describes the body.
 * Method security still checks again when the handler runs. Expressions here use roles only (no
 * method arguments).
 */
@Component
class EarlyAuthorization implements HandlerInterceptor, WebMvcConfigurer {

	private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(PreAuthorize.class)) {
			SimpleMethodInvocation invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod(),
					new Object[method.getMethod().getParameterCount()]);
			AuthorizationResult result = this.manager
				.authorize(() -> SecurityContextHolder.getContext().getAuthentication(), invocation);
			if (result != null && !result.isGranted()) {
				throw new AuthorizationDeniedException("Access Denied", result);
			}
		}
		return true;
	}

}
