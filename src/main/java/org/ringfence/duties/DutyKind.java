package org.ringfence.duties;

/** A planned duty (the roster) or the actual one (what happened). */
public enum DutyKind {

	PLANNED, ACTUAL

}
