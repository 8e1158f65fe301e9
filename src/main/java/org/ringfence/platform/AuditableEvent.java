package org.ringfence.platform;

import java.util.Map;
import java.util.Optional;

/**
 * A change of state, published by the module that made it inside its transaction. The audit module
 * records every such event in the same transaction, so a change and its audit entry commit together.
 */
public interface AuditableEvent {

	/** What happened, as a verb phrase in the past tense: "boundary set imported", "account created". */
	String action();

	/** The kind of thing changed: "ward", "user", "posting". */
	String entityType();

	/** The identity of the thing changed. */
	String entityId();

	/** The borough the change belongs to, for scoped viewing of the trail; empty for force-wide changes. */
	Optional<String> boroughCode();

	/** The state before the change; empty map for a creation. */
	Map<String, Object> before();

	/** The state after the change; empty map for a removal. */
	Map<String, Object> after();

}
