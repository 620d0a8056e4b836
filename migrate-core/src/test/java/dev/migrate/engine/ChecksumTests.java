package dev.migrate.engine;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.HistoryEntry;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Applied revisions are verified against the checksum recorded when they were applied; an edit
 * fails validation until it is reverted or accepted on purpose.
 */
class ChecksumTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("c");
		this.revisions = new RevisionDir(this.dir.resolve("revisions"))
			.add("a1", "", "CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account")
			.add("b2", "a1", "ALTER TABLE account ADD COLUMN name text", "ALTER TABLE account DROP COLUMN name");
	}

	private MigrateSettings.Builder settings() {
		return MigrateSettings.builder().locations(this.revisions.location()).schema(this.schema);
	}

	private Migrator migrator() {
		return Migrator.create(db.dataSource(), settings().build());
	}

	@Test
	void editedAppliedRevisionFailsValidationUntilAccepted() {
		Migrator original = migrator();
		original.upgrade("a1");
		String recorded = original.graph().get("a1").checksum();
		this.revisions.add("a1", "", "CREATE TABLE account (id bigint PRIMARY KEY)", "DROP TABLE account");
		Migrator edited = migrator();
		String current = edited.graph().get("a1").checksum();
		assertThat(current).isNotEqualTo(recorded);

		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> edited.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
		assertThat(failure.description()).contains("a1", "a1_revision_a1.sql", recorded, current);
		assertThat(failure.action()).startsWith("Revert the file ")
			.endsWith(" accept the new checksum with Migrator.acceptChecksums(List.of(\"a1\")), or turn the check off "
					+ "with MigrateSettings.Builder.validateChecksums(false)");
		assertThat(edited.current()).containsExactly("a1");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> edited.check("heads"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH));
		MigrationStatus status = edited.status("heads");
		assertThat(status.state()).isEqualTo(MigrationStatus.State.DRIFT);
		assertThat(status.problems()).singleElement().asString().contains("a1", recorded, current);
		assertThat(status.pending()).extracting("id").containsExactly("b2");

		assertThat(Migrator.create(db.dataSource(), settings().validateChecksums(false).build()).pending("heads"))
			.extracting("id")
			.containsExactly("b2");

		edited.acceptChecksums(List.of("a1"));
		HistoryEntry accepted = edited.history().get(0);
		assertThat(accepted.direction()).isEqualTo("accept_checksum");
		assertThat(accepted.revision()).isEqualTo("a1");
		assertThat(accepted.checksum()).isEqualTo(current);
		assertThat(accepted.success()).isTrue();
		assertThat(LogCapture.messages("dev.migrate.runtime", () -> edited.acceptChecksums(List.of("a1"))))
			.containsExactly("No checksum to accept: the checksum of a1 does not differ from the recorded one");
		assertThat(edited.status("heads").state()).isEqualTo(MigrationStatus.State.PENDING);
		assertThat(edited.upgrade("heads").completed()).containsExactly("b2");
		edited.check("heads");
	}

	@Test
	void acceptingWithoutIdsAcceptsEveryEditedRevisionAndRefusesUnappliedOnes() {
		migrator().upgrade("heads");
		this.revisions.add("a1", "", "CREATE TABLE account (id bigint PRIMARY KEY)", "DROP TABLE account")
			.add("b2", "a1", "ALTER TABLE account ADD COLUMN name varchar(10)", "ALTER TABLE account DROP COLUMN name")
			.add("c3", "b2", "SELECT 1", "SELECT 1");
		Migrator edited = migrator();
		assertThat(edited.status("heads").problems()).hasSize(2);
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> edited.acceptChecksums(List.of("c3")))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_TARGET))
			.withMessageContaining("not applied");
		edited.acceptChecksums(List.of());
		assertThat(edited.history()).extracting((entry) -> entry.direction() + " " + entry.revision())
			.startsWith("accept_checksum b2", "accept_checksum a1");
		assertThat(LogCapture.messages("dev.migrate.runtime", () -> edited.acceptChecksums(List.of())))
			.containsExactly("No checksum to accept: every applied revision matches its recorded checksum");
		assertThat(LogCapture.messages("dev.migrate.runtime", () -> edited.acceptChecksums(List.of("a1", "b2"))))
			.containsExactly("No checksum to accept: the checksums of a1, b2 do not differ from the recorded ones");
		assertThat(edited.upgrade("heads").completed()).containsExactly("c3");
	}

	@Test
	void reformattingAndCommentsDoNotChangeTheChecksum() {
		migrator().upgrade("heads");
		this.revisions.add("b2", "a1", "-- a comment added later\nALTER TABLE   account\n    ADD COLUMN name text",
				"ALTER TABLE account DROP COLUMN name");
		Migrator reformatted = migrator();
		reformatted.check("heads");
		assertThat(reformatted.upgrade("heads").lockTaken()).isFalse();
	}

	@Test
	void stampedRevisionsHaveNoRecordedChecksumToCheck() {
		migrator().stamp(List.of("b2"), false);
		this.revisions.add("a1", "", "CREATE TABLE account (id bigint PRIMARY KEY)", "DROP TABLE account");
		migrator().check("heads");
	}

}
