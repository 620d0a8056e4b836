package dev.migrate.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.graph.Target;

/**
 * {@link ConfigurationProperties Configuration properties} of migrate ({@code migrate.*}).
 * Setters reject invalid values, so binding fails at startup naming the property.
 */
@ConfigurationProperties("migrate")
public class MigrateProperties {

	/**
	 * Whether to enable migrate: the migrator, the startup action, the traffic gate and the
	 * migrations endpoint, health indicator and metrics.
	 */
	private boolean enabled = true;

	/**
	 * Startup action: upgrade applies pending revisions, validate fails on pending or edited
	 * revisions without writing, await waits until another instance migrates, off does nothing.
	 */
	private Mode mode = Mode.UPGRADE;

	/**
	 * When the startup action runs: runner after the context started, with traffic refused until
	 * it ends, or eager during context refresh, before the beans that use the database.
	 */
	private Phase phase = Phase.RUNNER;

	/**
	 * Comma-separated list of revision locations, each classpath: or filesystem: followed by a
	 * directory.
	 */
	private List<String> locations = List.of(MigrateSettings.DEFAULT_LOCATION);

	/**
	 * Revision the startup action brings the database to, such as heads, head or a revision id.
	 */
	private String target = "heads";

	/**
	 * Schema of the version and history tables, also put first on the search path of
	 * migrations. If not set, the connection's current schema is used.
	 */
	private @Nullable String schema;

	/**
	 * Name of the version table, which holds one row per applied head.
	 */
	private String versionTable = MigrateSettings.DEFAULT_VERSION_TABLE;

	/**
	 * Name of the history table, which records every upgrade, downgrade and stamp.
	 */
	private String historyTable = MigrateSettings.DEFAULT_HISTORY_TABLE;

	private final Lock lock = new Lock();

	private final Ddl ddl = new Ddl();

	private final Endpoint endpoint = new Endpoint();

	/**
	 * Maximum number of retries when the database cannot be reached at startup (it may still be
	 * starting). Retries stop once the database has been reached.
	 */
	private int connectRetries;

	/**
	 * Pause before each connect retry. If a duration suffix is not specified, seconds will be
	 * used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration connectRetryInterval = Duration.ofSeconds(10);

	/**
	 * How long the migration connection waits for the server to answer before it reports the
	 * server as frozen or unreachable; must exceed the longest statement of a revision, 0 waits
	 * forever. If a duration suffix is not specified, seconds will be used.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration networkTimeout = Duration.ofHours(12);

	/**
	 * Further databases migrated beside the default one, by instance name: each has its own
	 * locations, target, tables, connection and lock, and its own section of the migrations
	 * endpoint, health contributor and metrics.
	 */
	private final Map<String, Instance> instances = new LinkedHashMap<>();

	/**
	 * Whether to fail when an applied revision was edited after it was applied.
	 */
	private boolean validateChecksums = true;

	/**
	 * Whether to start when the database is at a revision this build does not know, such as
	 * after rolling back a deployment.
	 */
	private boolean allowUnknownRevisions;

	/**
	 * Whether to exit with status 0 once the startup action is done, without serving requests.
	 */
	private boolean exitAfterMigrate;

	/**
	 * Command to run with the application's configuration instead of migrating at startup, such
	 * as 'downgrade -1'; the application exits afterwards.
	 */
	private @Nullable String command;

	/**
	 * JDBC URL of a separate connection used only for migrations. If not set, the application's
	 * DataSource is used.
	 */
	private @Nullable String url;

	/**
	 * Login user of the separate migration connection. If not set, the application's user is
	 * used.
	 */
	private @Nullable String username;

	/**
	 * Login password of the separate migration connection. If not set, the application's
	 * password is used.
	 */
	private @Nullable String password;

	/**
	 * JDBC URL of an empty database that 'revision --autogenerate' and 'check --drift' use as
	 * their shadow database, emptied after each use. If not set, a temporary database is created
	 * on the server of the migration connection and dropped afterwards.
	 */
	private String shadowUrl;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public Phase getPhase() {
		return this.phase;
	}

	public void setPhase(Phase phase) {
		this.phase = phase;
	}

	public List<String> getLocations() {
		return this.locations;
	}

	public void setLocations(List<String> locations) {
		this.locations = checkedLocations(locations, SpringBootVocabulary.LOCATIONS);
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = checkedTarget(target, SpringBootVocabulary.TARGET);
	}

	public @Nullable String getSchema() {
		return this.schema;
	}

	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	public String getVersionTable() {
		return this.versionTable;
	}

	public void setVersionTable(String versionTable) {
		this.versionTable = requireText(versionTable, SpringBootVocabulary.VERSION_TABLE, "such as migrate_version");
	}

	public String getHistoryTable() {
		return this.historyTable;
	}

	public void setHistoryTable(String historyTable) {
		this.historyTable = requireText(historyTable, SpringBootVocabulary.HISTORY_TABLE, "such as migrate_history");
	}

