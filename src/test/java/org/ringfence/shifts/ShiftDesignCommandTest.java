package org.ringfence.shifts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line designs a sample file in-process (no Spring) and prints the API's JSON. */
class ShiftDesignCommandTest {

	@TempDir
	Path dir;

	@Test
	void designsAFileAndPrintsTheJson() throws IOException {
		Path file = this.dir.resolve("example3.txt");
		try (InputStream in = getClass().getResourceAsStream("/shifts/msd/DataSet1-RandomExample3.txt")) {
			Files.write(file, in.readAllBytes());
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = ShiftDesignCommand.run(new String[] { "shift-design", file.toString(), "--seconds", "9" },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
		JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
		assertThat(json.get("cost").asInt()).isLessThanOrEqualTo(600);
		assertThat(json.get("shifts").size()).isEqualTo(json.get("shiftsUsed").asInt());
		assertThat(json.get("shifts").get(0).get("workersPerDay").size()).isEqualTo(7);
	}

	@Test
	void aBadFileOrUsageFailsWithAReason() throws IOException {
		Path file = this.dir.resolve("bad.txt");
		Files.writeString(file, "#MinuteInterval:\n7\n");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		assertThat(ShiftDesignCommand.run(new String[] { "shift-design", file.toString() }, System.out, e)).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 2").contains("divide a day");
		assertThat(ShiftDesignCommand.run(new String[] { "shift-design" }, System.out, e)).isEqualTo(2);
		assertThat(ShiftDesignCommand.run(new String[] { "shift-design", file.toString(), "--seconds", "0" }, System.out,
				e)).isEqualTo(2);
	}

}
