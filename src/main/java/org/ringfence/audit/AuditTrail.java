package org.ringfence.audit;

import org.ringfence.platform.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ringfence.audit.persistence.AuditQueries;
import org.ringfence.platform.AuditableEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every {@link AuditableEvent} in the publisher's transaction (a synchronous listener), so
 * there is never a change without its entry nor an entry without its change.
 */
@Service
public class AuditTrail {

	/** How many entries one read returns at most. */
	public static final int MAX_ENTRIES = 1000;

	private final AuditQueries queries;

	AuditTrail(AuditQueries queries) {
		this.queries = queries;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(AuditableEvent event) {
		this.queries.append(Actor.current(), event.action(), event.entityType(), event.entityId(), event.boroughCode().orElse(null),
				event.before(), event.after());
	}

	/** Entries in [from, to), newest first; boroughs empty means all boroughs and force-wide entries. */
	@Transactional(readOnly = true)
	public List<AuditEntry> entries(Instant from, Instant to, Optional<List<String>> boroughs, int limit) {
		return this.queries.entries(from, to, boroughs, Math.min(limit, MAX_ENTRIES));
	}

	@Transactional(readOnly = true)
	public ChainVerification verify() {
		return this.queries.verify();
	}


}
