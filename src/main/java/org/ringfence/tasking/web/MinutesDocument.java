package org.ringfence.tasking.web;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ringfence.platform.web.PdfDocuments;
import org.ringfence.tasking.Meeting;
import org.ringfence.tasking.SupportBid;
import org.ringfence.tasking.SupportBids;

import org.springframework.stereotype.Component;

/** A tasking meeting's minutes as a PDF: who, when, each item with its decision and reasons. */
@Component
class MinutesDocument {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	private final PdfDocuments pdfs;

	private final SupportBids bids;

	MinutesDocument(PdfDocuments pdfs, SupportBids bids) {
		this.pdfs = pdfs;
		this.bids = bids;
	}

	byte[] pdf(Meeting meeting) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("meeting", meeting);
		variables.put("day", DAY.format(meeting.heldOn()));
		List<SupportBid> debriefs = this.bids.list(java.util.Optional.of(meeting.boroughCode()), java.util.Optional.empty())
			.stream()
			.filter(b -> !b.debrief().isEmpty())
			.limit(20)
			.toList();
		variables.put("debriefs", debriefs);
		return this.pdfs.render("tasking/minutes-pdf", variables);
	}

	static String fileName(Meeting meeting) {
		return "tasking-minutes-" + meeting.boroughName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-"
				+ meeting.heldOn() + ".pdf";
	}

}
