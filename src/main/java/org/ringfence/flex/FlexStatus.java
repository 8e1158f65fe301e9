package org.ringfence.flex;

/** Where a flex request is in its workflow. */
public enum FlexStatus {

	DRAFT("Draft"), SUBMITTED("Submitted to the cluster inspector"), ESCALATED("Escalated to the SN SMT lead"),
	WARDS_APPROVED("Providing wards approved"), PRESENTED("Presented at borough tasking"),
	AUTHORISED("Authorised, duty records updated"), REJECTED("Rejected"), LIVE("Live"), ENDED("Ended"),
	CLOSED("Closed");

	private final String label;

	FlexStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether the flex is deployed (its duties carry the flex code). */
	public boolean deployed() {
		return this == AUTHORISED || this == LIVE;
	}

}
