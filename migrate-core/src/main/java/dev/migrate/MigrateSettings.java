package dev.migrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migrate.Vocabulary.Setting;
import dev.migrate.table.TableNames;

/**
 * How a {@link Migrator} finds revisions and where it keeps its state. Immutable; build one
 * with {@link #builder()}. The {@code DEFAULT_*} constants are the one source of every default:
 * the builder, the Spring Boot starter's properties and the command line's help use them.
 */
public final class MigrateSettings {

	/** Default revision location. */
	public static final String DEFAULT_LOCATION = "classpath:db/revisions";

	/** Default name of the version table. */
	public static final String DEFAULT_VERSION_TABLE = "migrate_version";

	/** Default name of the history table. */
	public static final String DEFAULT_HISTORY_TABLE = "migrate_history";

	/** Default time to wait for another instance holding the migration lock: 10 minutes. */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

	/** Default {@code lock_timeout} of each transactional revision: 5 seconds. */
	public static final Duration DEFAULT_DDL_LOCK_TIMEOUT = Duration.ofSeconds(5);

	/** Default number of retries of a revision that hit {@code lock_timeout}. */
	public static final int DEFAULT_DDL_LOCK_RETRIES = 10;

	/** Default number of retries of a connection while the database has not been reached: none. */
	public static final int DEFAULT_CONNECT_RETRIES = 0;

	/** Default pause before each connect retry: 10 seconds. */
	public static final Duration DEFAULT_CONNECT_RETRY_INTERVAL = Duration.ofSeconds(10);

	/**
	 * Default {@link #networkTimeout()}: longer than a statement of a revision can legitimately
	 * keep the connection silent.
	 */
	public static final Duration DEFAULT_NETWORK_TIMEOUT = Duration.ofHours(12);

	private final List<String> locations;

	private final @Nullable ClassLoader classLoader;

	private final List<JavaRevision> javaRevisions;

	private final @Nullable String schema;

	private final String versionTable;

	private final String historyTable;

	private final Duration lockTimeout;

	private final @Nullable Long lockKey;

	private final Duration ddlLockTimeout;

	private final int ddlLockRetries;

	private final boolean validateChecksums;

	private final boolean allowUnknownRevisions;

	private final boolean singleTransaction;

	private final Duration networkTimeout;

	private final @Nullable String instance;

	private final int connectRetries;

	private final Duration connectRetryInterval;

	private final Vocabulary vocabulary;

	private MigrateSettings(Builder builder) {
		this.locations = List.copyOf(builder.locations);
		this.classLoader = builder.classLoader;
		this.javaRevisions = List.copyOf(builder.javaRevisions);
		this.schema = builder.schema;
		this.versionTable = builder.versionTable;
		this.historyTable = builder.historyTable;
		this.lockTimeout = builder.lockTimeout;
		this.lockKey = builder.lockKey;
		this.ddlLockTimeout = builder.ddlLockTimeout;
		this.ddlLockRetries = builder.ddlLockRetries;
		this.validateChecksums = builder.validateChecksums;
		this.allowUnknownRevisions = builder.allowUnknownRevisions;
		this.singleTransaction = builder.singleTransaction;
		this.networkTimeout = builder.networkTimeout;
		this.instance = builder.instance;
		this.connectRetries = builder.connectRetries;
		this.connectRetryInterval = builder.connectRetryInterval;
		this.vocabulary = builder.vocabulary;
	}

	/** A builder holding the defaults. */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder starting from these settings. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/** Where revisions are: {@code classpath:} and {@code filesystem:} locations. */
	public List<String> locations() {
		return this.locations;
	}

	/**
	 * Class loader for {@code classpath:} locations; {@code null} (the thread that made the
	 * builder had no context class loader) stands for the one that loaded migrate.
	 */
	public @Nullable ClassLoader classLoader() {
		return this.classLoader;
	}

	/** Java revisions to add to those found in the locations. */
	public List<JavaRevision> javaRevisions() {
		return this.javaRevisions;
	}

	/** Schema of the version and history tables, or {@code null} for the connection's current schema. */
	public @Nullable String schema() {
		return this.schema;
	}

	/** Name of the version table. */
	public String versionTable() {
		return this.versionTable;
	}

	/** Name of the history table. */
	public String historyTable() {
		return this.historyTable;
	}

	/** How long to wait for another instance holding the migration lock. */
	public Duration lockTimeout() {
		return this.lockTimeout;
	}

	/** Advisory lock key, or {@code null} to derive it from the schema and version table name. */
	public @Nullable Long lockKey() {
		return this.lockKey;
	}

	/** {@code lock_timeout} set in each transactional revision. */
	public Duration ddlLockTimeout() {
		return this.ddlLockTimeout;
	}

	/** How many times a revision is retried after hitting {@code lock_timeout}. */
	public int ddlLockRetries() {
		return this.ddlLockRetries;
	}

	/** Whether edited applied revisions fail validation. */
	public boolean validateChecksums() {
		return this.validateChecksums;
	}

