package dev.migrate.engine;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Revision text PostgreSQL cannot accept fails when the revisions are loaded, naming the file
 * and line, before any revision runs.
 */
class BadRevisionInputTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("bad");
		this.revisions = new RevisionDir(this.dir.resolve("revisions")).add("a1", "",
				"CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account");
	}

	@Test
	void nulCharacterFailsAtLoadNamingFileLineAndColumn() {
		this.revisions.add("b2", "a1", "nul", false, "CREATE TABLE note (body text);\nINSERT INTO note VALUES ('a\0b');",
				null);
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> Migrator.create(db.dataSource(),
				MigrateSettings.builder().locations(this.revisions.location()).schema(this.schema).build())
			.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FORMAT);
		assertThat(failure.description()).contains("b2_nul.sql line 8, column 28: the file contains a NUL character");
		assertThat(failure.action()).contains("UTF-8", "bytea");
		assertThat(Queries.exists(db, this.schema + ".account")).isFalse();
		assertThat(Queries.exists(db, this.schema + ".note")).isFalse();
	}

}
