package org.ringfence.platform;

import java.util.List;

/**
 * A request the record's current state does not allow, such as a workflow step taken out of turn
 * (authorising a flex that is already authorised). Answered with 409 and the reason.
 */
public class StateConflict extends DomainRuleViolation {

	public StateConflict(String code, String message) {
		super(code, message, List.of(message));
	}

}
