package org.ringfence.geography;

/** The ward (and its borough and cluster) that contains a point. */
public record LocatedWard(String wardCode, String wardName, String boroughCode, String boroughName, String clusterId) {
}
