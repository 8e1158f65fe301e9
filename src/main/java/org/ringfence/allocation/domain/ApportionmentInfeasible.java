package org.ringfence.allocation.domain;

import org.ringfence.platform.DomainRuleViolation;

/** The constraints of an apportionment cannot all hold; the code names the one that fails. */
public class ApportionmentInfeasible extends DomainRuleViolation {

	public ApportionmentInfeasible(String code, String message) {
		super(code, message, java.util.List.of(message));
	}

}
