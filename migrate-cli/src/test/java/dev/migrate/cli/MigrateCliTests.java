package dev.migrate.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import dev.migrate.MigrateSettings;
import dev.migrate.command.DurationConverter;
import dev.migrate.command.ExitStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line without a database: help, parsing (the same commands as the application's
 * command mode), usage errors.
 */
class MigrateCliTests {

	private static final List<String> COMMANDS = List.of("current", "history", "heads", "branches", "show",
			"upgrade", "downgrade", "stamp", "check", "accept-checksum", "revision", "merge");

	@Test
	void helpListsEveryCommandAndTheEnvironment() {
		CliRunner.Result help = new CliRunner().run("--help");
		assertThat(help.status()).isZero();
		assertThat(help.out()).startsWith("Usage: migrate ").contains("DATABASE_URL").contains("Exit status:")
			.contains("4 internal error");
		COMMANDS.forEach((command) -> assertThat(help.out()).contains("\n  " + command + " "));
	}

	@ParameterizedTest
	@ValueSource(strings = { "current", "history", "heads", "branches", "show", "upgrade", "downgrade", "stamp",
			"check", "accept-checksum", "revision", "merge" })
	void everyCommandHasHelp(String command) {
		CliRunner.Result help = new CliRunner().run(command, "--help");
		assertThat(help.status()).isZero();
		assertThat(help.err()).isEmpty();
		assertThat(help.out()).startsWith("Usage: migrate " + command).contains("--url=URL").contains("--locations");
		assertThat(new CliRunner().run("help", command).out()).isEqualTo(help.out());
	}

	@Test
	void missingOrUnknownCommandsAndOptionsAreUsageErrors() {
		assertUsage(new CliRunner().run(), "No command given; use one of current, history");
		assertUsage(new CliRunner().run("upgrad", "head"), "Unknown command 'upgrad'");
		assertUsage(new CliRunner().run("upgrade"), "Missing required parameter: 'TARGET'");
		assertUsage(new CliRunner().run("upgrade", "head", "--sq"), "Unknown option: '--sq'");
		assertUsage(new CliRunner().run("revision"), "Missing required option: '--message=MSG'");
		assertUsage(new CliRunner().run("stamp"), "Missing required parameter: 'TARGET'");
	}

	@Test
	void argumentsParseAsWithEveryCommandWhateverCommandTheySeemToName() {
		assertUsage(new CliRunner().run("--schema", "upgrade", "current"),
				"Expected parameter for option '--schema' but found 'upgrade'");
		assertUsage(new CliRunner().run("--schema=upgrade", "current"), "current needs a database");
		assertUsage(new CliRunner().run("--schema", "app", "upgrade"), "Missing required parameter: 'TARGET'");
	}

	@Test
	void commandsThatNeedADatabaseSaySoWhenNoneIsGiven() {
		CliRunner.Result current = new CliRunner().run("current");
		assertUsage(current, "current needs a database: pass --url or set DATABASE_URL");
		assertThat(current.err()).contains("Run 'migrate current --help' for its options.");
		assertUsage(new CliRunner().run("upgrade", "head"), "upgrade needs a database");
		assertUsage(new CliRunner().run("history", "-i"), "history needs a database");
		assertUsage(new CliRunner().env("DATABASE_URL", "mysql://h/db").run("current"),
				"DATABASE_URL is not a PostgreSQL database URL");
	}

	@Test
	void rangesWithoutSqlAreUsageErrors() {
		assertUsage(new CliRunner().run("downgrade", "base", "--sql"),
				"downgrade with --sql requires <fromrev>:<torev>");
		assertUsage(new CliRunner().run("stamp", "heads", "--sql", "--purge"), "--purge cannot be combined with --sql");
	}

