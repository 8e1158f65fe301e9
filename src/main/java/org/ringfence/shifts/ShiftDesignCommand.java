package org.ringfence.shifts;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ringfence.platform.InvalidInput;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line {@code java -jar ringfence.jar shift-design FILE [--seconds N]}: designs the
 * instance and prints the API's JSON. Runs without the web application or the database.
 */
public final class ShiftDesignCommand {

	public static final String NAME = "shift-design";

	private ShiftDesignCommand() {
	}

	/** Runs the command; returns the exit status (0 done, 1 bad instance, 2 bad usage). */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		String file = null;
		int seconds = 10;
		for (int i = 1; i < args.length; i++) {
			if (args[i].equals("--seconds") && i + 1 < args.length) {
				try {
					seconds = Integer.parseInt(args[++i]);
				}
				catch (NumberFormatException ex) {
					seconds = -1;
				}
			}
			else if (args[i].startsWith("--seconds=")) {
				try {
					seconds = Integer.parseInt(args[i].substring("--seconds=".length()));
				}
				catch (NumberFormatException ex) {
					seconds = -1;
				}
			}
			else if (file == null && !args[i].startsWith("--")) {
				file = args[i];
			}
			else {
				return usage(err, "unexpected argument " + args[i]);
			}
		}
		if (file == null) {
			return usage(err, "no instance file");
		}
		if (seconds < MsdShiftDesign.MIN_SECONDS || seconds > MsdShiftDesign.MAX_SECONDS) {
			return usage(err, "--seconds must be " + MsdShiftDesign.MIN_SECONDS + ".." + MsdShiftDesign.MAX_SECONDS);
		}
		String text;
		try {
			text = decode(Files.readAllBytes(Path.of(file)));
		}
		catch (IOException ex) {
			err.println("cannot read " + file + ": " + ex.getMessage());
			return 2;
		}
		try {
			MsdReport report = MsdShiftDesign.design(text, seconds);
			out.println(JsonMapper.builder().build().writeValueAsString(report));
			return 0;
		}
		catch (InvalidInput ex) {
			err.println(file + ": " + ex.getMessage());
			return 1;
		}
	}

	/** UTF-8 when the bytes are UTF-8, else ISO-8859-1 (the sample files are Latin-1). */
	static String decode(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, StandardCharsets.ISO_8859_1);
		}
	}

	private static int usage(PrintStream err, String problem) {
		err.println(problem);
		err.println("usage: java -jar ringfence.jar " + NAME + " FILE [--seconds N]   (N in "
				+ MsdShiftDesign.MIN_SECONDS + ".." + MsdShiftDesign.MAX_SECONDS + ", default 10)");
		return 2;
	}

}
