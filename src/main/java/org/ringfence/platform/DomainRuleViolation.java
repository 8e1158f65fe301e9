package org.ringfence.platform;

import java.util.List;

/**
 * A request that breaks a rule of the domain. Answered with 422 and the reasons, one per broken rule.
 */
public class DomainRuleViolation extends RuntimeException {

	private final String code;

	private final List<String> reasons;

	public DomainRuleViolation(String code, String message, List<String> reasons) {
		super(message);
		this.code = code;
		this.reasons = List.copyOf(reasons);
	}

	public DomainRuleViolation(String code, String message) {
		this(code, message, List.of());
	}

	public String code() {
		return this.code;
	}

	public List<String> reasons() {
		return this.reasons;
	}

}
