package org.ringfence.demand.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads a CSV file as the demand imports need it, streaming (files may be large): strict UTF-8
 * (a byte order mark is skipped), a header row, comma or semicolon separated (a semicolon when the
 * header has more semicolons than commas), empty lines skipped. A fault that makes the rest of the
 * file unreadable (not UTF-8, a quote never closed or followed by other characters, a line break
 * inside a field: none of these formats has one) stops the reading with a file problem; faults in
 * a row are the handler's to report.
 */
public final class CsvFileReader {

	/** What the caller does with the header and each row. */
	public interface Handler {

		/** The header's column names as written; returns the problems with it (empty when fine). */
		List<String> header(List<String> names);

		/** A data row (1-based line number in the file); only called when the header was fine. */
		void row(long line, CsvRecord record);

	}

	/** What stopped a file: on which line and why. */
	public record FileProblem(long line, String reason) {
	}

	/** How the reading ended: the header's problems, or a fault that stopped it (empty when none). */
	public record Outcome(List<String> headerProblems, List<FileProblem> stopped, long rows) {

		public boolean readable() {
			return this.headerProblems.isEmpty() && this.stopped.isEmpty();
		}

	}

	private static final int PEEK = 64 * 1024;

	private CsvFileReader() {
	}

	public static Outcome read(InputStream in, Handler handler) {
		// bytes that are not UTF-8 become U+FFFD, found in the row they are in (so the report names the line)
		Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE));
		List<String> headerProblems = new ArrayList<>();
		List<FileProblem> stopped = new ArrayList<>();
		long rows = 0;
		long line = 1;
		try {
			PushbackReader peekable = new PushbackReader(reader, PEEK);
			char[] head = new char[PEEK];
			int n = readUpTo(peekable, head);
			int start = n > 0 && head[0] == '\uFEFF' ? 1 : 0;
			char separator = separator(head, start, n);
			if (n > start) {
				peekable.unread(head, start, n - start);
			}
			CsvReader<CsvRecord> csv = CsvReader.builder()
				.fieldSeparator(separator)
				.skipEmptyLines(true)
				.allowExtraFields(true)
				.allowMissingFields(true)
				.ofCsvRecord(peekable);
			boolean headerSeen = false;
			boolean headerFine = false;
			for (CsvRecord record : csv) {
				line = record.getStartingLineNumber();
				if (notUtf8(record)) {
					stopped.add(new FileProblem(line, "line " + line + " is not UTF-8 text (save the file as CSV UTF-8); "
							+ "nothing of the file was imported"));
					break;
				}
				String broken = lineBreakInside(record);
				if (broken != null) {
					stopped.add(new FileProblem(line, "a field runs over the end of the line (" + broken
							+ "): a quote is not closed, so the rest of the file cannot be read"));
					break;
				}
				if (!headerSeen) {
					headerSeen = true;
					headerProblems.addAll(handler.header(record.getFields()));
					headerFine = headerProblems.isEmpty();
					if (!headerFine) {
						break;
					}
					continue;
				}
				rows++;
				handler.row(line, record);
			}
			if (!headerSeen) {
				headerProblems.add("the file is empty: a header row naming the columns is required");
			}
		}
		catch (CsvParseException ex) {
			String cause = ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage();
			stopped.add(new FileProblem(line + 1, "the file cannot be read as CSV after line " + line + ": " + cause
					+ " (a quote inside a field must be doubled, and the field quoted)"));
		}
		catch (UncheckedIOException ex) {
			stopped.add(problem(ex.getCause(), line));
		}
		catch (IOException ex) {
			stopped.add(problem(ex, line));
		}
		return new Outcome(List.copyOf(headerProblems), List.copyOf(stopped), rows);
	}

	private static FileProblem problem(IOException ex, long line) {
		throw new UncheckedIOException(ex);
	}

	private static int readUpTo(Reader reader, char[] buffer) throws IOException {
		int n = 0;
		while (n < buffer.length) {
			int read = reader.read(buffer, n, buffer.length - n);
			if (read < 0) {
				break;
			}
			n += read;
			int newline = indexOf(buffer, '\n', 0, n);
			if (newline >= 0) {
				// the header line is all we need to look at; keep reading only if it is not complete
				break;
			}
		}
		return n;
	}

	private static int indexOf(char[] chars, char c, int from, int to) {
		for (int i = from; i < to; i++) {
			if (chars[i] == c) {
				return i;
			}
		}
		return -1;
	}

	/** A semicolon when the header row has more semicolons than commas (as spreadsheets save in some locales). */
	static char separator(char[] head, int from, int to) {
		int end = indexOf(head, '\n', from, to);
		end = end < 0 ? to : end;
		int semicolons = 0;
		int commas = 0;
		for (int i = from; i < end; i++) {
			if (head[i] == ';') {
				semicolons++;
			}
			else if (head[i] == ',') {
				commas++;
			}
		}
		return semicolons > commas ? ';' : ',';
	}

	private static boolean notUtf8(CsvRecord record) {
		for (int i = 0; i < record.getFieldCount(); i++) {
			if (record.getField(i).indexOf('\uFFFD') >= 0) {
				return true;
			}
		}
		return false;
	}

	private static String lineBreakInside(CsvRecord record) {
		for (int i = 0; i < record.getFieldCount(); i++) {
			String field = record.getField(i);
			if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
				return "field " + (i + 1);
			}
		}
		return null;
	}

	/** A column name as compared: trimmed, lower case, runs of other characters than letters and digits as one '_'. */
	public static String normalise(String name) {
		String lower = name.strip().toLowerCase(java.util.Locale.ROOT);
		StringBuilder out = new StringBuilder(lower.length());
		boolean gap = false;
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				if (gap && out.length() > 0) {
					out.append('_');
				}
				gap = false;
				out.append(c);
			}
			else {
				gap = true;
			}
		}
		return out.toString();
	}

}
