package org.ringfence.flex;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The port through which flex asks whether a significant event (terror attack, major incident) is
 * declared in a borough: the one circumstance in which SNT officers may be used across a borough
 * boundary. Implemented by the module that owns significant events (deflection); when no
 * implementation is present, none is declared.
 */
public interface SignificantEventRegister {

	/**
	 * The significant event declared in the borough that covers the whole of from..to, described for
	 * people (what, from, to, by whom); empty when there is none.
	 */
	Optional<String> eventCovering(String boroughCode, LocalDate from, LocalDate to);

}