	@Test
	void missingLocationNamesTheCliOptionAndTheLocationsUsed(@TempDir Path directory) {
		CliRunner.Result byDefault = new CliRunner().run("heads");
		assertThat(byDefault.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(byDefault.err())
			.startsWith("FAILED: Revision location 'filesystem:src/main/resources/db/revisions' does not exist\n")
			.endsWith("\nAction: Create the directory " + Path.of("src/main/resources/db/revisions").toAbsolutePath()
					+ ", or set --locations (or MIGRATE_LOCATIONS) to where the revisions are (relative paths start "
					+ "from the working directory " + Path.of("").toAbsolutePath() + "). Neither --locations nor "
					+ "MIGRATE_LOCATIONS was given, so this run used the default " + MigrateCli.DEFAULT_LOCATION
					+ " (run migrate from the project root, or pass --locations)\n");
		String missing = "filesystem:" + directory.resolve("missing");
		assertThat(new CliRunner().env("MIGRATE_LOCATIONS", missing).run("heads").err())
			.contains("This run used MIGRATE_LOCATIONS=" + missing + "\n");
		assertThat(new CliRunner().env("MIGRATE_LOCATIONS", "filesystem:elsewhere").run("heads", "--locations", missing)
			.err()).contains("This run used --locations " + missing + "\n");
		assertThat(new CliRunner().run("heads", "--locations", "nope:x").err())
			.contains("Action: Use classpath:<directory>").doesNotContain("This run used");
	}

	@Test
	void durationsAreReadLikeTheSpringProperties() {
		DurationConverter converter = new DurationConverter();
		assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(converter.convert("30")).isEqualTo(Duration.ofSeconds(30));
		assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
		assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
		assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
		assertThat(converter.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
		assertUsage(new CliRunner().run("current", "--lock-timeout", "-5s"), "'-5s' is not a duration of zero or more");
		assertUsage(new CliRunner().run("current", "--lock-timeout", "soon"), "use e.g. 500ms, 30s, 10m, 1h or PT10M");
		assertUsage(new CliRunner().run("current", "--ddl-lock-timeout", "PT-1S"), "is not a duration");
	}

	@Test
	void settingOptionsAreGlobal() {
		CliRunner.Result help = new CliRunner().run("upgrade", "--help");
		assertThat(help.out()).contains("--lock-timeout=DURATION")
			.contains("--ddl-lock-timeout=DURATION")
			.contains("--ddl-lock-retries=N")
			.contains("--no-validate-checksums")
			.contains("--allow-unknown-revisions");
	}

	@Test
	void helpShowsTheDefaultsOfTheCore() {
		String help = new CliRunner().run("upgrade", "--help").out().replaceAll("\\s+", " ");
		assertThat(help).contains("(default: 10m)")
			.contains("(default: 5s)")
			.contains("(default: " + MigrateSettings.DEFAULT_DDL_LOCK_RETRIES + ")")
			.contains("default: " + MigrateSettings.DEFAULT_VERSION_TABLE)
			.contains("default: " + MigrateSettings.DEFAULT_HISTORY_TABLE);
		assertThat(DurationConverter.format(MigrateSettings.DEFAULT_LOCK_TIMEOUT)).isEqualTo("10m");
		assertThat(DurationConverter.format(Duration.ofMillis(250))).isEqualTo("250ms");
		assertThat(new DurationConverter().convert(DurationConverter.format(MigrateSettings.DEFAULT_DDL_LOCK_TIMEOUT)))
			.isEqualTo(MigrateSettings.DEFAULT_DDL_LOCK_TIMEOUT);
	}

	@Test
	void internalErrorsHaveTheirOwnStatusNeverChecksOne() {
		java.io.StringWriter err = new java.io.StringWriter();
		int status = dev.migrate.command.CommandRunner.internalError(new OutOfMemoryError("Java heap space"),
				new java.io.PrintWriter(err));
		assertThat(status).isEqualTo(ExitStatus.INTERNAL_ERROR).isNotEqualTo(ExitStatus.PROBLEMS);
		assertThat(err.toString()).startsWith("INTERNAL ERROR: java.lang.OutOfMemoryError: Java heap space");
	}

	@ParameterizedTest
	@ValueSource(strings = { "edit", "init", "list_templates", "ensure_version" })
	void alembicCommandsMigrateDoesNotProvideGetOneLineSayingWhatToDoInstead(String command) {
		CliRunner.Result result = new CliRunner().run(command, "x");
		assertThat(result.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("'" + command + "' is an Alembic command that migrate does not provide: ")
			.hasLineCount(1);
	}

	@Test
	void otherUnknownCommandsGetOneLinePointingAtHelp() {
		CliRunner.Result result = new CliRunner().run("--schema", "app", "frobnicate");
		assertThat(result.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(result.err()).isEqualTo("Unknown command 'frobnicate'; run 'migrate help' for the commands"
				+ System.lineSeparator());
	}

	private static void assertUsage(CliRunner.Result result, String message) {
		assertThat(result.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains(message);
	}

}
