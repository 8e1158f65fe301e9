package org.ringfence.demand.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which categories are anti-social behaviour. */
public final class Categories {

	private static final Pattern ASB = Pattern.compile("(^|[^a-z])asb([^a-z]|$)|anti[^a-z]?social");

	private Categories() {
	}

	/**
	 * Anti-social behaviour: data.police.uk's "Anti-social behaviour", and any CAD category that
	 * names ASB as a word or anti-social / antisocial behaviour ("ASB", "ASB - Nuisance",
	 * "Anti Social Behaviour"), in any case.
	 */
	public static boolean isAsb(String category) {
		return ASB.matcher(category.toLowerCase(Locale.ROOT)).find();
	}

}
