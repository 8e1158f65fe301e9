package org.ringfence.platform;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plain {@link AuditableEvent}: modules publish one of these for each change of state.
 */
public record StateChange(String action, String entityType, String entityId, Optional<String> boroughCode,
		Map<String, Object> before, Map<String, Object> after) implements AuditableEvent {

	public StateChange {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(entityType, "entityType");
		Objects.requireNonNull(entityId, "entityId");
		boroughCode = boroughCode == null ? Optional.empty() : boroughCode;
		before = before == null ? Map.of() : before;
		after = after == null ? Map.of() : after;
	}

	public static StateChange created(String entityType, String entityId, String boroughCode, Map<String, Object> after) {
		return new StateChange(entityType + " created", entityType, entityId, Optional.ofNullable(boroughCode), Map.of(),
				after);
	}

	public static StateChange changed(String action, String entityType, String entityId, String boroughCode,
			Map<String, Object> before, Map<String, Object> after) {
		return new StateChange(action, entityType, entityId, Optional.ofNullable(boroughCode), before, after);
	}

}
