package dev.migrate.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.ParseResult;

import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.command.AutogenerateCommand;
import dev.migrate.command.CommandContext;
import dev.migrate.command.CommandRunner;
import dev.migrate.command.Commands;
import dev.migrate.command.DurationConverter;
import dev.migrate.command.ExitStatus;
import dev.migrate.command.MigrateCommand;
import dev.migrate.command.UnknownCommandException;
import dev.migrate.command.UsageException;
import dev.migrate.shadow.ShadowDatabase;

/**
 * The {@code migrate} command line: Alembic's commands ({@code current}, {@code history},
 * {@code upgrade}, {@code revision}...) for the SQL revisions of a project and a PostgreSQL
 * database. Results and SQL go to standard output, log lines and failures to standard error.
 */
@Command(name = "migrate", addMethodSubcommands = false, mixinStandardHelpOptions = true,
		versionProvider = MigrateCli.Version.class,
		description = "Alembic's revision commands for PostgreSQL: inspect, upgrade, downgrade and stamp a "
				+ "database, and write new revisions.",
		footerHeading = "%n", footer = { "Environment (used when the option is not given):",
				"  DATABASE_URL           --url (jdbc:postgresql:// or postgres://user:pass@host/db)",
				"  DATABASE_USER          --user", "  DATABASE_PASSWORD      --password",
				"  MIGRATE_LOCATIONS      --locations", "  MIGRATE_SCHEMA         --schema",
				"  MIGRATE_VERSION_TABLE  --version-table", "  MIGRATE_HISTORY_TABLE  --history-table",
				"  MIGRATE_SHADOW_URL     --shadow-url", "",
				"Exit status: 0 ok (await: the database is at the target), 1 check found problems,",
				"2 usage error, 3 failure (database, revision or migration error; await timed out),",
				"4 internal error (a bug in migrate, or the JVM ran out of memory)." })
public final class MigrateCli {

	/** Where revisions are unless {@code --locations} says otherwise: the sources of a Maven or Gradle project. */
	public static final String DEFAULT_LOCATION = "filesystem:src/main/resources/db/revisions";

	/** The application name of the CLI's sessions when the URL gives none. */
	static final String APPLICATION_NAME = "migrate-cli";

	private final Map<String, String> environment;

