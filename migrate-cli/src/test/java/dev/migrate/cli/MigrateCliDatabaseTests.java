package dev.migrate.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.command.ExitStatus;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line end to end against a real PostgreSQL: a project directory whose diamond of
 * revisions is written with {@code revision} and {@code merge}, then applied, inspected,
 * downgraded and stamped; database settings from the environment and options; exit codes.
 */
class MigrateCliDatabaseTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path project;

	private Path revisions;

	private CliRunner cli;

	private String schema;

	@BeforeEach
	void setUp() {
		this.revisions = this.project.resolve("src/main/resources/db/revisions");
		this.schema = PostgresDatabase.uniqueName("s");
		this.cli = new CliRunner().env("DATABASE_URL", db.url())
			.env("DATABASE_USER", db.user())
			.env("DATABASE_PASSWORD", db.password())
			.env("MIGRATE_SCHEMA", this.schema)
			.env("MIGRATE_LOCATIONS", "filesystem:" + this.revisions);
	}

	@Test
	void diamondWrittenWithRevisionAndMergeAppliesAndReportsLikeAlembic() throws IOException {
		writeDiamondBranches();
		assertThat(this.cli.run("heads").out()).isEqualTo("27c6a30d7c24 (head)\nae1027a6acf (head)\n");
		CliRunner.Result check = this.cli.run("check");
		assertThat(check.status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(check.lines()).hasSize(5);
		assertThat(check.lines().get(0)).startsWith("Multiple heads are present: 27c6a30d7c24, ae1027a6acf");
		assertThat(check.lines().get(1)).startsWith("Pending: 3 revision(s) not applied; database is at base");
		assertThat(this.cli.run("upgrade", "heads").out())
			.endsWith("database is at 27c6a30d7c24 (head), ae1027a6acf (head)\n");
		CliRunner.Result merge = this.cli.run("merge", "-m", "merge heads", "heads", "--rev-id", "53fffde5ad5");
		assertThat(merge.out()).isEqualTo("Generating "
				+ this.revisions.resolve("53fffde5ad5_merge_heads.sql").toAbsolutePath() + " ...  done\n");
		assertThat(this.cli.run("upgrade", "head").out()).endsWith("database is at 53fffde5ad5 (head)\n");
		assertThat(this.cli.run("current").out()).isEqualTo("53fffde5ad5 (head) (mergepoint)\n");
		assertThat(this.cli.run("history", "-i").lines()).containsExactly(
				"27c6a30d7c24, ae1027a6acf -> 53fffde5ad5 (head) (current) (mergepoint), merge heads",
				"1975ea83b712 -> 27c6a30d7c24, add cart table",
				"1975ea83b712 -> ae1027a6acf, add last transaction column",
				"<base> -> 1975ea83b712 (branchpoint), create account table");
		assertThat(this.cli.run("check").out())
			.isEqualTo("No pending revisions; database is at head(s) 53fffde5ad5 (head)\n");
		CliRunner.Result ambiguous = this.cli.run("downgrade", "-1");
		assertThat(ambiguous.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(ambiguous.err()).startsWith("FAILED: Ambiguous walk");
		assertThat(this.cli.run("downgrade", "ae10").out()).endsWith("database is at 27c6a30d7c24, ae1027a6acf\n");
		assertThat(this.cli.run("downgrade", "1975").out()).endsWith("database is at 1975ea83b712\n");
		assertThat(this.cli.run("upgrade", "+1").status()).isEqualTo(ExitStatus.FAILED);
		assertThat(this.cli.run("upgrade", "ae10").out()).endsWith("database is at ae1027a6acf\n");
		assertThat(this.cli.run("downgrade", "-1").out()).endsWith("database is at 1975ea83b712\n");
		assertThat(this.cli.run("stamp", "heads").out()).endsWith("database is at 53fffde5ad5 (head)\n");
		db.execute("INSERT INTO " + this.schema + ".migrate_version VALUES ('f00d')");
		assertThat(this.cli.run("check").status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(this.cli.run("stamp", "--purge", "ae10").out()).endsWith("database is at ae1027a6acf\n");
		assertThat(this.cli.run("show", "current").out()).startsWith("Rev: ae1027a6acf\nParent: 1975ea83b712\n");
	}

	@Test
	void branchLabelNamesANewBranchThatHeadAndUpgradeTargetsReach() throws IOException {
		CliRunner.Result labelled = this.cli.run("revision", "-m", "create networking", "--head", "base",
				"--branch-label", "networking", "--rev-id", "3cac04ae8714");
		assertThat(labelled.status()).isZero();
		Path file = this.revisions.resolve("3cac04ae8714_create_networking.sql");
		assertThat(Files.readString(file)).contains("\n-- branch_labels: networking\n");
		Files.writeString(file, Files.readString(file).replace("-- upgrade\n", "-- upgrade\nCREATE TABLE ip (id int);\n"));
		assertThat(this.cli.run("revision", "-m", "add subnet", "--head", "networking@head", "--rev-id", "109ec7d132bf")
			.status()).isZero();
		assertThat(Files.readString(this.revisions.resolve("109ec7d132bf_add_subnet.sql")))
			.contains("-- down_revision: 3cac04ae8714\n");
		assertThat(this.cli.run("upgrade", "networking@head").out())
			.endsWith("database is at 109ec7d132bf (head)\n");
		CliRunner.Result used = this.cli.run("revision", "-m", "x", "--head", "base", "--branch-label", "networking");
		assertThat(used.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(used.err()).startsWith("FAILED: Branch name 'networking' is already used by revision 3cac04ae8714");
		CliRunner.Result bad = this.cli.run("revision", "-m", "x", "--head", "base", "--branch-label", "a@b");
		assertThat(bad.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(bad.err()).startsWith("revision --branch-label: Branch label 'a@b' contains '@'");
		try (Stream<Path> files = Files.list(this.revisions)) {
			assertThat(files).hasSize(2);
		}
	}

	@Test
	void globalOptionsWorkBeforeAndAfterTheCommandAndPostgresUrlsAreUnderstood() throws IOException {
		writeDiamondBranches();
		String jdbc = db.url();
		String postgres = "postgres://" + db.user() + ":" + db.password() + "@" + jdbc.substring("jdbc:postgresql://".length());
		CliRunner bare = new CliRunner();
		String locations = "filesystem:" + this.revisions;
		CliRunner.Result after = bare.run("upgrade", "ae10", "--url", postgres, "--schema", this.schema, "--locations",
				locations);
		assertThat(after.err()).isEmpty();
		assertThat(after.out()).endsWith("database is at ae1027a6acf (head)\n");
		CliRunner.Result before = bare.run("--url", jdbc, "--user", db.user(), "--password", db.password(), "--schema",
				this.schema, "--locations", locations, "current", "-v");
		assertThat(before.out()).startsWith("Current revision(s) for " + jdbc + " (user " + db.user() + "):\n"
				+ "Rev: ae1027a6acf (head)\n");
		String other = this.schema + "_b";
		CliRunner.Result tables = bare.run("upgrade", "heads", "--url", postgres, "--schema", other,
				"--version-table", "alembic_version", "--history-table", "audit", "--locations", locations);
		assertThat(tables.err()).isEmpty();
		assertThat(tables.out()).endsWith("database is at 27c6a30d7c24 (head), ae1027a6acf (head)\n");
		assertThat(rows("SELECT version_num FROM " + other + ".alembic_version")).isEqualTo(2);
		assertThat(rows("SELECT 1 FROM " + other + ".audit")).isEqualTo(3);
	}

	@Test
	void sqlNeedsNoDatabase() throws IOException {
		writeDiamondBranches();
		CliRunner offline = new CliRunner().env("MIGRATE_LOCATIONS", "filesystem:" + this.revisions);
		CliRunner.Result upgrade = offline.run("upgrade", "heads", "--sql");
		assertThat(upgrade.status()).isZero();
		assertThat(upgrade.out()).startsWith("CREATE TABLE IF NOT EXISTS \"migrate_version\" (")
			.contains("-- Running upgrade  -> 1975ea83b712, create account table\n\nBEGIN;\n\nCREATE TABLE account")
			.contains("-- Running upgrade 1975ea83b712 -> 27c6a30d7c24, add cart table\n\nCREATE TABLE IF NOT EXISTS cart")
			.endsWith("COMMIT;\n");
		CliRunner.Result downgrade = offline.run("downgrade", "ae1027a6acf:base", "--sql", "--schema", "app");
		assertThat(downgrade.status()).isZero();
		assertThat(downgrade.out()).startsWith("-- Running downgrade ae1027a6acf -> 1975ea83b712, add last transaction column\n")
			.contains("DELETE FROM \"app\".\"migrate_version\"");
		assertThat(offline.run("stamp", "1975:ae10", "27c6", "--sql").status()).isEqualTo(ExitStatus.USAGE);
	}

	@Test
	void databaseErrorsExitWithThreeAndSayWhatToDo() throws IOException {
		Files.createDirectories(this.revisions);
		String missing = db.url().substring(0, db.url().lastIndexOf('/') + 1) + "no_such_database_" + this.schema;
		CliRunner.Result result = this.cli.env("DATABASE_URL", missing).run("current");
		assertThat(result.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("FAILED: ").contains("no_such_database_", "does not exist")
			.contains("\nAction: Check the database name in --url (or DATABASE_URL)");
		CliRunner.Result broken = this.cli.env("MIGRATE_LOCATIONS", "filesystem:" + this.project.resolve("missing"))
			.run("heads");
		assertThat(broken.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(broken.err()).startsWith("FAILED: ");
	}

	@Test
	void closedPortIsRetriedAsAskedThenNamesTheOptionsToCheck() throws IOException {
		Files.createDirectories(this.revisions);
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		CliRunner.Result result = this.cli.env("DATABASE_URL", "postgres://app:secret-pw@127.0.0.1:" + port + "/app")
			.run("current", "--connect-retries", "1", "--connect-retry-interval", "10ms");
		assertThat(result.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(result.err()).startsWith("FAILED: Could not reach the database server at jdbc:postgresql://127.0.0.1:"
				+ port + "/app (user ")
			.contains("Action: Check the host and port in --url (or DATABASE_URL)", "--connect-retries")
			.doesNotContain("secret-pw");
	}

	@Test
	void logLinesGoToStandardErrorAndResultsToStandardOutput() throws IOException {
		writeDiamondBranches();
		PrintStream original = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		CliRunner.Result upgrade;
		try {
			System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
			upgrade = this.cli.run("upgrade", "1975");
		}
		finally {
			System.setErr(original);
		}
		assertThat(upgrade.out()).matches("Upgraded 1 revision\\(s\\) in \\d+ ms; database is at 1975ea83b712\n");
		assertThat(captured.toString(StandardCharsets.UTF_8))
			.contains("INFO dev.migrate.runtime - Running upgrade  -> 1975ea83b712, create account table\n");
	}

	@Test
	void editedAppliedRevisionFailsCheckUntilAcceptChecksum() throws IOException {
		writeDiamondBranches();
		assertThat(this.cli.run("upgrade", "heads").status()).isZero();
		Path file = this.revisions.resolve("ae1027a6acf_add_last_transaction_column.sql");
		Files.writeString(file, Files.readString(file).replace("timestamp;", "timestamptz;"));
		CliRunner.Result check = this.cli.run("check");
		assertThat(check.status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(check.lines()).hasSize(3);
		assertThat(check.lines().get(0)).isEqualTo("Multiple heads are present: 27c6a30d7c24, ae1027a6acf; create a "
				+ "merge revision (migrate merge -m \"merge heads\" heads)");
		assertThat(check.lines().get(1)).startsWith("Revision ae1027a6acf (filesystem:" + file + "): recorded checksum ");
		assertThat(check.lines().get(2)).isEqualTo("If the edit is deliberate and the database already matches, "
				+ "accept the new checksum: migrate accept-checksum ae1027a6acf; otherwise revert the file");
		CliRunner.Result upgrade = this.cli.run("upgrade", "heads");
		assertThat(upgrade.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(upgrade.err()).startsWith("FAILED: An applied revision was edited after it was applied: ae1027a6acf")
			.endsWith(" accept the new checksum with migrate accept-checksum ae1027a6acf, or turn the check off with "
					+ "--no-validate-checksums\n");
		assertThat(this.cli.run("upgrade", "heads", "--no-validate-checksums").out())
			.isEqualTo("Nothing to upgrade; database is at 27c6a30d7c24 (head), ae1027a6acf (head)\n");
		CliRunner.Result unknown = this.cli.run("accept-checksum", "f00d");
		assertThat(unknown.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(unknown.err()).startsWith("FAILED: Can't locate revision identified by 'f00d'\nAction: ");
		CliRunner.Result accept = this.cli.run("accept-checksum", "ae10");
		assertThat(accept.status()).isZero();
		assertThat(accept.out()).matches("Accepted the checksum of ae1027a6acf \\(filesystem:\\S+\\): "
				+ "[0-9a-f]{64} -> [0-9a-f]{64}\n");
		assertThat(this.cli.run("upgrade", "heads").status()).isZero();
		assertThat(this.cli.run("merge", "-m", "merge", "heads").status()).isZero();
		assertThat(this.cli.run("upgrade", "head").status()).isZero();
		assertThat(this.cli.run("check").status()).isZero();
		assertThat(this.cli.run("accept-checksum").out())
			.isEqualTo("No checksum to accept: every applied revision matches its recorded checksum\n");
	}

	@Test
	void serverSilentLongerThanTheNetworkTimeoutIsReportedWithTheOption() throws Exception {
		writeDiamondBranches();
		assertThat(this.cli.run("upgrade", "1975").status()).isZero();
		try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE " + this.schema + ".account IN ACCESS SHARE MODE");
			CliRunner.Result silent = this.cli.run("upgrade", "ae10", "--ddl-lock-timeout", "60s",
					"--network-timeout", "1s");
			assertThat(silent.status()).isEqualTo(ExitStatus.FAILED);
			assertThat(silent.err()).contains("Nothing of revision ae1027a6acf was applied",
					"The server did not answer within the network timeout", "--network-timeout allows");
			holder.rollback();
		}
	}

	@Test
	void failuresNameTheCliOptionsNotTheSpringProperties() throws Exception {
		writeDiamondBranches();
		assertThat(this.cli.run("upgrade", "1975").status()).isZero();
		try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + lockKey(this.schema + ".migrate_version") + ")");
			CliRunner.Result lock = this.cli.run("upgrade", "ae10", "--lock-timeout", "1s");
			assertThat(lock.status()).isEqualTo(ExitStatus.FAILED);
			assertThat(lock.err()).startsWith("FAILED: Could not take the migration lock")
				.contains(" within 1 s (waited ")
				.endsWith(". Or raise --lock-timeout\n");
		}
		try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE " + this.schema + ".account IN ACCESS SHARE MODE");
			int pid = ((org.postgresql.PGConnection) holder).getBackendPID();
			CliRunner.Result ddl = this.cli.run("upgrade", "ae10", "--ddl-lock-timeout", "100ms",
					"--ddl-lock-retries", "0");
			assertThat(ddl.status()).isEqualTo(ExitStatus.FAILED);
			assertThat(ddl.err()).contains("lock_timeout (100 ms) in each of 1 attempt(s)")
				.contains("\nSessions holding locks in this database, oldest transaction first: pid " + pid + " (")
				.endsWith("\nAction: Nothing of revision ae1027a6acf was applied. The likely blocker is the oldest "
						+ "transaction, pid " + pid + ": if it is stuck or idle in transaction, end it (SELECT "
						+ "pg_terminate_backend(" + pid + ")); or start again when traffic is lower, or raise "
						+ "--ddl-lock-timeout / --ddl-lock-retries\n");
			holder.rollback();
		}
		db.execute("INSERT INTO " + this.schema + ".migrate_version VALUES ('f00d')");
		CliRunner.Result unknown = this.cli.run("upgrade", "heads");
		assertThat(unknown.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(unknown.err()).endsWith("rewrite the version table with migrate stamp --purge <revision>; or start "
				+ "this version anyway with --allow-unknown-revisions\n");
		CliRunner.Result allowed = this.cli.run("upgrade", "heads", "--allow-unknown-revisions");
		assertThat(allowed.status()).isZero();
		CliRunner.Result negative = this.cli.run("--ddl-lock-retries", "-1", "current");
		assertThat(negative.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(negative.err()).startsWith("The setting --ddl-lock-retries is -1 but must not be negative. Set "
				+ "--ddl-lock-retries to 0 (no retries) or more\n");
		assertThat(this.cli.run("--version-table=", "current").err())
			.startsWith("The setting --version-table (or MIGRATE_VERSION_TABLE) is empty. Set --version-table (or "
					+ "MIGRATE_VERSION_TABLE) to a PostgreSQL identifier of 1 to 63 bytes\n");
	}

	@Test
	void awaitExitsZeroOnceTheDatabaseIsAtTheTargetAndFailsClearlyOnTimeout() throws Exception {
		writeDiamondBranches();
		CliRunner.Result timedOut = this.cli.run("await", "--timeout", "1s");
		assertThat(timedOut.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(timedOut.err()).startsWith("FAILED: The database did not reach heads within 1 s (await --timeout "
				+ "(default: --lock-timeout)): still 3 revision(s) pending")
			.contains("\nAction: Run the migration (migrate upgrade heads from a job or an instance that migrates)");
		java.util.concurrent.CompletableFuture<CliRunner.Result> waiting = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> this.cli.run("await", "--timeout", "5m"));
		assertThat(this.cli.run("upgrade", "heads").status()).isZero();
		CliRunner.Result reached = waiting.get(5, java.util.concurrent.TimeUnit.MINUTES);
		assertThat(reached.status()).isZero();
		assertThat(reached.out()).isEqualTo("Database is at heads: 27c6a30d7c24 (head), ae1027a6acf (head)\n");
		assertThat(this.cli.run("await", "head").status()).isEqualTo(ExitStatus.FAILED);
	}

	/** The documented advisory lock key: the first 8 bytes of SHA-256 of {@code <schema>.<version table>}. */
	private static long lockKey(String table) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(table.getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.wrap(digest, 0, 8).getLong();
	}

	/** Write base 1975ea83b712 with ae1027a6acf and (non-transactional) 27c6a30d7c24 on it. */
	private void writeDiamondBranches() throws IOException {
		assertThat(this.cli.run("revision", "-m", "create account table", "--rev-id", "1975ea83b712").status()).isZero();
		fill("1975ea83b712_create_account_table.sql",
				"CREATE TABLE account (id serial PRIMARY KEY, name varchar(50) NOT NULL);", "DROP TABLE account;");
		assertThat(this.cli.run("revision", "-m", "add last transaction column", "--rev-id", "ae1027a6acf").status())
			.isZero();
		fill("ae1027a6acf_add_last_transaction_column.sql", "ALTER TABLE account ADD COLUMN last_tx timestamp;",
				"ALTER TABLE account DROP COLUMN last_tx;");
		assertThat(this.cli
			.run("revision", "-m", "add cart table", "--head", "1975", "--splice", "--non-transactional", "--rev-id",
					"27c6a30d7c24")
			.status()).isZero();
		fill("27c6a30d7c24_add_cart_table.sql",
				"CREATE TABLE IF NOT EXISTS cart (id serial PRIMARY KEY);\n"
						+ "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_account_name ON account (name);",
				"DROP INDEX CONCURRENTLY IF EXISTS ix_account_name;\nDROP TABLE IF EXISTS cart;");
	}

	private void fill(String fileName, String upgrade, String downgrade) throws IOException {
		Path file = this.revisions.resolve(fileName);
		String text = Files.readString(file);
		assertThat(text).contains("-- upgrade\n\n\n-- downgrade\n\n");
		Files.writeString(file, text.replace("-- upgrade\n\n\n-- downgrade\n\n",
				"-- upgrade\n" + upgrade + "\n\n-- downgrade\n" + downgrade + "\n"));
	}

	private int rows(String sql) {
		try (var connection = db.connect(); var statement = connection.createStatement();
				var rs = statement.executeQuery(sql)) {
			int count = 0;
			while (rs.next()) {
				count++;
			}
			return count;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
