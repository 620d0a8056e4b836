package dev.migrate.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.HistoryEntry;
import dev.migrate.JavaRevision;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationEvent;
import dev.migrate.Migrator;
import dev.migrate.RevisionInfo;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Java revisions that end the transaction migrate opened for them (commit, rollback, autocommit)
 * or throw an {@link Error}: the run fails with a message that says what may have been
 * committed, and the failure is in the history table.
 */
class TransactionGuardTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("g");
		this.revisions = new RevisionDir(this.dir.resolve("revisions")).add("a1", "",
				"CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account");
	}

	private Migrator migrator(JavaRevision revision, RecordingListener listener) {
		return Migrator.create(db.dataSource(), MigrateSettings.builder()
			.locations(this.revisions.location())
			.schema(this.schema)
			.javaRevisions(List.of(revision))
			.build(), listener);
	}

	private String accounts() {
		return Queries.value(db, "SELECT string_agg(id::text, ',' ORDER BY id) FROM " + this.schema + ".account");
	}

	@Test
	void revisionThatCommitsAndReturnsIsNotRecordedAsApplied() {
		RecordingListener listener = new RecordingListener();
		Migrator migrator = migrator(new Committing(false), listener);
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("Upgrade of revision j2", "Committing",
				"ended the transaction migrate opened for it");
		assertThat(failure.action()).contains("up to that point was committed and stays",
				"ran in a new transaction, which migrate rolled back", "not recorded as applied",
				"transactional = false");
		assertThat(accounts()).isEqualTo("1");
		assertThat(migrator.current()).containsExactly("a1");
		assertThat(migrator.history()).extracting((entry) -> entry.revision() + " " + entry.success())
			.containsExactly("j2 false", "a1 true");
		assertThat(listener.types()).contains("RevisionFailed");
	}

	@Test
	void revisionThatCommitsThenFailsSaysWhatMayHaveBeenCommitted() {
		Migrator migrator = migrator(new Committing(true), new RecordingListener());
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("IllegalStateException: after commit",
				"ended the transaction migrate opened for it");
		assertThat(failure.action()).doesNotContain("Nothing of revision j2 was applied")
			.contains("was committed and stays");
		assertThat(accounts()).isEqualTo("1");
		assertThat(migrator.history().get(0).success()).isFalse();
	}

	@Test
	void inASingleTransactionTheRevisionsBeforeACommitAreCommittedRecordedAndSaidSo() {
		Migrator migrator = Migrator.create(db.dataSource(), MigrateSettings.builder()
			.locations(this.revisions.location())
			.schema(this.schema)
			.javaRevisions(List.of(new Committing(false)))
			.singleTransaction(true)
			.build(), new RecordingListener());
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.action()).contains("The 1 revision(s) before it in the same transaction were committed "
				+ "with it and are recorded as applied");
		assertThat(migrator.current()).containsExactly("a1");
		assertThat(accounts()).isEqualTo("1");
		assertThat(migrator.history()).extracting((entry) -> entry.revision() + " " + entry.success())
			.containsExactly("j2 false", "a1 true");
	}

	@Test
	void revisionThatSwitchesToAutocommitIsNotRecordedAsApplied() {
		Migrator migrator = migrator(new Autocommitting(), new RecordingListener());
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("setAutoCommit(true)");
		assertThat(failure.action()).contains("ran in autocommit and stays");
		assertThat(accounts()).isEqualTo("1");
		assertThat(migrator.current()).containsExactly("a1");
		assertThat(migrator.history().get(0).success()).isFalse();
	}

	@Test
	void revisionThatRollsBackIsNotRecordedAsApplied() {
		Migrator migrator = migrator(new RollingBack(), new RecordingListener());
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("ended the transaction migrate opened for it");
		assertThat(accounts()).isNull();
		assertThat(migrator.history().get(0).success()).isFalse();
	}

	@Test
	void revisionThatThrowsAnErrorIsRolledBackReportedAndRecorded() {
		RecordingListener listener = new RecordingListener();
		Migrator migrator = migrator(new Asserting(), listener);
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("Upgrade of revision j2", "java.lang.AssertionError: invariant");
		assertThat(failure.action()).contains("Nothing of revision j2 was applied");
		assertThat(failure.getCause()).isInstanceOf(AssertionError.class);
		assertThat(accounts()).isNull();
		List<HistoryEntry> history = migrator.history();
		assertThat(history.get(0).revision()).isEqualTo("j2");
		assertThat(history.get(0).success()).isFalse();
		assertThat(history.get(0).error()).contains("AssertionError: invariant");
		assertThat(listener.events(MigrationEvent.RevisionFailed.class)).hasSize(1);
	}

	@Test
	void nonTransactionalRevisionThatThrowsAnErrorIsRecorded() {
		Migrator migrator = migrator(new AssertingOutsideATransaction(), new RecordingListener());
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> migrator.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.REVISION_FAILED);
		assertThat(failure.description()).contains("java.lang.AssertionError: invariant");
		assertThat(migrator.history().get(0).revision()).isEqualTo("n2");
		assertThat(migrator.history().get(0).success()).isFalse();
	}

	private static void insert(Connection connection, int id) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO account VALUES (" + id + ")");
		}
	}

	@RevisionInfo(id = "j2", downRevision = "a1", message = "commits")
	static final class Committing implements JavaRevision {

		private final boolean failAfterCommit;

		Committing(boolean failAfterCommit) {
			this.failAfterCommit = failAfterCommit;
		}

		@Override
		public void upgrade(Connection connection) throws Exception {
			insert(connection, 1);
			connection.commit();
			if (this.failAfterCommit) {
				throw new IllegalStateException("after commit");
			}
			insert(connection, 2);
		}

	}

	@RevisionInfo(id = "j2", downRevision = "a1", message = "autocommits")
	static final class Autocommitting implements JavaRevision {

		@Override
		public void upgrade(Connection connection) throws Exception {
			connection.setAutoCommit(true);
			insert(connection, 1);
		}

	}

	@RevisionInfo(id = "j2", downRevision = "a1", message = "rolls back")
	static final class RollingBack implements JavaRevision {

		@Override
		public void upgrade(Connection connection) throws Exception {
			insert(connection, 1);
			connection.rollback();
		}

	}

	@RevisionInfo(id = "j2", downRevision = "a1", message = "asserts")
	static final class Asserting implements JavaRevision {

		@Override
		public void upgrade(Connection connection) throws Exception {
			insert(connection, 1);
			throw new AssertionError("invariant");
		}

	}

	@RevisionInfo(id = "n2", downRevision = "a1", message = "asserts", transactional = false)
	static final class AssertingOutsideATransaction implements JavaRevision {

		@Override
		public void upgrade(Connection connection) throws Exception {
			throw new AssertionError("invariant");
		}

	}

}
