package org.ringfence.platform;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical, online dump of the application's database and its load into an empty one: what
 * {@code pg_dump --data-only} and {@code pg_restore} would do, through the JDBC driver, because the
 * embedded PostgreSQL bundle carries no {@code pg_dump} (decision 22, 27).
 * <p>
 * The dump reads every table of the application's schemas in one read-only, repeatable-read
 * transaction (one consistent snapshot, taken while the application runs and writes; nobody is
 * blocked) with {@code COPY ... TO STDOUT} in PostgreSQL's text format, which every PostgreSQL
 * version reads; it records each table's columns and row count, every sequence's position, and the
 * schema version Flyway had applied. Sessions ({@code spring_session*}) and Flyway's own history are
 * left out: a restore signs everybody out.
 * <p>
 * The load builds the schema with the application's own Flyway migrations up to the dump's version
 * on an empty database, empties what the migrations seeded, and copies every table back with
 * triggers and foreign-key checks off ({@code session_replication_role = replica}: the rows were
 * consistent when dumped, and the audit trail keeps its stored hashes instead of re-chaining), all
 * in one transaction: a failed load leaves nothing. It then sets the sequences and compares every
 * table's row count with the dump's.
 */
final class LogicalDump {

	static final String FORMAT = "ringfence logical dump 1";

	private static final String TABLES = """
			select n.nspname, c.relname
			from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where c.relkind in ('r', 'p') and not c.relispartition
			  and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
			  and c.relname <> 'flyway_schema_history' and c.relname not like 'spring\\_session%'
			order by 1, 2""";

	private LogicalDump() {
	}

	/** What a dump holds, from its manifest. */
	record Table(String name, List<String> columns, long rows) {
	}

