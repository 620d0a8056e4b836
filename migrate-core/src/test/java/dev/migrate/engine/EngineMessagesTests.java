package dev.migrate.engine;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.ErrorCode;
import dev.migrate.LockHolder;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationListener;
import dev.migrate.TestVocabulary;
import dev.migrate.Vocabulary;
import dev.migrate.graph.TestRevisions;
import dev.migrate.plan.Direction;
import dev.migrate.plan.Step;
import dev.migrate.sql.SqlStatement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's failures in the words of the caller ({@link Vocabulary#java()} and a
 * {@link TestVocabulary} standing in for a front end), without a database.
 */
class EngineMessagesTests {

	private static final Vocabulary FRONT_END = TestVocabulary.INSTANCE;

	private final AdvisoryLock lock = new AdvisoryLock(new LockKey(42), "\"public\".\"migrate_version\"",
			MigrationListener.NONE);

	private final LockHolder holder = new LockHolder(4242, "orders-7f9c", null, Instant.parse("2026-11-21T17:03:42Z"));

	@Test
	void lockTimeoutPrintsTheTimeoutLikeOtherDurationsAndNamesTheHolder() {
		MigrateException ex = this.lock.timedOut(this.holder, Duration.ofMillis(15_012), Duration.ofSeconds(15),
				Vocabulary.java());
		assertThat(ex.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
		assertThat(ex.description()).isEqualTo("Could not take the migration lock on \"public\".\"migrate_version\" "
				+ "(advisory lock key 42) within 15 s (waited 15012 ms). It is held by pid 4242 (application "
				+ "'orders-7f9c', client local socket, since 2026-11-21T17:03:42Z).");
		assertThat(this.lock.timedOut(null, Duration.ofMinutes(10), Duration.ofMinutes(10), Vocabulary.java())
			.description()).contains(" within 10 min (waited 600000 ms). Its holder could not be seen");
	}

	@Test
	void lockTimeoutActionNamesTheTimeoutSettingInTheCallersWords() {
		String find = "Find that session (SELECT * FROM pg_stat_activity WHERE pid = 4242); if it is another instance "
				+ "migrating, let it finish; if it is stuck, stop it (SELECT pg_terminate_backend(4242)). Or raise ";
		assertThat(lockTimeoutAction(this.holder, Vocabulary.java()))
			.isEqualTo(find + "MigrateSettings.Builder.lockTimeout(...)");
		assertThat(lockTimeoutAction(this.holder, TestVocabulary.INSTANCE)).isEqualTo(find + "<lock-timeout>");
		assertThat(lockTimeoutAction(null, TestVocabulary.INSTANCE))
			.isEqualTo("Start again, or raise <lock-timeout>");
	}

	private String lockTimeoutAction(LockHolder holder, Vocabulary vocabulary) {
		return this.lock.timedOut(holder, Duration.ofSeconds(1), Duration.ofSeconds(1), vocabulary).action();
	}

	@Test
	void checksumMismatchActionNamesTheCommandAndTheSettingInTheCallersWords() {
		List<ChecksumDrift> one = List.of(new ChecksumDrift(TestRevisions.revision("ae10"), "old"));
		String revert = "Revert the file to what was applied (a revision that is applied must not change; write a new "
				+ "revision instead). If the edit is deliberate and the database already matches it, accept the new "
				+ "checksum with ";
		assertThat(StateValidator.checksumMismatch(one, Vocabulary.java()).action())
			.isEqualTo(revert + "Migrator.acceptChecksums(List.of(\"ae10\")), or turn the check off with "
					+ "MigrateSettings.Builder.validateChecksums(false)");
		assertThat(StateValidator.checksumMismatch(one, TestVocabulary.INSTANCE).action())
			.isEqualTo(revert + "<AcceptChecksums[revisions=[ae10]]>, or turn the check off with "
					+ "<validate-checksums=false>");
		List<ChecksumDrift> two = List.of(new ChecksumDrift(TestRevisions.revision("1975"), "old"),
				new ChecksumDrift(TestRevisions.revision("ae10", "1975"), "old"));
		MigrateException ex = StateValidator.checksumMismatch(two, FRONT_END);
		assertThat(ex.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
		assertThat(ex.description()).startsWith("2 applied revisions were edited after they were applied: 1975 (");
		assertThat(ex.action()).startsWith("Revert the files ")
			.endsWith("accept the new checksums with <AcceptChecksums[revisions=[1975, ae10]]>, or turn the check off with "
					+ "<validate-checksums=false>");
	}

	@Test
	void permissionDeniedNamesTheObjectAndTheConnectionSettingInTheCallersWords() {
		ServerError table = new ServerError("42501", "permission denied for table migrate_version", null, null, 0);
		String lacks = "The database role migrations run as lacks privileges on table migrate_version: grant them to "
				+ "it, or run migrations with a privileged role (";
		assertThat(InsufficientPrivilege.action(table, Vocabulary.java()))
			.isEqualTo(lacks + "the DataSource given to Migrator.create)");
		assertThat(InsufficientPrivilege.action(table, TestVocabulary.INSTANCE))
			.isEqualTo(lacks + "<connection>)");
		ServerError schema = new ServerError("42501", "permission denied for schema public", null, null, 0);
		assertThat(InsufficientPrivilege.action(schema, TestVocabulary.INSTANCE))
			.startsWith("The database role migrations run as lacks privileges on schema public: grant them to it,");
		ServerError owner = new ServerError("42501", "must be owner of table account", null, null, 0);
		assertThat(InsufficientPrivilege.action(owner, TestVocabulary.INSTANCE))
			.isEqualTo("The database role migrations run as does not own table account, and only its owner may do "
					+ "this: make it the owner (or a member of the owning role), or run migrations with a privileged "
					+ "role (<connection>)");
		ServerError other = new ServerError("42501", "permission denied to create extension \"vector\"", null, null, 0);
		assertThat(InsufficientPrivilege.action(other, TestVocabulary.INSTANCE))
			.isEqualTo("The database role migrations run as lacks a privilege this needs (permission denied to create "
					+ "extension \"vector\"): grant it, or run migrations with a privileged role "
					+ "(<connection>)");
		assertThat(InsufficientPrivilege.is(table)).isTrue();
		assertThat(InsufficientPrivilege.is(new ServerError("55P03", "lock timeout", null, null, 0))).isFalse();
	}

	@Test
	void ddlLockTimeoutNamesTheDdlSettingsInTheCallersWordsAndTheOldestBlocker() {
		Step step = new Step(Direction.UPGRADE, TestRevisions.revision("b2", "a1"), List.of("a1"), List.of("b2"),
				List.of());
		StatementFailure failure = new StatementFailure(1, 1, new SqlStatement("ALTER TABLE account ADD x int", 5),
				new SQLException("canceling statement due to lock timeout", "55P03"));
		String nobody = "Nothing of revision b2 was applied. Another session holds locks on the objects it changes (a "
				+ "long or idle-in-transaction session: see pg_stat_activity and pg_locks); end it, or start again when "
				+ "traffic is lower, or raise ";
		MigrateException java = FailureReport.ddlLockTimeout(step, failure, 11,
				MigrateSettings.builder().build(), List.of());
		assertThat(java.code()).isEqualTo(ErrorCode.DDL_LOCK_TIMEOUT);
		assertThat(java.description()).isEqualTo("Upgrade of revision b2 (classpath:db/revisions/b2_create_t.sql) "
				+ "could not get the locks it needs: at statement 1 of 1, line 5 waited longer than lock_timeout (5 s) "
				+ "in each of 11 attempt(s); last error: SQLSTATE 55P03: canceling statement due to lock timeout\n"
				+ "Statement: ALTER TABLE account ADD x int");
		assertThat(java.action()).isEqualTo(nobody + "MigrateSettings.Builder.ddlLockTimeout(...) / "
				+ "MigrateSettings.Builder.ddlLockRetries(...)");
		assertThat(FailureReport.ddlLockTimeout(step, failure, 1,
				MigrateSettings.builder().vocabulary(TestVocabulary.INSTANCE).build(), List.of()).action())
			.isEqualTo(nobody + "<ddl-lock-timeout> / <ddl-lock-retries>");
		List<LockBlockers.Session> blockers = List.of(
				new LockBlockers.Session(4242, "psql", "idle in transaction", Instant.parse("2026-11-21T17:03:42Z"),
						"LOCK TABLE account IN ACCESS EXCLUSIVE MODE"),
				new LockBlockers.Session(4343, "", "active", null, null));
		MigrateException cli = FailureReport.ddlLockTimeout(step, failure, 1,
				MigrateSettings.builder().ddlLockTimeout(Duration.ofMillis(250)).vocabulary(FRONT_END).build(), blockers);
		assertThat(cli.description()).contains("(250 ms)").endsWith("\nSessions holding locks in this database, "
				+ "oldest transaction first: pid 4242 (application 'psql', idle in transaction, transaction since "
				+ "2026-11-21T17:03:42Z, query: LOCK TABLE account IN ACCESS EXCLUSIVE MODE); pid 4343 (application '', "
				+ "active)");
		assertThat(cli.action()).isEqualTo("Nothing of revision b2 was applied. The likely blocker is the oldest "
				+ "transaction, pid 4242: if it is stuck or idle in transaction, end it (SELECT pg_terminate_backend(4242));"
				+ " or start again when traffic is lower, or raise <ddl-lock-timeout> / <ddl-lock-retries>");
	}

	@Test
	void durationsUseTheLargestExactUnit() {
		assertThat(Durations.format(Duration.ofSeconds(15))).isEqualTo("15 s");
		assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10 min");
		assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90 s");
		assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2 h");
		assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500 ms");
		assertThat(Durations.format(Duration.ofMillis(100))).isEqualTo("100 ms");
		assertThat(Durations.format(Duration.ZERO)).isEqualTo("0 s");
	}

}
