package org.ringfence;

import org.ringfence.platform.DatabaseBackup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Ringfence: one web application over one PostgreSQL database, a module per capability.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RingfenceApplication {

	public static void main(String[] args) {
		if (DatabaseBackup.isCommand(args)) { // backup FILE | dump FILE | restore FILE [--force]: no web application
			System.exit(DatabaseBackup.run(args));
		}
		if (args.length > 0 && org.ringfence.shifts.ShiftDesignCommand.NAME.equals(args[0])) {
			// a pure computation: no web application, no database
			System.exit(org.ringfence.shifts.ShiftDesignCommand.run(args, System.out, System.err));
		}
		SpringApplication.run(RingfenceApplication.class, args);
	}

}
