package org.ringfence.neighbourhood.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ringfence.neighbourhood.NeighbourhoodProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The public API's filters: the rate limit per client address (before security, so a flood costs
 * little), then caching: {@code Cache-Control: public, max-age=60} and an ETag on every answer,
 * 304 Not Modified for a matching If-None-Match. The public pages get an ETag too (not public
 * caching: they may set a session cookie).
 */
@Configuration(proxyBeanMethods = false)
class PublicApiFilters {

	static final String API = "/police-uk/api/*";

	@Bean
	PublicRateLimit publicRateLimit(NeighbourhoodProperties properties) {
		return new PublicRateLimit(properties);
	}

	@Bean
	FilterRegistrationBean<PublicRateLimit> publicRateLimitFilter(PublicRateLimit limit) {
		FilterRegistrationBean<PublicRateLimit> registration = new FilterRegistrationBean<>(limit);
		registration.addUrlPatterns(API);
		registration.setOrder(-500);
		registration.setName("publicApiRateLimit");
		return registration;
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> publicApiCacheControl() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				response.setHeader("Cache-Control", "public, max-age=60");
				response.setHeader("Access-Control-Allow-Origin", "*");
				chain.doFilter(request, response);
			}
		});
		registration.addUrlPatterns(API);
		registration.setOrder(-400);
		registration.setName("publicApiCacheControl");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> publicEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns(API, "/neighbourhoods", "/neighbourhoods/*");
		registration.setOrder(-300);
		registration.setName("publicEtags");
		return registration;
	}

}
