package org.ringfence.shifts.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The three sample instances of the format (TU Wien DBAI DataSet1), kept under src/test/resources/shifts/msd. */
final class MsdSamples {

	static final List<String> NAMES = List.of("DataSet1-RandomExample1.txt", "DataSet1-RandomExample2.txt",
			"DataSet1-RandomExample3.txt");

	private MsdSamples() {
	}

	static String text(String name) {
		try (InputStream in = MsdSamples.class.getResourceAsStream("/shifts/msd/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
