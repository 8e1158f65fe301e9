package org.ringfence.flex;

/** The decision of a flex review at borough tasking. */
public enum ReviewOutcome {

	CONTINUE, CHANGE, END

}