	/** Whether a database at a revision this build does not know is tolerated. */
	public boolean allowUnknownRevisions() {
		return this.allowUnknownRevisions;
	}

	/** Whether a run uses one transaction for all its transactional revisions instead of one each. */
	public boolean singleTransaction() {
		return this.singleTransaction;
	}

	/**
	 * How long the run's connection waits for the server to answer (the socket read timeout of
	 * the connection that holds the migration lock), so that a frozen server or a connection
	 * dropped without a reset is reported instead of waited on forever; zero waits forever. A
	 * revision statement that runs longer fails with it, so it must exceed the longest one.
	 */
	public Duration networkTimeout() {
		return this.networkTimeout;
	}

	/** Tag of this application instance, recorded in the history table. */
	public String instance() {
		return (this.instance != null) ? this.instance : DefaultInstance.VALUE;
	}

	/**
	 * The default instance tag, {@code <host name>:<pid>}, worked out when a run first records
	 * something (resolving the host name can take a while, and a start with nothing pending
	 * records nothing).
	 */
	private static final class DefaultInstance {

		static final String VALUE = Builder.defaultInstance();

	}

	/**
	 * How many times opening a connection is retried while the database has not been reached
	 * yet (it may still be starting); 0 fails at the first refusal.
	 */
	public int connectRetries() {
		return this.connectRetries;
	}

	/** The pause between two attempts to connect. */
	public Duration connectRetryInterval() {
		return this.connectRetryInterval;
	}

	/** The words failures and log lines use for settings and commands (default {@link Vocabulary#java()}). */
	public Vocabulary vocabulary() {
		return this.vocabulary;
	}

	/**
	 * Builder for {@link MigrateSettings}. Setters only record their value; {@link #build()}
	 * validates them all at once and names a wrong one in the words of the
	 * {@link #vocabulary(Vocabulary) vocabulary}, so that every front end gets the same checks
	 * in its own words.
	 */
	public static final class Builder {

		private List<String> locations = List.of(DEFAULT_LOCATION);

		private @Nullable ClassLoader classLoader = Thread.currentThread().getContextClassLoader();

		private List<JavaRevision> javaRevisions = new ArrayList<>();

		private @Nullable String schema;

		private String versionTable = DEFAULT_VERSION_TABLE;

		private String historyTable = DEFAULT_HISTORY_TABLE;

		private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

		private @Nullable Long lockKey;

		private Duration ddlLockTimeout = DEFAULT_DDL_LOCK_TIMEOUT;

		private int ddlLockRetries = DEFAULT_DDL_LOCK_RETRIES;

		private boolean validateChecksums = true;

		private boolean allowUnknownRevisions;

		private boolean singleTransaction;

		private Duration networkTimeout = DEFAULT_NETWORK_TIMEOUT;

		/** {@code null} for the default, see {@link DefaultInstance}. */
		private @Nullable String instance;

		private int connectRetries = DEFAULT_CONNECT_RETRIES;

		private Duration connectRetryInterval = DEFAULT_CONNECT_RETRY_INTERVAL;

		private Vocabulary vocabulary = Vocabulary.java();

		private Builder() {
		}

		private Builder(MigrateSettings settings) {
			this.locations = settings.locations;
			this.classLoader = settings.classLoader;
			this.javaRevisions = new ArrayList<>(settings.javaRevisions);
			this.schema = settings.schema;
			this.versionTable = settings.versionTable;
			this.historyTable = settings.historyTable;
			this.lockTimeout = settings.lockTimeout;
			this.lockKey = settings.lockKey;
			this.ddlLockTimeout = settings.ddlLockTimeout;
			this.ddlLockRetries = settings.ddlLockRetries;
			this.validateChecksums = settings.validateChecksums;
			this.allowUnknownRevisions = settings.allowUnknownRevisions;
			this.singleTransaction = settings.singleTransaction;
			this.networkTimeout = settings.networkTimeout;
			this.instance = settings.instance;
			this.connectRetries = settings.connectRetries;
			this.connectRetryInterval = settings.connectRetryInterval;
			this.vocabulary = settings.vocabulary;
		}

		private static String defaultInstance() {
			String host = System.getenv("HOSTNAME");
			if (host == null || host.isBlank()) {
				try {
					host = java.net.InetAddress.getLocalHost().getHostName();
				}
				catch (java.io.IOException ex) {
					host = "unknown";
				}
			}
			return host + ":" + ProcessHandle.current().pid();
		}

		public Builder locations(List<String> locations) {
			Objects.requireNonNull(locations, "'locations' must not be null");
			this.locations = List.copyOf(locations);
			return this;
		}

		public Builder locations(String... locations) {
			return locations(List.of(locations));
		}

		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = Objects.requireNonNull(classLoader, "'classLoader' must not be null");
			return this;
		}

		public Builder javaRevisions(List<? extends JavaRevision> javaRevisions) {
			this.javaRevisions = new ArrayList<>(javaRevisions);
			return this;
		}

		public Builder schema(@Nullable String schema) {
			this.schema = (schema == null || schema.isBlank()) ? null : schema;
			return this;
		}

