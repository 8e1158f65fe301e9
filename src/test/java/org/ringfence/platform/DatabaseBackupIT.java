package org.ringfence.platform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup and restore commands, round trip, on a throwaway embedded PostgreSQL of their own:
 * back up, change the data, restore (refused without --force), and the data is back as before.
 */
class DatabaseBackupIT {

	@TempDir
	Path root;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	final DatabaseBackup command = new DatabaseBackup(new PrintStream(this.out, true, StandardCharsets.UTF_8),
			new PrintStream(this.err, true, StandardCharsets.UTF_8));

	@Test
	void backupChangeRestoreGivesTheDataBack() throws Exception {
		Path pgData = this.root.resolve("data/postgres");
		DatabaseBackup.withServer(pgData, connection -> {
			try (Statement sql = connection.createStatement()) {
				sql.execute("create schema app");
				sql.execute("create table app.duty (id int primary key, name text not null)");
				sql.execute("insert into app.duty values (1, 'early'), (2, 'late'), (3, 'night')");
			}
			return null;
		});
		Path file = this.root.resolve("backups/ringfence.backup");

		int backedUp = this.command.execute(new String[] { "backup", file.toString(), "--data-dir=" + this.root.resolve("data") });

		assertThat(backedUp).as(this.err.toString()).isZero();
		assertThat(file).isRegularFile();
		assertThat(this.out.toString()).contains("Backed up").contains("3 rows in 1 tables");

		DatabaseBackup.withServer(pgData, connection -> {
			try (Statement sql = connection.createStatement()) {
				sql.execute("delete from app.duty where id = 1");
				sql.execute("update app.duty set name = 'changed' where id = 2");
				sql.execute("insert into app.duty values (4, 'added')");
			}
			return null;
		});
		assertThat(rows(pgData)).containsExactly("2 changed", "3 night", "4 added");

		int refused = this.command.execute(new String[] { "restore", file.toString(), "--data-dir=" + this.root.resolve("data") });
		assertThat(refused).isEqualTo(2);
		assertThat(this.err.toString()).contains("Refusing to overwrite").contains("--force");
		assertThat(rows(pgData)).containsExactly("2 changed", "3 night", "4 added");

		int restored = this.command
			.execute(new String[] { "restore", file.toString(), "--force", "--data-dir=" + this.root.resolve("data") });

		assertThat(restored).as(this.err.toString()).isZero();
		assertThat(rows(pgData)).containsExactly("1 early", "2 late", "3 night");
		try (var siblings = Files.list(pgData.getParent())) {
			List<Path> kept = siblings.filter(p -> p.getFileName().toString().startsWith("postgres.before-restore-")).toList();
			assertThat(kept).hasSize(1);
			assertThat(rows(kept.get(0))).containsExactly("2 changed", "3 night", "4 added");
		}

		Path elsewhere = this.root.resolve("fresh/postgres");
		assertThat(this.command.restore(file, elsewhere, false)).as(this.err.toString()).isZero();
		assertThat(rows(elsewhere)).containsExactly("1 early", "2 late", "3 night");
	}