	@Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
			description = "Database URL: jdbc:postgresql://host:5432/db or postgres://user:pass@host:5432/db "
					+ "(env DATABASE_URL).")
	private @Nullable String url;

	@Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER",
			description = "Database user (env DATABASE_USER; default: the URL's).")
	private @Nullable String user;

	@Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
			description = "Database password (env DATABASE_PASSWORD, preferred: a command line is visible to "
					+ "other users of the machine).")
	private @Nullable String password;

	@Option(names = "--locations", scope = ScopeType.INHERIT, split = ",", paramLabel = "LOCATION",
			description = "Where revisions are, comma-separated filesystem: or classpath: locations "
					+ "(env MIGRATE_LOCATIONS; default: " + DEFAULT_LOCATION + ").")
	private @Nullable List<String> locations;

	@Option(names = "--schema", scope = ScopeType.INHERIT, paramLabel = "SCHEMA",
			description = "Schema of the version and history tables and search_path of revisions "
					+ "(env MIGRATE_SCHEMA; default: the connection's).")
	private @Nullable String schema;

	@Option(names = "--version-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
			description = "Version table (env MIGRATE_VERSION_TABLE; default: " + MigrateSettings.DEFAULT_VERSION_TABLE
					+ "; alembic_version takes over a database Alembic managed).")
	private @Nullable String versionTable;

	@Option(names = "--history-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
			description = "History table (env MIGRATE_HISTORY_TABLE; default: " + MigrateSettings.DEFAULT_HISTORY_TABLE
					+ ").")
	private @Nullable String historyTable;

	@Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
			converter = DurationConverter.class,
			description = "How long to wait for another instance holding the migration lock, e.g. 30s or 10m "
					+ "(default: ${DEFAULT-VALUE}).")
	private @Nullable Duration lockTimeout;

	@Option(names = "--ddl-lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
			converter = DurationConverter.class,
			description = "lock_timeout of each transactional revision, e.g. 5s (default: ${DEFAULT-VALUE}).")
	private @Nullable Duration ddlLockTimeout;

	@Option(names = "--ddl-lock-retries", scope = ScopeType.INHERIT, paramLabel = "N",
			description = "How often a revision is retried after hitting lock_timeout (default: ${DEFAULT-VALUE}).")
	private @Nullable Integer ddlLockRetries;

	@Option(names = "--connect-retries", scope = ScopeType.INHERIT, paramLabel = "N",
			description = "How often to retry connecting while the database cannot be reached yet, e.g. while it "
					+ "starts (default: ${DEFAULT-VALUE}).")
	private @Nullable Integer connectRetries;

	@Option(names = "--connect-retry-interval", scope = ScopeType.INHERIT, paramLabel = "DURATION",
			converter = DurationConverter.class,
			description = "The pause before each connect retry, e.g. 5s (default: ${DEFAULT-VALUE}).")
	private @Nullable Duration connectRetryInterval;

	@Option(names = "--network-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
			converter = DurationConverter.class,
			description = "How long the migration connection waits for the server to answer before reporting it "
					+ "frozen or unreachable; must exceed the longest revision statement, 0 waits forever "
					+ "(default: ${DEFAULT-VALUE}).")
	private @Nullable Duration networkTimeout;

	@Option(names = "--no-validate-checksums", scope = ScopeType.INHERIT,
			description = "Do not fail when applied revisions were edited (prefer accept-checksum).")
	private boolean noValidateChecksums;

	@Option(names = "--shadow-url", scope = ScopeType.INHERIT, paramLabel = "URL",
			description = "An empty database that revision --autogenerate and check --drift use as their shadow "
					+ "and empty after each use (env MIGRATE_SHADOW_URL; default: a temporary database created on "
					+ "the server of --url and dropped afterwards).")
	private @Nullable String shadowUrl;

	@Option(names = "--allow-unknown-revisions", scope = ScopeType.INHERIT,
			description = "Go on when the database is at a revision these revisions do not include (applied by "
					+ "a newer version); upgrade then does nothing.")
	private boolean allowUnknownRevisions;

	/** Create the command line reading the process environment. */
	public MigrateCli() {
		this(System.getenv());
	}

	/**
	 * Create the command line reading the given environment.
	 * @param environment the environment variables
	 */
	public MigrateCli(Map<String, String> environment) {
		this.environment = Map.copyOf(Objects.requireNonNull(environment, "'environment' must not be null"));
	}

	/**
	 * Run a command line and exit with its status.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		PrintWriter out = new PrintWriter(System.out, true);
		PrintWriter err = new PrintWriter(System.err, true);
		int status;
		try {
			status = new MigrateCli().run(args, out, err);
		}
		catch (Throwable ex) {
			status = CommandRunner.internalError(ex, err);
		}
		System.exit(status);
	}

	/**
	 * The command line of a {@code migrate} run: the global options of this run and every command
	 * of {@link Commands}, showing the core's defaults in its help.
	 * @param cli the run
	 * @return the command line
	 */
	static CommandLine commandLine(MigrateCli cli) {
		return Commands.addTo(new CommandLine(cli)).setDefaultValueProvider(new Defaults());
	}

	/**
	 * Parse and run a command line.
	 * @param args the arguments
	 * @param out where results go
	 * @param err where log lines and failures go
	 * @return the exit status
	 */
	int run(String[] args, PrintWriter out, PrintWriter err) {
		String named = Commands.named(List.of(args));
		if (named != null) {
			CommandLine single = Commands.addTo(new CommandLine(this), named).setDefaultValueProvider(new Defaults());
			MigrateCommand command = parsedAs(single, named, args);
			if (command != null) {
				return run(single, command, out, err);
			}
			// not a clean run of that command: parsed afresh with every command, for the messages it gives
			MigrateCli fresh = new MigrateCli(this.environment);
			return fresh.run(commandLine(fresh), args, out, err);
		}
		return run(commandLine(this), args, out, err);
	}

	/**
	 * The command that arguments give when parsed against a command line holding only the one
	 * they name, or {@code null} when they do not parse as that command.
	 */
	private static @Nullable MigrateCommand parsedAs(CommandLine single, String name, String[] args) {
		try {
			MigrateCommand command = Commands.parse(single, List.of(args));
			ParseResult parsed = single.getParseResult();
			return (parsed.hasSubcommand() && parsed.subcommand().commandSpec().name().equals(name)) ? command : null;
		}
		catch (UsageException ex) {
			return null;
		}
	}

	private int run(CommandLine commandLine, String[] args, PrintWriter out, PrintWriter err) {
		MigrateCommand command;
		try {
			command = Commands.parse(commandLine, List.of(args));
		}
		catch (UsageException ex) {
			err.println(ex.getMessage());
			if (!(ex instanceof UnknownCommandException)) {
				err.println("Run 'migrate --help' for the commands and their options.");
			}
			err.flush();
			return ExitStatus.USAGE;
		}
		return run(commandLine, command, out, err);
	}

	private int run(CommandLine commandLine, MigrateCommand command, PrintWriter out, PrintWriter err) {
		if (command instanceof AutogenerateCommand autogenerate && autogenerate.to().isEmpty()) {
			err.println("revision --autogenerate needs the desired schema: --to FILE[,FILE...]");
			err.println("Run 'migrate revision --help' for its options.");
			err.flush();
			return ExitStatus.USAGE;
		}
		ParseResult parsed = commandLine.getParseResult();
		String name = parsed.hasSubcommand() ? parsed.subcommand().commandSpec().name() : "migrate";
		return run(command, name, out, err);
	}

	/**
	 * Run a parsed command with the global options.
	 * @param command the command
	 * @param name the command's name, for messages
	 * @param out where results go
	 * @param err where failures go
	 * @return the exit status
	 */
	private int run(MigrateCommand command, String name, PrintWriter out, PrintWriter err) {
		try {
			MigrateSettings settings;
			try {
				settings = settings();
			}
			catch (MigrateException ex) {
				throw new UsageException(ex.description() + ". " + ex.action());
			}
			DatabaseUrl database = database();
			if (database == null && command.needsDatabase()) {
				throw new UsageException(name + " needs a database: pass --url or set DATABASE_URL");
			}
			DataSource dataSource = (database != null) ? dataSource(database) : new NoDatabaseDataSource();
			CommandContext context = CommandContext.builder(settings)
				.migrator(() -> Migrator.create(dataSource, settings))
				.out(out)
				.err(err)
				.database(() -> (database != null) ? describe(database) : null)
				.shadow(() -> shadow(database, dataSource, settings.vocabulary()))
				.build();
			return command.run(context);
		}
		catch (UsageException ex) {
			err.println(ex.getMessage());
			err.println("Run 'migrate " + name + " --help' for its options.");
			return ExitStatus.USAGE;
		}
		catch (MigrateException ex) {
			return CommandRunner.failed(ex, err);
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	private MigrateSettings settings() {
		MigrateSettings.Builder builder = MigrateSettings.builder();
		List<String> configured = configuredLocations();
		builder.locations((configured != null) ? configured : List.of(DEFAULT_LOCATION));
		builder.schema(option(this.schema, "MIGRATE_SCHEMA"));
		String version = option(this.versionTable, "MIGRATE_VERSION_TABLE");
		if (version != null) {
			builder.versionTable(version);
		}
		String history = option(this.historyTable, "MIGRATE_HISTORY_TABLE");
		if (history != null) {
			builder.historyTable(history);
		}
		if (this.lockTimeout != null) {
			builder.lockTimeout(this.lockTimeout);
		}
		if (this.ddlLockTimeout != null) {
			builder.ddlLockTimeout(this.ddlLockTimeout);
		}
		if (this.ddlLockRetries != null) {
			builder.ddlLockRetries(this.ddlLockRetries);
		}
		if (this.connectRetries != null) {
			builder.connectRetries(this.connectRetries);
		}
		if (this.connectRetryInterval != null) {
			builder.connectRetryInterval(this.connectRetryInterval);
		}
		if (this.networkTimeout != null) {
			builder.networkTimeout(this.networkTimeout);
		}
		builder.validateChecksums(!this.noValidateChecksums);
		builder.allowUnknownRevisions(this.allowUnknownRevisions);
		builder.vocabulary(new CommandLineVocabulary(Map.of(Setting.LOCATIONS, describeLocations())));
		return builder.build();
	}

	/** The locations from {@code --locations} or {@code MIGRATE_LOCATIONS}; {@code null} when neither is given. */
	private @Nullable List<String> configuredLocations() {
		List<String> configured = (this.locations != null) ? this.locations : splitEnv("MIGRATE_LOCATIONS");
		return (configured != null && !configured.isEmpty()) ? configured : null;
	}

	/** Which locations a run uses and where they come from, for failures about them. */
	private String describeLocations() {
		if (this.locations != null && !this.locations.isEmpty()) {
			return "This run used --locations " + String.join(",", this.locations);
		}
		List<String> fromEnv = configuredLocations();
		if (fromEnv != null) {
			return "This run used MIGRATE_LOCATIONS=" + String.join(",", fromEnv);
		}
		return "Neither --locations nor MIGRATE_LOCATIONS was given, so this run used the default " + DEFAULT_LOCATION
				+ " (run migrate from the project root, or pass --locations)";
	}

	private @Nullable DatabaseUrl database() {
		if (this.url != null) {
			return DatabaseUrl.parse(this.url, "--url");
		}
		String fromEnv = env("DATABASE_URL");
		return (fromEnv != null) ? DatabaseUrl.parse(fromEnv, "DATABASE_URL") : null;
	}

	/**
	 * The shadow database of {@code revision --autogenerate} and {@code check --drift}:
	 * {@code --shadow-url} (its own user and password, else the database's), else a temporary
	 * database on the database's server.
	 */
	private ShadowDatabase shadow(@Nullable DatabaseUrl database, DataSource target, Vocabulary vocabulary) {
		String given = option(this.shadowUrl, "MIGRATE_SHADOW_URL");
		if (given != null) {
			DatabaseUrl shadow = DatabaseUrl.parse(given, (this.shadowUrl != null) ? "--shadow-url" : "MIGRATE_SHADOW_URL");
			PGSimpleDataSource dataSource = (shadow.user() != null)
					? dataSource(shadow, shadow.user(), shadow.password()) : dataSource(shadow);
			return ShadowDatabase.provided(dataSource, shadow.display(), target, vocabulary);
		}
		// the commands that need a shadow database need a database too, so there is one
		DatabaseUrl server = Objects.requireNonNull(database, "no database");
		return ShadowDatabase.temporary(target, (name) -> {
			PGSimpleDataSource dataSource = dataSource(server);
			dataSource.setDatabaseName(name);
			return dataSource;
		}, vocabulary);
	}

	/**
	 * The data source of a run: the URL's parameters, the user and password of the options, the
	 * environment or the URL, and the application name {@code migrate-cli} unless the URL gives
	 * one ({@code ApplicationName=}), so that lock holders and blockers can be told apart.
	 */
	PGSimpleDataSource dataSource(DatabaseUrl database) {
		return dataSource(database, firstNonNull(this.user, env("DATABASE_USER"), database.user()),
				firstNonNull(this.password, env("DATABASE_PASSWORD"), database.password()));
	}

	private PGSimpleDataSource dataSource(DatabaseUrl database, @Nullable String databaseUser,
			@Nullable String databasePassword) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		try {
			dataSource.setURL(database.jdbcUrl());
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("The database URL " + database.display() + " is not valid: " + ex.getMessage());
		}
		if (databaseUser != null) {
			dataSource.setUser(databaseUser);
		}
		if (databasePassword != null) {
			dataSource.setPassword(databasePassword);
		}
		if (!database.jdbcUrl().matches("(?s).*[?&;]ApplicationName=.*")) {
			dataSource.setApplicationName(APPLICATION_NAME);
		}
		if (!database.jdbcUrl().contains("tcpKeepAlive=")) {
			// so that a server host that vanished is noticed even while a statement runs
			dataSource.setTcpKeepAlive(true);
		}
		return dataSource;
	}

	private String describe(DatabaseUrl database) {
		String databaseUser = firstNonNull(this.user, env("DATABASE_USER"), database.user());
		return database.display() + ((databaseUser != null) ? " (user " + databaseUser + ")" : "");
	}

	private @Nullable String option(@Nullable String value, String variable) {
		return (value != null) ? value : env(variable);
	}

	private @Nullable List<String> splitEnv(String variable) {
		String value = env(variable);
		if (value == null) {
			return null;
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	private @Nullable String env(String variable) {
		String value = this.environment.get(variable);
		return (value != null && !value.isBlank()) ? value : null;
	}

	private static @Nullable String firstNonNull(@Nullable String... values) {
		for (String value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/** The defaults of the settings' options, from {@link MigrateSettings}'s constants. */
	static final class Defaults implements CommandLine.IDefaultValueProvider {

		@Override
		public @Nullable String defaultValue(CommandLine.Model.ArgSpec argument) {
			if (!(argument instanceof CommandLine.Model.OptionSpec option)) {
				return null;
			}
			return switch (option.longestName()) {
				case "--lock-timeout" -> DurationConverter.format(MigrateSettings.DEFAULT_LOCK_TIMEOUT);
				case "--ddl-lock-timeout" -> DurationConverter.format(MigrateSettings.DEFAULT_DDL_LOCK_TIMEOUT);
				case "--ddl-lock-retries" -> String.valueOf(MigrateSettings.DEFAULT_DDL_LOCK_RETRIES);
				case "--connect-retries" -> String.valueOf(MigrateSettings.DEFAULT_CONNECT_RETRIES);
				case "--connect-retry-interval" -> DurationConverter.format(MigrateSettings.DEFAULT_CONNECT_RETRY_INTERVAL);
				case "--network-timeout" -> DurationConverter.format(MigrateSettings.DEFAULT_NETWORK_TIMEOUT);
				default -> null;
			};
		}

	}

	/** The version from the jar's manifest. */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = MigrateCli.class.getPackage().getImplementationVersion();
			return new String[] { "migrate " + ((version != null) ? version : "(development build)") };
		}

	}

}
