package dev.migrate.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.command.CommandContext;
import dev.migrate.command.CommandRunner;
import dev.migrate.command.ExitStatus;
import dev.migrate.command.MigrateCommand;
import dev.migrate.command.UsageException;
import dev.migrate.shadow.ShadowDatabase;

/**
 * The {@code migrate} command line: Alembic's commands ({@code current}, {@code history},
 * {@code upgrade}, {@code revision}...) for the SQL revisions of a project and a PostgreSQL
 * database. Results and SQL go to standard output, log lines and failures to standard error.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = MigrateCli.Version.class,
		description = "Alembic's revision commands for PostgreSQL: inspect, upgrade, downgrade and stamp a "
				+ "database, and write new revisions.",
		subcommands = { CurrentCli.class, HistoryCli.class, HeadsCli.class, BranchesCli.class, ShowCli.class,
				UpgradeCli.class, DowngradeCli.class, StampCli.class, CheckCli.class, AcceptChecksumCli.class,
				RevisionCli.class, MergeCli.class, CommandLine.HelpCommand.class },
		footerHeading = "%n", footer = { "Environment (used when the option is not given):",
				"  DATABASE_URL           --url (jdbc:postgresql:// or postgres://user:pass@host/db)",
				"  DATABASE_USER          --user", "  DATABASE_PASSWORD      --password",
				"  MIGRATE_LOCATIONS      --locations", "  MIGRATE_SCHEMA         --schema",
				"  MIGRATE_VERSION_TABLE  --version-table", "  MIGRATE_HISTORY_TABLE  --history-table",
				"  MIGRATE_SHADOW_URL     --shadow-url", "",
				"Exit status: 0 ok, 1 check found problems, 2 usage error, 3 failure (database,",
				"revision or migration error)." })
public final class MigrateCli implements Callable<Integer> {

	/** Where revisions are unless {@code --locations} says otherwise: the sources of a Maven or Gradle project. */
	public static final String DEFAULT_LOCATION = "filesystem:src/main/resources/db/revisions";

	private final Map<String, String> environment;

	@Spec
	private CommandSpec spec;

	@Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
			description = "Database URL: jdbc:postgresql://host:5432/db or postgres://user:pass@host:5432/db "
					+ "(env DATABASE_URL).")
	private String url;

	@Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "USER",
			description = "Database user (env DATABASE_USER; default: the URL's).")
	private String user;

	@Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
			description = "Database password (env DATABASE_PASSWORD, preferred: a command line is visible to "
					+ "other users of the machine).")
	private String password;

	@Option(names = "--locations", scope = ScopeType.INHERIT, split = ",", paramLabel = "LOCATION",
			description = "Where revisions are, comma-separated filesystem: or classpath: locations "
					+ "(env MIGRATE_LOCATIONS; default: " + DEFAULT_LOCATION + ").")
	private List<String> locations;

	@Option(names = "--schema", scope = ScopeType.INHERIT, paramLabel = "SCHEMA",
			description = "Schema of the version and history tables and search_path of revisions "
					+ "(env MIGRATE_SCHEMA; default: the connection's).")
	private String schema;

	@Option(names = "--version-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
			description = "Version table (env MIGRATE_VERSION_TABLE; default: migrate_version; alembic_version "
					+ "takes over a database Alembic managed).")
	private String versionTable;

	@Option(names = "--history-table", scope = ScopeType.INHERIT, paramLabel = "TABLE",
			description = "History table (env MIGRATE_HISTORY_TABLE; default: migrate_history).")
	private String historyTable;

	@Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
			converter = DurationConverter.class,
			description = "How long to wait for another instance holding the migration lock, e.g. 30s or 10m "
					+ "(default: 10m).")
	private Duration lockTimeout;

	@Option(names = "--ddl-lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
			converter = DurationConverter.class,
			description = "lock_timeout of each transactional revision, e.g. 5s (default: 5s).")
	private Duration ddlLockTimeout;

	@Option(names = "--ddl-lock-retries", scope = ScopeType.INHERIT, paramLabel = "N",
			description = "How often a revision is retried after hitting lock_timeout (default: 10).")
	private Integer ddlLockRetries;

	@Option(names = "--connect-retries", scope = ScopeType.INHERIT, paramLabel = "N",
			description = "How often to retry connecting while the database cannot be reached yet, e.g. while it "
					+ "starts (default: 0).")
	private Integer connectRetries;

	@Option(names = "--connect-retry-interval", scope = ScopeType.INHERIT, paramLabel = "DURATION",
			converter = DurationConverter.class,
			description = "The pause before each connect retry, e.g. 5s (default: 10s).")
	private Duration connectRetryInterval;

	@Option(names = "--network-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
			converter = DurationConverter.class,
			description = "How long the migration connection waits for the server to answer before reporting it "
					+ "frozen or unreachable; must exceed the longest revision statement, 0 waits forever "
					+ "(default: 12h).")
	private Duration networkTimeout;

	@Option(names = "--no-validate-checksums", scope = ScopeType.INHERIT,
			description = "Do not fail when applied revisions were edited (prefer accept-checksum).")
	private boolean noValidateChecksums;

	@Option(names = "--shadow-url", scope = ScopeType.INHERIT, paramLabel = "URL",
			description = "An empty database that revision --autogenerate and check --drift use as their shadow "
					+ "and empty after each use (env MIGRATE_SHADOW_URL; default: a temporary database created on "
					+ "the server of --url and dropped afterwards).")
	private String shadowUrl;

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
		System.exit(new CommandLine(new MigrateCli()).execute(args));
	}

	@Override
	public Integer call() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Missing command");
	}

	/**
	 * Run a parsed command with the global options.
	 * @param parsed the command (which may find that its options do not fit together)
	 * @param commandSpec the subcommand, for its output streams
	 * @return the exit status
	 */
	int run(Supplier<MigrateCommand> parsed, CommandSpec commandSpec) {
		PrintWriter out = commandSpec.commandLine().getOut();
		PrintWriter err = commandSpec.commandLine().getErr();
		try {
			MigrateCommand command = parsed.get();
			MigrateSettings settings = settings();
			DatabaseUrl database = database();
			if (database == null && command.needsDatabase()) {
				throw new UsageException(commandSpec.name() + " needs a database: pass --url or set DATABASE_URL");
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
			err.println("Run 'migrate " + commandSpec.name() + " --help' for its options.");
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
			if (this.ddlLockRetries < 0) {
				throw new UsageException("--ddl-lock-retries must be 0 or more, got " + this.ddlLockRetries);
			}
			builder.ddlLockRetries(this.ddlLockRetries);
		}
		if (this.connectRetries != null) {
			if (this.connectRetries < 0) {
				throw new UsageException("--connect-retries must be 0 or more, got " + this.connectRetries);
			}
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
		builder.vocabulary(Vocabulary.commandLine(Map.of(Setting.LOCATIONS, describeLocations())));
		return builder.build();
	}

	/** The locations from {@code --locations} or {@code MIGRATE_LOCATIONS}; {@code null} when neither is given. */
	private List<String> configuredLocations() {
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

	private DatabaseUrl database() {
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
	private ShadowDatabase shadow(DatabaseUrl database, DataSource target, Vocabulary vocabulary) {
		String given = option(this.shadowUrl, "MIGRATE_SHADOW_URL");
		if (given != null) {
			DatabaseUrl shadow = DatabaseUrl.parse(given, (this.shadowUrl != null) ? "--shadow-url" : "MIGRATE_SHADOW_URL");
			PGSimpleDataSource dataSource = (shadow.user() != null)
					? dataSource(shadow, shadow.user(), shadow.password()) : dataSource(shadow);
			return ShadowDatabase.provided(dataSource, shadow.display(), target, vocabulary);
		}
		return ShadowDatabase.temporary(target, (name) -> {
			PGSimpleDataSource dataSource = dataSource(database);
			dataSource.setDatabaseName(name);
			return dataSource;
		}, vocabulary);
	}

	private PGSimpleDataSource dataSource(DatabaseUrl database) {
		return dataSource(database, firstNonNull(this.user, env("DATABASE_USER"), database.user()),
				firstNonNull(this.password, env("DATABASE_PASSWORD"), database.password()));
	}

	private PGSimpleDataSource dataSource(DatabaseUrl database, String databaseUser, String databasePassword) {
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
		dataSource.setApplicationName("migrate-cli");
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

	private String option(String value, String variable) {
		return (value != null) ? value : env(variable);
	}

	private List<String> splitEnv(String variable) {
		String value = env(variable);
		if (value == null) {
			return null;
		}
		return Arrays.stream(value.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	private String env(String variable) {
		String value = this.environment.get(variable);
		return (value != null && !value.isBlank()) ? value : null;
	}

	private static String firstNonNull(String... values) {
		for (String value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
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