	/**
	 * Dumps the database behind the connection into {@code file} (written as {@code FILE.partial},
	 * renamed when complete); returns the manifest.
	 */
	static Properties dump(Connection connection, Path file) throws IOException, SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.deleteIfExists(partial);
		Files.createFile(partial);
		DatabaseBackup.setMode(partial, "rw-------"); // password hashes and personal data
		Properties manifest = new Properties();
		try (Statement sql = connection.createStatement()) {
			sql.execute("set transaction isolation level repeatable read, read only");
			manifest.setProperty("format", FORMAT);
			manifest.setProperty("created", DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
			manifest.setProperty("postgres.version", single(sql, "show server_version"));
			manifest.setProperty("postgres.major", single(sql, "show server_version_num").substring(0, 2));
			manifest.setProperty("flyway.version", flywayVersion(sql));
			List<String[]> names = new ArrayList<>();
			try (ResultSet rs = sql.executeQuery(TABLES)) {
				while (rs.next()) {
					names.add(new String[] { rs.getString(1), rs.getString(2) });
				}
			}
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			long totalRows = 0;
			try (OutputStream stream = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(stream)) {
				for (int i = 0; i < names.size(); i++) {
					String table = ident(names.get(i)[0]) + "." + ident(names.get(i)[1]);
					List<String> columns = columns(connection, names.get(i)[0], names.get(i)[1]);
					zip.putNextEntry(new ZipEntry("tables/" + i + ".copy"));
					long rows = copy.copyOut("copy " + table + " (" + String.join(", ", columns) + ") to stdout",
							new FilterOutputStream(zip) {

								@Override
								public void write(byte[] b, int off, int len) throws IOException {
									this.out.write(b, off, len);
								}

								@Override
								public void close() {
									// the zip stays open for the next table
								}

							});
					zip.closeEntry();
					manifest.setProperty("table." + i + ".name", table);
					manifest.setProperty("table." + i + ".columns", String.join(",", columns));
					manifest.setProperty("table." + i + ".rows", Long.toString(rows));
					totalRows += rows;
				}
				manifest.setProperty("tables", Integer.toString(names.size()));
				manifest.setProperty("rows", Long.toString(totalRows));
				int sequences = 0;
				try (ResultSet rs = sql.executeQuery("""
						select quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value
						from pg_sequences where schemaname not in ('pg_catalog', 'information_schema') order by 1""")) {
					while (rs.next()) {
						String name = rs.getString(1);
						long last = rs.getLong(2);
						manifest.setProperty("sequence." + sequences + ".last", rs.wasNull() ? "" : Long.toString(last));
						manifest.setProperty("sequence." + sequences + ".name", name);
						sequences++;
					}
				}
				manifest.setProperty("sequences", Integer.toString(sequences));
				zip.putNextEntry(new ZipEntry(DatabaseBackup.MANIFEST)); // last: the dump is complete when it is there
				StringWriter text = new StringWriter();
				manifest.store(text, "Ringfence logical dump");
				zip.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
				zip.closeEntry();
			}
			connection.commit();
		}
		catch (IOException | SQLException | RuntimeException ex) {
			connection.rollback();
			Files.deleteIfExists(partial);
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return manifest;
	}

	/**
	 * Loads a dump into the empty database behind the connection (no Flyway history: refused
	 * otherwise). Returns the row count of every table loaded, which equals the dump's.
	 */
	static Map<String, Long> load(Path file, Properties manifest, DataSource dataSource) throws IOException, SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return load(file, manifest, connection, dataSource);
		}
	}

	private static Map<String, Long> load(Path file, Properties manifest, Connection connection, DataSource dataSource)
			throws IOException, SQLException {
		try (Statement sql = connection.createStatement()) {
			if (!"none".equals(flywayVersion(sql)) || single(sql, "select to_regclass('public.flyway_schema_history')") != null) {
				throw new IllegalStateException("The target database is not empty (it has a Flyway schema history): "
						+ "restore a dump into an empty database only.");
			}
		}
		String version = manifest.getProperty("flyway.version");
		if (version == null || version.equals("none")) {
			throw new IllegalStateException(file + " records no schema version: it cannot be loaded");
		}
		Flyway.configure(LogicalDump.class.getClassLoader())
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.target(MigrationVersion.fromVersion(version))
			.load()
			.migrate();
		Map<Integer, Table> tables = tables(manifest);
		Map<String, Long> loaded = new LinkedHashMap<>();
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try (Statement sql = connection.createStatement()) {
			sql.execute("set local session_replication_role = replica");
			List<String> all = new ArrayList<>();
			try (ResultSet rs = sql.executeQuery(TABLES)) {
				while (rs.next()) {
					all.add(ident(rs.getString(1)) + "." + ident(rs.getString(2)));
				}
			}
			for (Table table : tables.values()) {
				if (!all.contains(table.name())) {
					throw new IllegalStateException("The dump holds table " + table.name()
							+ ", which the migrations up to version " + version + " do not create");
				}
			}
			if (!all.isEmpty()) {
				sql.execute("truncate " + String.join(", ", all)); // what the migrations seeded
			}
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			try (InputStream stream = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(stream)) {
				for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
					if (!entry.getName().startsWith("tables/")) {
						continue;
					}
					Table table = tables.get(Integer.parseInt(entry.getName().substring("tables/".length(),
							entry.getName().length() - ".copy".length())));
					long rows = copy.copyIn("copy " + table.name() + " (" + String.join(", ", table.columns()) + ") from stdin",
							new FilterInputStream(zip) {

								@Override
								public void close() {
									// the zip stays open for the next table
								}

							});
					loaded.put(table.name(), rows);
				}
			}
			for (int i = 0; i < Integer.parseInt(manifest.getProperty("sequences", "0")); i++) {
				String name = manifest.getProperty("sequence." + i + ".name");
				String last = manifest.getProperty("sequence." + i + ".last");
				try (var set = connection.prepareStatement("select setval(cast(? as regclass), ?, ?)")) {
					set.setString(1, name);
					set.setLong(2, last.isEmpty() ? 1 : Long.parseLong(last));
					set.setBoolean(3, !last.isEmpty());
					set.execute();
				}
			}
			for (Table table : tables.values()) {
				long count = Long.parseLong(single(sql, "select count(*) from " + table.name()));
				if (count != table.rows() || !Long.valueOf(table.rows()).equals(loaded.get(table.name()))) {
					throw new IllegalStateException("Table " + table.name() + " holds " + count + " rows after the load; the dump has "
							+ table.rows());
				}
			}
			connection.commit();
		}
		catch (IOException | SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
		return loaded;
	}

	/** The tables a manifest lists, by their number in the dump. */
	static Map<Integer, Table> tables(Properties manifest) {
		Map<Integer, Table> tables = new LinkedHashMap<>();
		int count = Integer.parseInt(manifest.getProperty("tables", "0"));
		for (int i = 0; i < count; i++) {
			String name = manifest.getProperty("table." + i + ".name");
			String columns = manifest.getProperty("table." + i + ".columns");
			String rows = manifest.getProperty("table." + i + ".rows");
			if (name == null || columns == null || rows == null) {
				throw new IllegalStateException("The dump's manifest lacks table " + i);
			}
			tables.put(i, new Table(name, List.of(columns.split(",")), Long.parseLong(rows)));
		}
		return tables;
	}

	/** The columns a COPY can write, in table order: stored generated columns are computed again. */
	private static List<String> columns(Connection connection, String schema, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (var query = connection.prepareStatement("""
				select quote_ident(a.attname) from pg_attribute a
				where a.attrelid = cast(quote_ident(?) || '.' || quote_ident(?) as regclass)
				  and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
				order by a.attnum""")) {
			query.setString(1, schema);
			query.setString(2, table);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					columns.add(rs.getString(1));
				}
			}
		}
		return columns;
	}

	static String flywayVersion(Statement sql) throws SQLException {
		if (single(sql, "select to_regclass('public.flyway_schema_history')") == null) {
			return "none";
		}
		String version = single(sql, "select version from public.flyway_schema_history "
				+ "where success and version is not null order by installed_rank desc limit 1");
		return version == null ? "none" : version;
	}

	private static String single(Statement sql, String query) throws SQLException {
		try (ResultSet rs = sql.executeQuery(query)) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	private static String ident(String name) {
		return "\"" + name.replace("\"", "\"\"") + "\"";
	}

}
