package org.ringfence.audit;

import java.time.Instant;
import java.util.Map;

/** One entry of the trail as read back. */
public record AuditEntry(long seq, Instant recordedAt, String actor, String action, String entityType, String entityId,
		String boroughCode, Map<String, Object> before, Map<String, Object> after, String hash) {
}
