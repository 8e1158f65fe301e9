package org.ringfence.deflection;

import java.time.LocalDate;
import java.util.Optional;

import org.ringfence.flex.SignificantEventRegister;

import org.springframework.stereotype.Component;

/** Answers flex's question "is a significant event declared here?" from the declared events. */
@Component
class SignificantEventRegisterAdapter implements SignificantEventRegister {

	private final SignificantEvents events;

	SignificantEventRegisterAdapter(SignificantEvents events) {
		this.events = events;
	}

	@Override
	public Optional<String> eventCovering(String boroughCode, LocalDate from, LocalDate to) {
		return this.events.eventCovering(boroughCode, from, to);
	}

}
