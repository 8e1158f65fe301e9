package org.ringfence.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@code java -jar ringfence.jar backup FILE}, {@code dump FILE} and {@code restore FILE [--force]}: a backup of the
 * embedded PostgreSQL database while the application is stopped, and its restore.
 * <p>
 * The PostgreSQL bundle the application embeds (zonky) holds {@code initdb}, {@code pg_ctl} and
 * {@code postgres} only: no {@code pg_dump} or {@code pg_restore} (and the operating system's
 * client, version 15 on Debian 12, refuses a version 16 server). So the backup is PostgreSQL's
 * "file system level backup": the command starts the embedded server on the application's data
 * directory (which completes any recovery after a crash), records what it holds, stops it cleanly
 * and writes the whole data directory into one zip file with a manifest. A restore checks the
 * file, refuses to replace a data directory that holds a database unless {@code --force} is given
 * (the old directory is then kept beside it, renamed, never deleted), unpacks the copy, and starts
 * and stops the server once to prove it opens, comparing what it holds with the manifest. A
 * backup restores only onto the same PostgreSQL major version (16); see docs/decisions/0022.
 * <p>
 * {@code dump FILE} makes a logical dump instead, online ({@link LogicalDump}, decision 27), and
 * {@code restore FILE} loads one into a new database when the file's manifest says it is a dump.
 * <p>
 * The data directory is {@code --data-dir=DIR}, else the system property
 * {@code ringfence.data-directory}, else {@code RINGFENCE_DATA_DIR}, else {@code ./data} (as the
 * application's); the database lives in its {@code postgres} sub-directory.
 */
public final class DatabaseBackup {

	static final String MANIFEST = "ringfence-backup.properties";

	static final String DATA_PREFIX = "postgres/";

	/** Files of a running or stopped server that a copy must not carry. */
	private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

	private final PrintStream out;

	private final PrintStream err;

	DatabaseBackup(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** Whether the command line asks for a backup or a restore (instead of starting the application). */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore") || args[0].equals("dump"));
	}

	/** Runs the command; returns the process exit code (0 done, 1 failed, 2 refused or misused). */
	public static int run(String[] args) {
		quietLogging();
		return new DatabaseBackup(System.out, System.err).execute(args);
	}

	/** Without Spring Boot's logging set-up Logback logs everything at DEBUG; the command says what matters itself. */
	private static void quietLogging() {
		if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
		}
	}

	int execute(String[] args) {
		String command = args[0];
		String file = null;
		boolean force = false;
		Optional<String> dataDir = Optional.empty();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--force")) {
				force = true;
			}
			else if (arg.startsWith("--data-dir=")) {
				dataDir = Optional.of(arg.substring("--data-dir=".length()));
			}
			else if (arg.startsWith("--") || file != null) {
				return usage("Unexpected argument: " + arg);
			}
			else {
				file = arg;
			}
		}
		if (file == null) {
			return usage("Name the backup file.");
		}
		Path pgData = dataDirectory(dataDir).resolve("postgres").toAbsolutePath().normalize();
		try {
			return switch (command) {
				case "backup" -> backup(pgData, Path.of(file).toAbsolutePath());
				case "dump" -> dump(pgData, Path.of(file).toAbsolutePath());
				default -> restore(Path.of(file).toAbsolutePath(), pgData, force);
			};
		}
		catch (IOException | SQLException | RuntimeException ex) {
			this.err.println(command + " failed: " + ex.getMessage());
			return 1;
		}
	}

	private int usage(String problem) {
		this.err.println(problem);
		this.err.println("Usage: java -jar ringfence.jar backup FILE [--data-dir=DIR]");
		this.err.println("       java -jar ringfence.jar dump FILE [--data-dir=DIR]");
		this.err.println("       java -jar ringfence.jar restore FILE [--force] [--data-dir=DIR]");
		return 2;
	}

	static Path dataDirectory(Optional<String> option) {
		return Path.of(option.or(() -> Optional.ofNullable(System.getProperty("ringfence.data-directory")))
			.or(() -> Optional.ofNullable(System.getenv("RINGFENCE_DATA_DIR")))
			.filter(s -> !s.isBlank())
			.orElse("./data"));
	}

	/** Backs up the database in {@code pgData} into {@code file} (replaced if it exists). */
	int backup(Path pgData, Path file) throws IOException, SQLException {
		if (!Files.isRegularFile(pgData.resolve("PG_VERSION"))) {
			this.err.println("There is no database at " + pgData + " to back up.");
			return 2;
		}
		if (runningServer(pgData).isPresent()) {
			this.err.println(runningMessage(pgData));
			return 2;
		}
		this.out.println("Starting the database in " + pgData);
		Map<String, String> contents = withServer(pgData, DatabaseBackup::describe);
		Properties manifest = new Properties();
		manifest.putAll(contents);
		manifest.setProperty("created", DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
		manifest.setProperty("postgres.major", Files.readString(pgData.resolve("PG_VERSION")).trim());
		manifest.setProperty("format", "ringfence file-system backup 1");
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Files.createDirectories(file.toAbsolutePath().getParent());
		long[] files = { 0, 0 };
		Files.deleteIfExists(partial);
		Files.createFile(partial);
		setMode(partial, "rw-------"); // the copy holds everything the database does, password hashes included
		try (OutputStream stream = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(stream)) {
			zip.putNextEntry(new ZipEntry(MANIFEST));
			StringWriter text = new StringWriter();
			manifest.store(text, "Ringfence database backup");
			zip.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
			zip.closeEntry();
			Files.walkFileTree(pgData, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
					String name = DATA_PREFIX + relative(pgData, dir);
					zip.putNextEntry(new ZipEntry(name.endsWith("/") ? name : name + "/"));
					zip.closeEntry();
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path path, BasicFileAttributes attrs) throws IOException {
					if (SKIPPED.contains(path.getFileName().toString()) && path.getParent().equals(pgData)) {
						return FileVisitResult.CONTINUE;
					}
					if (!attrs.isRegularFile()) {
						throw new IOException("Not a regular file, cannot be copied: " + path);
					}
					zip.putNextEntry(new ZipEntry(DATA_PREFIX + relative(pgData, path)));
					Files.copy(path, zip);
					zip.closeEntry();
					files[0]++;
					files[1] += attrs.size();
					return FileVisitResult.CONTINUE;
				}

			});
		}
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		this.out.printf("Backed up %s (%d files, %d MB of data; schema version %s, %s rows in %s tables) to %s%n",
				pgData, files[0], files[1] / 1_000_000, contents.get("flyway.version"), contents.get("rows"),
				contents.get("tables"), file);
		return 0;
	}

	/**
	 * Restores {@code file} into {@code pgData}. A data directory holding anything is replaced only
	 * with {@code force}, and is then kept beside it under a new name.
	 */
	int restore(Path file, Path pgData, boolean force) throws IOException, SQLException {
		if (!Files.isRegularFile(file)) {
			this.err.println("There is no backup file " + file);
			return 2;
		}
		Properties manifest = readManifest(file);
		if (LogicalDump.FORMAT.equals(manifest.getProperty("format"))) {
			return restoreDump(file, manifest, pgData, force);
		}
		if (!"16".equals(manifest.getProperty("postgres.major"))) {
			this.err.println(file + " is a backup of PostgreSQL " + manifest.getProperty("postgres.major")
					+ "; this application runs PostgreSQL 16.");
			return 2;
		}
		boolean occupied = Files.isDirectory(pgData) && !isEmpty(pgData);
		if (refusedReplacing(pgData, occupied, force)) {
			return 2;
		}
		Path unpacked = pgData.resolveSibling(pgData.getFileName() + ".restoring");
		deleteTree(unpacked);
		unzip(file, unpacked);
		Optional<Path> keptAside = swapIn(unpacked, pgData, occupied);
		this.out.println("Starting the restored database in " + pgData);
		Map<String, String> contents = withServer(pgData, DatabaseBackup::describe);
		for (String key : List.of("flyway.version", "tables", "rows")) {
			if (!String.valueOf(manifest.getProperty(key)).equals(String.valueOf(contents.get(key)))) {
				this.err.println("The restored database differs from the backup's manifest: " + key + " is "
						+ contents.get(key) + ", the backup says " + manifest.getProperty(key));
				return 1;
			}
		}
		this.out.printf("Restored %s (taken %s; schema version %s, %s rows in %s tables) into %s%n", file,
				manifest.getProperty("created"), contents.get("flyway.version"), contents.get("rows"),
				contents.get("tables"), pgData);
		keptAside.ifPresent(path -> this.out.println("The database it replaced is kept in " + path
				+ "; delete it when you no longer need it."));
		return 0;
	}

	/**
	 * A logical dump (decision 27): of the database {@code SPRING_DATASOURCE_URL} names when set, else
	 * of the embedded one, online through its running server (the application's) or by starting it.
	 */
	int dump(Path pgData, Path file) throws IOException, SQLException {
		Optional<DataSource> external = externalDatabase();
		Properties manifest;
		if (external.isPresent()) {
			this.out.println("Dumping the database at " + System.getenv("SPRING_DATASOURCE_URL"));
			try (Connection connection = external.get().getConnection()) {
				manifest = LogicalDump.dump(connection, file);
			}
		}
		else if (runningServer(pgData).isPresent()) {
			this.out.println("Dumping the running database in " + pgData + " (online: one consistent snapshot)");
			try (Connection connection = runningServerDataSource(pgData).getConnection()) {
				manifest = LogicalDump.dump(connection, file);
			}
		}
		else if (Files.isRegularFile(pgData.resolve("PG_VERSION"))) {
			this.out.println("Starting the database in " + pgData);
			manifest = withServer(pgData, connection -> LogicalDump.dump(connection, file));
		}
		else {
			this.err.println("There is no database at " + pgData + " to dump.");
			return 2;
		}
		this.out.printf("Dumped %s rows of %s tables (schema version %s, PostgreSQL %s) to %s%n", manifest.getProperty("rows"),
				manifest.getProperty("tables"), manifest.getProperty("flyway.version"),
				manifest.getProperty("postgres.version"), file);
		return 0;
	}

	/**
	 * Loads a logical dump: into the empty database {@code SPRING_DATASOURCE_URL} names when set, else
	 * into a new embedded database that replaces the one in {@code pgData} only when the load
	 * succeeded (with {@code force} when there is one; it is then kept beside it, renamed).
	 */
	int restoreDump(Path file, Properties manifest, Path pgData, boolean force) throws IOException, SQLException {
		Optional<DataSource> external = externalDatabase();
		if (external.isPresent()) {
			this.out.println("Loading " + file + " into the database at " + System.getenv("SPRING_DATASOURCE_URL"));
			Map<String, Long> loaded = LogicalDump.load(file, manifest, external.get());
			this.out.printf("Restored %s (dumped %s; schema version %s): %d rows in %d tables%n", file,
					manifest.getProperty("created"), manifest.getProperty("flyway.version"),
					loaded.values().stream().mapToLong(Long::longValue).sum(), loaded.size());
			return 0;
		}
		boolean occupied = Files.isDirectory(pgData) && !isEmpty(pgData);
		if (refusedReplacing(pgData, occupied, force)) {
			return 2;
		}
		Path loading = pgData.resolveSibling(pgData.getFileName() + ".restoring");
		deleteTree(loading);
		this.out.println("Creating a new database and loading " + file + " into it");
		Map<String, Long> loaded;
		try {
			loaded = withDataSource(loading, dataSource -> LogicalDump.load(file, manifest, dataSource));
		}
		catch (IOException | SQLException | RuntimeException ex) {
			deleteTree(loading);
			throw ex;
		}
		Optional<Path> keptAside = swapIn(loading, pgData, occupied);
		this.out.printf("Restored %s (dumped %s; schema version %s): %d rows in %d tables, into %s%n", file,
				manifest.getProperty("created"), manifest.getProperty("flyway.version"),
				loaded.values().stream().mapToLong(Long::longValue).sum(), loaded.size(), pgData);
		keptAside.ifPresent(path -> this.out.println("The database it replaced is kept in " + path
				+ "; delete it when you no longer need it."));
		return 0;
	}

	/** Says why a database in the directory may not be replaced (it holds one and no --force, or it runs). */
	private boolean refusedReplacing(Path pgData, boolean occupied, boolean force) {
		if (occupied && !force) {
			this.err.println("Refusing to overwrite the database in " + pgData
					+ ": it is not empty. Add --force to replace it (it is kept, renamed, beside the restored one).");
			return true;
		}
		if (occupied && runningServer(pgData).isPresent()) {
			this.err.println(runningMessage(pgData));
			return true;
		}
		return false;
	}

	/** Moves the prepared directory into place; a database it replaces is kept beside it, renamed (returned). */
	private static Optional<Path> swapIn(Path prepared, Path pgData, boolean occupied) throws IOException {
		Optional<Path> keptAside = Optional.empty();
		if (occupied) {
			String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
			keptAside = Optional.of(pgData.resolveSibling(pgData.getFileName() + ".before-restore-" + stamp));
			Files.move(pgData, keptAside.get(), StandardCopyOption.ATOMIC_MOVE);
		}
		else {
			Files.createDirectories(pgData.getParent());
			Files.deleteIfExists(pgData);
		}
		Files.move(prepared, pgData, StandardCopyOption.ATOMIC_MOVE);
		return keptAside;
	}

	/** The database of {@code SPRING_DATASOURCE_URL} (with its username and password), as the application uses it. */
	static Optional<DataSource> externalDatabase() {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url == null || url.isBlank()) {
			return Optional.empty();
		}
		org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
		dataSource.setURL(url);
		Optional.ofNullable(System.getenv("SPRING_DATASOURCE_USERNAME")).ifPresent(dataSource::setUser);
		Optional.ofNullable(System.getenv("SPRING_DATASOURCE_PASSWORD")).ifPresent(dataSource::setPassword);
		return Optional.of(dataSource);
	}

	/** The embedded server running on the directory (its port from {@code postmaster.pid}), as the application connects. */
	static DataSource runningServerDataSource(Path pgData) throws IOException {
		List<String> pidFile = Files.readAllLines(pgData.resolve("postmaster.pid"));
		org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
		dataSource.setServerNames(new String[] { "localhost" });
		dataSource.setPortNumbers(new int[] { Integer.parseInt(pidFile.get(3).trim()) });
		dataSource.setDatabaseName("postgres");
		dataSource.setUser("postgres");
		return dataSource;
	}

	/** Starts the embedded server on the directory (created when missing), runs the work, and stops it cleanly. */
	static <T> T withDataSource(Path pgData, DataSourceWork<T> work) throws IOException, SQLException {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(120))
			.setServerConfig("timezone", "UTC")
			.setServerConfig("fsync", "on") // a restored database must be on disk when the command says so
			.setServerConfig("synchronous_commit", "on")
			.start();
		try {
			return work.apply(postgres.getPostgresDatabase());
		}
		finally {
			postgres.close();
			waitUntilStopped(pgData);
		}
	}

	@FunctionalInterface
	interface DataSourceWork<T> {

		T apply(DataSource dataSource) throws SQLException, IOException;

	}

	/** Starts the embedded server on the directory, runs the work, and stops the server cleanly. */
	static <T> T withServer(Path pgData, SqlWork<T> work) throws IOException, SQLException {
		return withDataSource(pgData, dataSource -> {
			try (Connection connection = dataSource.getConnection()) {
				return work.apply(connection);
			}
		});
	}

	@FunctionalInterface
	interface SqlWork<T> {

		T apply(Connection connection) throws SQLException, IOException;

	}

	/**
	 * What the database holds: the schema version Flyway applied, and the exact number of rows of
	 * every table of the application's schemas (so a restore can be checked against the backup).
	 */
	static Map<String, String> describe(Connection connection) throws SQLException {
		Map<String, String> facts = new TreeMap<>();
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select quote_ident(table_schema) || '.' || quote_ident(table_name) "
					+ "from information_schema.tables where table_type = 'BASE TABLE' "
					+ "and table_schema not in ('pg_catalog', 'information_schema') order by 1")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			long rows = 0;
			for (String table : tables) {
				try (ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
					rs.next();
					rows += rs.getLong(1);
				}
			}
			facts.put("tables", Integer.toString(tables.size()));
			facts.put("rows", Long.toString(rows));
			String version = "none";
			if (tables.contains("public.flyway_schema_history")) {
				try (ResultSet rs = statement.executeQuery("select version from public.flyway_schema_history "
						+ "where success and version is not null order by installed_rank desc limit 1")) {
					if (rs.next()) {
						version = rs.getString(1);
					}
				}
			}
			facts.put("flyway.version", version);
		}
		return facts;
	}

	/** The manifest: first in a file-system backup, last in a logical dump (written when the dump is complete). */
	private static Properties readManifest(Path file) throws IOException {
		try (InputStream stream = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(stream)) {
			ZipEntry entry = zip.getNextEntry();
			while (entry != null && !entry.getName().equals(MANIFEST) && entry.getName().startsWith("tables/")) {
				entry = zip.getNextEntry();
			}
			if (entry == null || !entry.getName().equals(MANIFEST)) {
				throw new IOException(file + " is not a Ringfence backup (no manifest)");
			}
			Properties manifest = new Properties();
			manifest.load(new StringReader(new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1)));
			return manifest;
		}
	}

	/** Unpacks the data directory of a backup; refuses entries that would land outside it. */
	private static void unzip(Path file, Path target) throws IOException {
		Files.createDirectories(target);
		setMode(target, "rwx------");
		boolean sawVersion = false;
		try (InputStream stream = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(stream)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals(MANIFEST)) {
					continue;
				}
				if (!entry.getName().startsWith(DATA_PREFIX)) {
					throw new IOException("Unexpected entry in the backup: " + entry.getName());
				}
				String name = entry.getName().substring(DATA_PREFIX.length());
				Path path = target.resolve(name).normalize();
				if (!path.startsWith(target)) {
					throw new IOException("The backup holds a path outside its directory: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					setMode(path, "rwx------");
				}
				else {
					Files.createDirectories(path.getParent());
					Files.copy(zip, path, StandardCopyOption.REPLACE_EXISTING);
					setMode(path, "rw-------");
					sawVersion |= name.equals("PG_VERSION");
				}
			}
		}
		if (!sawVersion) {
			throw new IOException(file + " holds no PostgreSQL data directory");
		}
	}

	static void setMode(Path path, String mode) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: PostgreSQL does not check modes there
		}
	}

	private static String relative(Path root, Path path) {
		return root.relativize(path).toString().replace('\\', '/');
	}

	private static boolean isEmpty(Path dir) throws IOException {
		try (var entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/** The live server process holding the data directory (the application, or a server it left). */
	static Optional<ProcessHandle> runningServer(Path pgData) {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(pidFile);
			return lines.isEmpty() ? Optional.empty()
					: ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static String runningMessage(Path pgData) {
		return "A PostgreSQL server (pid " + runningServer(pgData).map(ProcessHandle::pid).orElse(-1L)
				+ ") is using " + pgData + ": stop the application first. (A server left behind by a killed "
				+ "application stops when the application starts and stops once.)";
	}

	/** pg_ctl is given a few seconds only; a large database may take longer to write its last checkpoint. */
	private static void waitUntilStopped(Path pgData) throws IOException {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (runningServer(pgData).isPresent()) {
			if (System.nanoTime() > deadline) {
				throw new IOException("The database server did not stop within 5 minutes");
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while waiting for the database server to stop", ex);
			}
		}
	}

}