	public Lock getLock() {
		return this.lock;
	}

	public Ddl getDdl() {
		return this.ddl;
	}

	public Duration getNetworkTimeout() {
		return this.networkTimeout;
	}

	public void setNetworkTimeout(Duration networkTimeout) {
		this.networkTimeout = requireNotNegative(networkTimeout, SpringBootVocabulary.NETWORK_TIMEOUT);
	}

	public Endpoint getEndpoint() {
		return this.endpoint;
	}

	public int getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(int connectRetries) {
		if (connectRetries < 0) {
			throw new IllegalArgumentException(
					SpringBootVocabulary.CONNECT_RETRIES + " must be 0 (no retries) or more, but was " + connectRetries);
		}
		this.connectRetries = connectRetries;
	}

	public Duration getConnectRetryInterval() {
		return this.connectRetryInterval;
	}

	public void setConnectRetryInterval(Duration connectRetryInterval) {
		this.connectRetryInterval = requireNotNegative(connectRetryInterval, SpringBootVocabulary.CONNECT_RETRY_INTERVAL);
	}

	public Map<String, Instance> getInstances() {
		return this.instances;
	}

	public boolean isValidateChecksums() {
		return this.validateChecksums;
	}

	public void setValidateChecksums(boolean validateChecksums) {
		this.validateChecksums = validateChecksums;
	}

	public boolean isAllowUnknownRevisions() {
		return this.allowUnknownRevisions;
	}

	public void setAllowUnknownRevisions(boolean allowUnknownRevisions) {
		this.allowUnknownRevisions = allowUnknownRevisions;
	}

	public boolean isExitAfterMigrate() {
		return this.exitAfterMigrate;
	}

	public void setExitAfterMigrate(boolean exitAfterMigrate) {
		this.exitAfterMigrate = exitAfterMigrate;
	}

	public @Nullable String getCommand() {
		return this.command;
	}

	public void setCommand(@Nullable String command) {
		this.command = command;
	}

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public String getShadowUrl() {
		return this.shadowUrl;
	}

	public void setShadowUrl(String shadowUrl) {
		this.shadowUrl = shadowUrl;
	}

