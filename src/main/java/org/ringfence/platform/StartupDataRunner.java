package org.ringfence.platform;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Runs the first-start data loads in order, before the application reports itself ready. */
@Component
class StartupDataRunner implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StartupDataRunner.class);

	private final List<StartupData> loads;

	private final RingfenceProperties properties;

	StartupDataRunner(List<StartupData> loads, RingfenceProperties properties) {
		this.loads = loads;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		this.loads.stream().sorted(Comparator.comparingInt(StartupData::order)).forEach(load -> {
			if (load.order() >= StartupData.DEMO_ORDER && !this.properties.demoData()) {
				return;
			}
			load.loadIfEmpty();
		});
		log.info("Startup data checked in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

}
