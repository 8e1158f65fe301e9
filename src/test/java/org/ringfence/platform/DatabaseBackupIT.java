package org.ringfence.platform;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
