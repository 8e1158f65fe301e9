package org.ringfence.shifts.domain;

import org.junit.jupiter.api.Test;

class SeedProbeTest {

	@Test
	void probe() {
		for (String name : MsdSamples.NAMES) {
			if (!name.matches(System.getProperty("only", ".*"))) {
				continue;
			}
			MsdInstance instance = MsdParser.parse(MsdSamples.text(name));
			StringBuilder sb = new StringBuilder(name + ":");
			for (long seed = 1; seed <= 6; seed++) {
				ShiftDesigner.Result r = ShiftDesigner.design(instance,
						ShiftDesigner.Options.of(6_000).withSeed(seed).withTarget(instance.referenceFitness()));
				sb.append(" ").append(r.evaluation().cost()).append("@").append(r.millisToBest());
			}
			System.out.println(sb);
		}
	}

}
