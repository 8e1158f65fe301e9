package org.ringfence.tasking;

/** What an agenda item is about, in the order items are taken at a meeting. */
public enum AgendaKind {

	/** A borough significant event declared since the last meeting. */
	SIGNIFICANT_EVENT,
	/** A live flex due for its two-week review (continue, change or end). */
	FLEX_REVIEW,
	/** A PSP 302 flex request presented for the superintendent's authority. */
	FLEX_PRESENTATION,
	/** A bid for a pan-London support unit. */
	SUPPORT_BID,
	/** Any other business. */
	OTHER

}
