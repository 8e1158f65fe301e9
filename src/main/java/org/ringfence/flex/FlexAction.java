package org.ringfence.flex;

/** A step of the flex workflow, taken through {@code POST /api/v1/flex-requests/{id}/transitions}. */
public enum FlexAction {

	/** The drafting sergeant or inspector submits the PSP 302 to the cluster inspector. */
	SUBMIT("Submit to the cluster inspector"),
	/** The cluster inspector escalates it to the SN SMT lead. */
	ESCALATE("Escalate to the SN SMT lead"),
	/** The SMT lead approves the providing wards, recording the dialogue with each ward panel. */
	APPROVE_WARDS("Approve the providing wards"),
	/** Presented at a borough tasking meeting (its date and reference). */
	PRESENT("Record presentation at borough tasking"),
	/** The superintendent authorises it: the checks run, and the duty records are updated. */
	AUTHORISE("Authorise"),
	/** The superintendent rejects it, with reasons. */
	REJECT("Reject"),
	/** The superintendent endorses the PSP 302, confirming the duty records show the flex: it is live. */
	ENDORSE("Endorse: duty records updated"),
	/** The 2-week review at borough tasking: continue, change the end date, or end. */
	REVIEW("Record the review"),
	/** The flex ends (by its last day, or early); remaining days are given back. */
	END("End the flex"),
	/** Feedback given to a ward panel involved. */
	RECORD_FEEDBACK("Record feedback to ward panels"),
	/** Closed once every ward panel involved has had feedback. */
	CLOSE("Close");

	private final String label;

	FlexAction(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
