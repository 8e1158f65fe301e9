package org.ringfence.tasking;

import java.time.LocalDate;
import java.util.List;

/**
 * Implemented by a module that puts items on borough tasking agendas (flex requests, flex reviews,
 * significant events). Tasking asks every contributor when an agenda is built, and hands each
 * decision back to the contributor of the item inside the transaction that records it: if the
 * contributor refuses (a rule broken, a state changed), nothing is recorded.
 */
public interface AgendaContributor {

	/** The sources this contributor answers for (the part of a source ref before the colon). */
	List<String> sources();

	/** The items this contributor puts forward for a borough's meeting held on a day. */
	List<AgendaEntry> itemsFor(String boroughCode, LocalDate heldOn);

	/** Acts on the meeting's decision on one of this contributor's items. */
	void decided(AgendaDecision decision);

}
