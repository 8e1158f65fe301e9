package org.ringfence.flex;

import java.time.LocalDate;
import java.util.List;

/** A flex request in a list: no names of officers, only how many and from which wards. */
public record FlexRequestSummary(long id, String reference, FlexStatus status, String statusLabel, String boroughCode,
		String receivingWard, String receivingWardName, List<String> providingWards, List<String> providingWardNames,
		int officers, LocalDate firstDay, LocalDate lastDay, String problemType, List<FlexRequestView.Flag> flags) {
}
