package org.ringfence.performance.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * A CSV file with a header row, read strictly: UTF-8 (a BOM is allowed), comma or semicolon
 * separated, column names case-insensitive, unknown or missing columns and rows of the wrong width
 * reported with their line.
 */
public record CsvTable(List<Row> rows, List<RowError> errors) {

	/** A data row: its line in the file and its fields by (lower-case) column name. */
	public record Row(long line, Map<String, String> fields) {

		public String get(String column) {
			return this.fields.getOrDefault(column, "").strip();
		}

	}

	public static CsvTable read(byte[] content, Set<String> columns, Set<String> required) {
		List<RowError> errors = new ArrayList<>();
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new CsvTable(List.of(), List.of(new RowError(1, "", "the file is not UTF-8 text (save it as CSV UTF-8)")));
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.isBlank()) {
			return new CsvTable(List.of(), List.of(new RowError(1, "", "the file is empty: a header row naming the columns is required")));
		}
		int end = text.indexOf('\n');
		String header = end < 0 ? text : text.substring(0, end);
		char separator = header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count() ? ';' : ',';
		List<Row> rows = new ArrayList<>();
		List<String> names = null;
		long line = 1;
		try {
			CsvReader<CsvRecord> reader = CsvReader.builder()
				.fieldSeparator(separator)
				.skipEmptyLines(true)
				.allowExtraFields(true)
				.allowMissingFields(true)
				.ofCsvRecord(text);
			for (CsvRecord record : reader) {
				line = record.getStartingLineNumber();
				if (names == null) {
					names = new ArrayList<>();
					for (String field : record.getFields()) {
						String name = field.strip().toLowerCase(Locale.ROOT);
						if (!columns.contains(name)) {
							errors.add(new RowError(line, name, "unknown column: the columns are " + String.join(", ", columns)));
						}
						else if (names.contains(name)) {
							errors.add(new RowError(line, name, "the column is named twice"));
						}
						names.add(name);
					}
					for (String need : required) {
						if (!names.contains(need)) {
							errors.add(new RowError(line, need, "missing column"));
						}
					}
					if (!errors.isEmpty()) {
						return new CsvTable(List.of(), errors);
					}
					continue;
				}
				if (record.getFieldCount() != names.size()) {
					errors.add(new RowError(line, "", "expected " + names.size() + " fields as in the header, found "
							+ record.getFieldCount()));
					continue;
				}
				Map<String, String> fields = new HashMap<>();
				for (int i = 0; i < names.size(); i++) {
					fields.put(names.get(i), record.getField(i));
				}
				rows.add(new Row(line, fields));
			}
		}
		catch (CsvParseException ex) {
			errors.add(new RowError(line, "", "the file cannot be read as CSV after this line"));
		}
		return new CsvTable(rows, errors);
	}

	static Long positiveLong(Row row, String column, List<RowError> errors) {
		String text = row.get(column);
		if (text.isEmpty()) {
			return null;
		}
		try {
			long value = Long.parseLong(text);
			if (value <= 0) {
				errors.add(new RowError(row.line(), column, "must be a positive whole number"));
				return null;
			}
			return value;
		}
		catch (NumberFormatException ex) {
			errors.add(new RowError(row.line(), column, "not a whole number: " + shorten(text)));
			return null;
		}
	}

	static String shorten(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "..." : text;
	}


}
