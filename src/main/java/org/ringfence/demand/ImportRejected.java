package org.ringfence.demand;

import org.ringfence.demand.domain.ImportReport;

/** An import whose files or rows were refused: nothing of it is stored; the report says why. */
class ImportRejected extends RuntimeException {

	private final transient ImportReport report;

	ImportRejected(String message, ImportReport report) {
		super(message);
		this.report = report;
	}

	ImportReport report() {
		return this.report;
	}

}
