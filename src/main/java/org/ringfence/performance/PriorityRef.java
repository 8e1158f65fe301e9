package org.ringfence.performance;

/** A ward priority as the performance module sees it: a link target, owned by the neighbourhood module. */
public record PriorityRef(long id, String wardCode, String category, String issue, String status) {
}