		public Builder versionTable(String versionTable) {
			this.versionTable = versionTable;
			return this;
		}

		public Builder historyTable(String historyTable) {
			this.historyTable = historyTable;
			return this;
		}

		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		public Builder lockKey(@Nullable Long lockKey) {
			this.lockKey = lockKey;
			return this;
		}

		public Builder ddlLockTimeout(Duration ddlLockTimeout) {
			this.ddlLockTimeout = ddlLockTimeout;
			return this;
		}

		public Builder ddlLockRetries(int ddlLockRetries) {
			this.ddlLockRetries = ddlLockRetries;
			return this;
		}

		public Builder validateChecksums(boolean validateChecksums) {
			this.validateChecksums = validateChecksums;
			return this;
		}

		public Builder allowUnknownRevisions(boolean allowUnknownRevisions) {
			this.allowUnknownRevisions = allowUnknownRevisions;
			return this;
		}

		public Builder singleTransaction(boolean singleTransaction) {
			this.singleTransaction = singleTransaction;
			return this;
		}

		public Builder networkTimeout(Duration networkTimeout) {
			this.networkTimeout = networkTimeout;
			return this;
		}

		public Builder instance(@Nullable String instance) {
			this.instance = instance;
			return this;
		}

		/**
		 * How many times to retry opening a connection while the database has not been reached
		 * yet, pausing {@link #connectRetryInterval(Duration)} before each retry (default 0).
		 * @param connectRetries the number of retries, 0 or more
		 * @return this builder
		 */
		public Builder connectRetries(int connectRetries) {
			this.connectRetries = connectRetries;
			return this;
		}

		/**
		 * The pause before each retry of {@link #connectRetries(int)} (default 10s).
		 * @param connectRetryInterval the pause, zero or more
		 * @return this builder
		 */
		public Builder connectRetryInterval(Duration connectRetryInterval) {
			this.connectRetryInterval = connectRetryInterval;
			return this;
		}

		/**
		 * Name settings and commands in failures and log lines as this front end spells them,
		 * e.g. the property names of the Spring Boot starter.
		 * @param vocabulary the vocabulary
		 * @return this builder
		 */
		public Builder vocabulary(Vocabulary vocabulary) {
			this.vocabulary = Objects.requireNonNull(vocabulary, "'vocabulary' must not be null");
			return this;
		}

		/**
		 * Validate the settings and build them.
		 * @return the settings
		 * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) naming the first wrong
		 * setting in the words of the vocabulary
		 */
		public MigrateSettings build() {
			Vocabulary words = this.vocabulary;
			String locationsSetting = words.setting(Setting.LOCATIONS);
			if (this.locations.isEmpty() || this.locations.stream().anyMatch((l) -> l == null || l.isBlank())) {
				throw new MigrateException(ErrorCode.CONFIGURATION,
						"The setting " + locationsSetting + " must list at least one non-empty location, but was "
								+ this.locations,
						"Set " + locationsSetting + " to classpath: or filesystem: locations, such as "
								+ DEFAULT_LOCATION);
			}
			TableNames.of(this.schema, this.versionTable, this.historyTable, words);
			requireNotNegative(this.lockTimeout, words.setting(Setting.LOCK_TIMEOUT));
			requireNotNegative(this.ddlLockTimeout, words.setting(Setting.DDL_LOCK_TIMEOUT));
			if (this.ddlLockRetries < 0) {
				String setting = words.setting(Setting.DDL_LOCK_RETRIES);
				throw new MigrateException(ErrorCode.CONFIGURATION,
						"The setting " + setting + " is " + this.ddlLockRetries + " but must not be negative",
						"Set " + setting + " to 0 (no retries) or more");
			}
			if (this.connectRetries < 0) {
				String setting = words.setting(Setting.CONNECT_RETRIES);
				throw new MigrateException(ErrorCode.CONFIGURATION,
						"The setting " + setting + " is " + this.connectRetries + " but must not be negative",
						"Set " + setting + " to 0 (no retries) or more");
			}
			requireNotNegative(this.connectRetryInterval, words.setting(Setting.CONNECT_RETRY_INTERVAL));
			requireNotNegative(this.networkTimeout, words.setting(Setting.NETWORK_TIMEOUT));
			if (this.instance != null && this.instance.isBlank()) {
				// null is the default (host:pid, worked out when first needed); blank was given
				throw new MigrateException(ErrorCode.CONFIGURATION,
						"The setting MigrateSettings.Builder.instance(...) is empty",
						"Give MigrateSettings.Builder.instance(...) a value, such as the host name");
			}
			return new MigrateSettings(this);
		}

		private static void requireNotNegative(@Nullable Duration value, String setting) {
			if (value == null || value.isNegative()) {
				throw new MigrateException(ErrorCode.CONFIGURATION,
						"The setting " + setting + " is " + ((value != null) ? value : "missing")
								+ " but must be zero or more",
						"Set " + setting + " to a duration such as 5s or 10m");
			}
		}

	}

}