	@Test
	void backupRefusesWhileTheServerRuns() throws Exception {
		Path pgData = this.root.resolve("running/postgres");
		try (EmbeddedPostgres running = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofSeconds(120))
			.start()) {
			assertThat(this.command.backup(pgData, this.root.resolve("x.backup"))).isEqualTo(2);
			assertThat(this.err.toString()).contains("stop the application first");
		}
		assertThat(this.root.resolve("x.backup")).doesNotExist();
	}

	@Test
	void refusesWhatIsNotABackupAndMissingArguments() throws Exception {
		Path notABackup = Files.writeString(this.root.resolve("notes.txt"), "hello");
		assertThat(this.command.execute(new String[] { "restore", notABackup.toString(), "--data-dir=" + this.root }))
			.isEqualTo(1);
		assertThat(this.err.toString()).contains("not a Ringfence backup");
		assertThat(this.command.execute(new String[] { "backup" })).isEqualTo(2);
		assertThat(this.err.toString()).contains("Usage");
		assertThat(this.command.execute(new String[] { "backup", this.root.resolve("b").toString(), "--data-dir=" + this.root }))
			.isEqualTo(2);
		assertThat(this.err.toString()).contains("There is no database");
	}

	@Test
	void aDumpTakenWhileTheServerRunsLoadsIntoANewDatabaseWithEveryRowAndSequence() throws Exception {
		Path running = this.root.resolve("live/postgres");
		Path file = this.root.resolve("dumps/ringfence.dump");
		Map<String, String> dumped;
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(running)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofSeconds(120))
			.start()) {
			DataSource dataSource = postgres.getPostgresDatabase();
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement()) {
				for (String action : List.of("dump test one", "dump test two")) {
					sql.execute("insert into audit.entry (seq, recorded_at, actor, action, entity_type, entity_id, prev_hash, hash) "
							+ "values (0, now(), 'test', '" + action + "', 'thing', '1', '', 'x')");
				}
				dumped = fingerprints(c);
			}

			int code = this.command.execute(new String[] { "dump", file.toString(), "--data-dir=" + running.getParent() });

			assertThat(code).as(this.err.toString()).isZero();
			assertThat(this.out.toString()).contains("Dumping the running database").contains("Dumped");
			try (Connection c = dataSource.getConnection(); Statement sql = c.createStatement()) {
				sql.execute("insert into audit.entry (seq, recorded_at, actor, action, entity_type, entity_id, prev_hash, hash) "
						+ "values (0, now(), 'test', 'after the dump', 'thing', '1', '', 'x')");
			}
		}
		assertThat(dumped.get("audit.entry")).isNotEqualTo(EMPTY_MD5);

		Path fresh = this.root.resolve("fresh/postgres");
		int restored = this.command.execute(new String[] { "restore", file.toString(), "--data-dir=" + fresh.getParent() });

		assertThat(restored).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains("Restored").contains("schema version");
		DatabaseBackup.withServer(fresh, c -> {
			assertThat(fingerprints(c)).isEqualTo(dumped);
			try (Statement sql = c.createStatement()) {
				// the chain was kept as stored, and numbering goes on after the last entry dumped
				try (ResultSet rs = sql.executeQuery("select count(*), max(seq) from audit.entry where action like 'dump test%'")) {
					rs.next();
					assertThat(rs.getInt(1)).isEqualTo(2);
					long lastSeq = rs.getLong(2);
					sql.execute("insert into audit.entry (seq, recorded_at, actor, action, entity_type, entity_id, prev_hash, hash) "
							+ "values (0, now(), 'test', 'after the restore', 'thing', '1', '', 'x')");
					try (ResultSet next = sql.executeQuery("select seq from audit.entry where action = 'after the restore'")) {
						next.next();
						assertThat(next.getLong(1)).isGreaterThan(lastSeq);
					}
				}
				try (ResultSet rs = sql.executeQuery("select count(*) from audit.entry where action = 'after the dump'")) {
					rs.next();
					assertThat(rs.getInt(1)).isZero();
				}
			}
			return null;
		});

		int refused = this.command.execute(new String[] { "restore", file.toString(), "--data-dir=" + fresh.getParent() });
		assertThat(refused).isEqualTo(2);
		assertThat(this.err.toString()).contains("Refusing to overwrite");
	}

	static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

	/** Every application table's content as one MD5 over its rows in text order. */
	private static Map<String, String> fingerprints(Connection c) throws java.sql.SQLException {
		Map<String, String> prints = new TreeMap<>();
		List<String> tables = new ArrayList<>();
		try (Statement sql = c.createStatement()) {
			try (ResultSet rs = sql.executeQuery("""
					select table_schema || '.' || table_name from information_schema.tables
					where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
					  and table_name <> 'flyway_schema_history' and table_name not like 'spring_session%'""")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			for (String table : tables) {
				try (ResultSet rs = sql.executeQuery(
						"select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) from " + table + " t")) {
					rs.next();
					prints.put(table, rs.getString(1));
				}
			}
		}
		return prints;
	}

	private static List<String> rows(Path pgData) throws Exception {
		return DatabaseBackup.withServer(pgData, connection -> {
			List<String> rows = new ArrayList<>();
			try (Statement sql = connection.createStatement();
					ResultSet rs = sql.executeQuery("select id, name from app.duty order by id")) {
				while (rs.next()) {
					rows.add(rs.getInt(1) + " " + rs.getString(2));
				}
			}
			return rows;
		});
	}

}
