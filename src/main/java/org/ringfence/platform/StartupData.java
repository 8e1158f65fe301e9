package org.ringfence.platform;

/**
 * A first-start load of reference or demo data. The application runs every one in {@link #order()}
 * once it has started; each must be idempotent (later starts find the data and do nothing) and
 * safe when several instances start together.
 */
public interface StartupData {

	/** Orders from this one up are demo data, skipped when {@code ringfence.demo-data=false}. */
	int DEMO_ORDER = 100;

	/** Lower runs first: geography before the workforce that is posted to it. */
	int order();

	/** Loads the data if it is not there yet. */
	void loadIfEmpty();

}