	/** Whether a separate migration connection is configured. */
	boolean hasSeparateConnection() {
		return hasText(this.url) || hasText(this.username);
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static List<String> checkedLocations(List<String> locations, String property) {
		if (locations == null || locations.isEmpty() || locations.stream().anyMatch((l) -> l == null || l.isBlank())) {
			throw new IllegalArgumentException(property + " must list at least one non-empty location, such as "
					+ "classpath:db/revisions, but was " + locations);
		}
		for (String location : locations) {
			String prefix = location.strip().replaceFirst("^([A-Za-z][A-Za-z0-9]+):.*$", "$1");
			if (!prefix.equals(location.strip()) && !prefix.equals("classpath") && !prefix.equals("filesystem")) {
				throw new IllegalArgumentException(property + ": '" + location + "' starts with " + prefix
						+ ": but a location starts with classpath: or filesystem:, such as classpath:db/revisions");
			}
		}
		return locations;
	}

	private static String checkedTarget(String target, String property) {
		requireText(target, property, "such as heads, head or a revision id");
		try {
			Target.parse(target);
		}
		catch (MigrateException ex) {
			throw new IllegalArgumentException(property + ": " + ex.description() + ". " + ex.action(), ex);
		}
		return target.strip();
	}

	private static String requireText(String value, String property, String example) {
		if (!hasText(value)) {
			throw new IllegalArgumentException(property + " must not be empty; set it " + example);
		}
		return value;
	}

	private static Duration requireNotNegative(Duration value, String property) {
		if (value == null || value.isNegative()) {
			throw new IllegalArgumentException(
					property + " must be zero or more, such as 5s or 10m, but was " + value);
		}
		return value;
	}

	/** Migration lock settings. */
	public static class Lock {

		/**
		 * Maximum time to wait for the migration lock while another instance holds it. If a
		 * duration suffix is not specified, seconds will be used.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration timeout = MigrateSettings.DEFAULT_LOCK_TIMEOUT;

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = requireNotNegative(timeout, SpringBootVocabulary.LOCK_TIMEOUT);
		}

	}

	/** DDL safety settings. */
	public static class Ddl {

		/**
		 * Lock timeout of each transactional revision, so that DDL never queues traffic behind
		 * it for long. If a duration suffix is not specified, seconds will be used.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration lockTimeout = MigrateSettings.DEFAULT_DDL_LOCK_TIMEOUT;

		/**
		 * Maximum number of retries of a revision that hit the lock timeout.
		 */
		private int lockRetries = MigrateSettings.DEFAULT_DDL_LOCK_RETRIES;

		public Duration getLockTimeout() {
			return this.lockTimeout;
		}

		public void setLockTimeout(Duration lockTimeout) {
			this.lockTimeout = requireNotNegative(lockTimeout, SpringBootVocabulary.DDL_LOCK_TIMEOUT);
		}

		public int getLockRetries() {
			return this.lockRetries;
		}

		public void setLockRetries(int lockRetries) {
			if (lockRetries < 0) {
				throw new IllegalArgumentException(
						SpringBootVocabulary.DDL_LOCK_RETRIES + " must be 0 (no retries) or more, but was " + lockRetries);
			}
			this.lockRetries = lockRetries;
		}

	}

	/** Settings of the {@code migrations} actuator endpoint. */
	public static class Endpoint {

		/**
		 * Maximum time the endpoint and the health indicator wait for the database before
		 * answering that the state is unknown. If a duration suffix is not specified, seconds
		 * will be used.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Role an authenticated principal needs to call the write operations (upgrade, downgrade,
		 * stamp) when they are enabled.
		 */
		private String writeRole = "MIGRATE_ADMIN";

		/**
		 * Whether to let anyone who reaches the endpoint call its write operations, without
		 * authentication. Unsafe: only for endpoints no one else can reach.
		 */
		private boolean unsafeAllowAnonymousWrites;

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			if (timeout == null || timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException(
						SpringBootVocabulary.ENDPOINT_TIMEOUT + " must be more than zero, such as 5s, but was " + timeout);
			}
			this.timeout = timeout;
		}

		public String getWriteRole() {
			return this.writeRole;
		}

		public void setWriteRole(String writeRole) {
			this.writeRole = requireText(writeRole, SpringBootVocabulary.ENDPOINT_WRITE_ROLE, "such as MIGRATE_ADMIN").strip();
		}

		public boolean isUnsafeAllowAnonymousWrites() {
			return this.unsafeAllowAnonymousWrites;
		}

		public void setUnsafeAllowAnonymousWrites(boolean unsafeAllowAnonymousWrites) {
			this.unsafeAllowAnonymousWrites = unsafeAllowAnonymousWrites;
		}

	}

	/**
	 * A further database migrated beside the default one ({@code migrate.instances.<name>.*}).
	 * The mode, phase, lock and DDL settings are those of the default instance.
	 */
	public static class Instance {

		/** How messages name an instance's property (the map key is not known when a value binds). */
		private static final String INSTANCE_PROPERTY = SpringBootVocabulary.INSTANCES + ".<name>.";

		/**
		 * Comma-separated list of revision locations of this instance, each classpath: or
		 * filesystem: followed by a directory. Required.
		 */
		private List<String> locations = List.of();

		/**
		 * Revision the startup action brings this instance's database to.
		 */
		private String target = "heads";

		/**
		 * Schema of this instance's version and history tables. If not set, the connection's
		 * current schema is used.
		 */
		private @Nullable String schema;

		/**
		 * Name of this instance's version table.
		 */
		private String versionTable = "migrate_version";

		/**
		 * Name of this instance's history table.
		 */
		private String historyTable = "migrate_history";

		/**
		 * Name of the DataSource bean this instance migrates. Either this or url is required.
		 */
		private @Nullable String dataSource;

		/**
		 * JDBC URL of this instance's database, used through a non-pooled connection when no
		 * data-source is named.
		 */
		private @Nullable String url;

		/**
		 * Login user of the connection of this instance.
		 */
		private @Nullable String username;

		/**
		 * Login password of the connection of this instance.
		 */
		private @Nullable String password;

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = checkedLocations(locations, INSTANCE_PROPERTY + "locations");
		}

		public String getTarget() {
			return this.target;
		}

		public void setTarget(String target) {
			this.target = checkedTarget(target, INSTANCE_PROPERTY + "target");
		}

		public @Nullable String getSchema() {
			return this.schema;
		}

		public void setSchema(@Nullable String schema) {
			this.schema = schema;
		}

		public String getVersionTable() {
			return this.versionTable;
		}

		public void setVersionTable(String versionTable) {
			this.versionTable = requireText(versionTable, INSTANCE_PROPERTY + "version-table", "such as migrate_version");
		}

		public String getHistoryTable() {
			return this.historyTable;
		}

		public void setHistoryTable(String historyTable) {
			this.historyTable = requireText(historyTable, INSTANCE_PROPERTY + "history-table", "such as migrate_history");
		}

		public @Nullable String getDataSource() {
			return this.dataSource;
		}

		public void setDataSource(@Nullable String dataSource) {
			this.dataSource = dataSource;
		}

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

	/** What the application does with the database at startup. */
	public enum Mode {

		/** Apply the pending revisions up to the target. */
		UPGRADE,

		/** Fail when revisions are pending or applied revisions were edited; never write. */
		VALIDATE,

		/** Never migrate; stay not ready until another instance brings the database to the target. */
		AWAIT,

		/** Do nothing at startup. */
		OFF

	}

	/** When the startup action runs. */
	public enum Phase {

		/** In an application runner ordered first, with traffic refused until it ends. */
		RUNNER,

		/** During context refresh, before the beans that use the database are created. */
		EAGER

	}

}
