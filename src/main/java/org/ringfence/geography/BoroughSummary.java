package org.ringfence.geography;

/** A borough with its BCU's name and the number of its active wards. */
public record BoroughSummary(String code, String name, String bcu, int wardCount) {
}
