package org.ringfence.geography;

import java.util.List;

/** A cluster: its code (clusterId), name, borough and its wards' codes. */
public record ClusterSummary(String id, String name, String boroughCode, List<String> wardCodes) {
}
