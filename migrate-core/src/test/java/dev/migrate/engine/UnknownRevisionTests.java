package dev.migrate.engine;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationResult;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.TestVocabulary;
import dev.migrate.Vocabulary;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A database at a revision this build does not know (a newer build applied it, then the
 * deployment was rolled back): fails clearly, or is tolerated when allowed.
 */
class UnknownRevisionTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("u");
		this.revisions = new RevisionDir(this.dir.resolve("revisions"))
			.add("a1", "", "CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account")
			.add("b2", "a1", "ALTER TABLE account ADD COLUMN name text", "ALTER TABLE account DROP COLUMN name");
		Migrator.create(db.dataSource(), settings().build()).upgrade("heads");
		this.revisions.remove("b2");
	}

	private MigrateSettings.Builder settings() {
		return MigrateSettings.builder().locations(this.revisions.location()).schema(this.schema);
	}

	@Test
	void olderBuildFailsNamingTheUnknownRevision() {
		Migrator older = Migrator.create(db.dataSource(), settings().build());
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> older.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION_IN_DATABASE);
		assertThat(failure.description()).contains("'b2'", "newer version");
		assertThat(failure.action()).isEqualTo("Deploy the newer version of the application; or, if the revision was "
				+ "removed on purpose, rewrite the version table with Migrator.stamp(List.of(\"<revision>\"), true); or "
				+ "start this version anyway with MigrateSettings.Builder.allowUnknownRevisions(true)");
		Migrator olderApplication = Migrator.create(db.dataSource(), settings().vocabulary(TestVocabulary.INSTANCE).build());
		assertThat(catchThrowableOfType(MigrateException.class, () -> olderApplication.upgrade("heads")).action())
			.endsWith("rewrite the version table with <Stamp[targets=[<revision>], purge=true]>; or start this "
					+ "version anyway with <allow-unknown-revisions=true>");
		assertThat(catchThrowableOfType(MigrateException.class, () -> olderApplication.stamp(List.of("a1"), false))
			.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION_IN_DATABASE);
		assertThat(catchThrowableOfType(MigrateException.class, () -> older.check("heads")).code())
			.isEqualTo(ErrorCode.UNKNOWN_REVISION_IN_DATABASE);
		MigrationStatus status = older.status("heads");
		assertThat(status.state()).isEqualTo(MigrationStatus.State.UNKNOWN_REVISION);
		assertThat(status.current()).containsExactly("b2");
		assertThat(status.problems()).singleElement().asString().contains("b2");
	}

	@Test
	void olderBuildStartsWhenUnknownRevisionsAreAllowed() {
		Migrator older = Migrator.create(db.dataSource(), settings().allowUnknownRevisions(true).build());
		MigrationResult[] results = new MigrationResult[1];
		assertThat(LogCapture.messages("dev.migrate.runtime", () -> results[0] = older.upgrade("heads")))
			.containsExactly("The database is at revision(s) [b2] which this build does not know (probably applied by a "
					+ "newer version); nothing is upgraded because of MigrateSettings.Builder.allowUnknownRevisions(true)");
		Migrator olderApplication = Migrator.create(db.dataSource(),
				settings().allowUnknownRevisions(true).vocabulary(TestVocabulary.INSTANCE).build());
		assertThat(LogCapture.messages("dev.migrate.runtime", () -> olderApplication.upgrade("heads")))
			.singleElement()
			.asString()
			.endsWith("; nothing is upgraded because of <allow-unknown-revisions=true>");
		MigrationResult result = results[0];
		assertThat(result.completed()).isEmpty();
		assertThat(result.lockTaken()).isFalse();
		assertThat(result.headsAfter()).containsExactly("b2");
		older.check("heads");
		assertThat(older.pending("heads")).isEmpty();
		assertThat(older.status("heads").state()).isEqualTo(MigrationStatus.State.UNKNOWN_REVISION);
		assertThat(older.current()).containsExactly("b2");
	}

}
