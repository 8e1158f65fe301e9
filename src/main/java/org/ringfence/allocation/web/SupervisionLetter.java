package org.ringfence.allocation.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.ringfence.allocation.SupervisionPlan;
import org.ringfence.platform.web.PdfDocuments;

import org.springframework.stereotype.Component;

/** A shared supervision plan as a letter to the borough's stakeholders (PDF). */
@Component
class SupervisionLetter {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final PdfDocuments pdfs;

	SupervisionLetter(PdfDocuments pdfs) {
		this.pdfs = pdfs;
	}

	byte[] pdf(SupervisionPlan plan) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("plan", plan);
		variables.put("dated", DAY.format(plan.decidedAt().orElse(plan.proposedAt()).atZone(ZoneId.of("Europe/London"))));
		variables.put("effective", plan.effectiveFrom().map(DAY::format).orElse(null));
		variables.put("from", DAY.format(plan.demandFrom()));
		variables.put("to", DAY.format(plan.demandTo()));
		return this.pdfs.render("allocation/supervision-letter-pdf", variables);
	}

	static String fileName(SupervisionPlan plan) {
		return "shared-supervision-" + plan.boroughName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-plan-"
				+ plan.id() + ".pdf";
	}

}
