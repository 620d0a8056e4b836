package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migrate.ErrorCode;
import dev.migrate.JavaRevision;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionLoader;

/**
 * Turns {@link MigrateProperties} into {@link MigrateSettings} (the one place that maps them),
 * builds the separate migration connection, and creates {@link Migrator Migrators} whose errors
 * name the {@code migrate.*} property at fault ({@link SpringBootVocabulary}). The revisions are read once (on a background
 * thread during startup when a {@link RevisionPreload} is available) and shared.
 */
final class MigratorFactory {

	private final MigrateProperties properties;

	private final MigrateSettings settings;

	private final RevisionPreload preload;

	private List<Revision> revisions;

	private MigratorFactory(MigrateProperties properties, MigrateSettings settings, RevisionPreload preload) {
		this.properties = properties;
		this.settings = settings;
		this.preload = preload;
	}

	/**
	 * Validate the properties and map them to settings.
	 * @param properties the bound properties
	 * @param javaRevisions the Java revision beans, in order
	 * @param classLoader the class loader for {@code classpath:} locations
	 * @param preload the SQL revisions read while the application started, or {@code null}
	 * @return the factory
	 * @throws MigrateException with {@link ErrorCode#CONFIGURATION} naming the property
	 */
	static MigratorFactory of(MigrateProperties properties, List<JavaRevision> javaRevisions,
			ClassLoader classLoader, RevisionPreload preload) {
		MigrateSettings settings = MigrateSettings.builder()
			.vocabulary(SpringBootVocabulary.INSTANCE)
			.locations(properties.getLocations())
			.classLoader(classLoader)
			.javaRevisions(javaRevisions)
			.schema(emptyToNull(properties.getSchema()))
			.versionTable(properties.getVersionTable())
			.historyTable(properties.getHistoryTable())
			.lockTimeout(properties.getLock().getTimeout())
			.ddlLockTimeout(properties.getDdl().getLockTimeout())
			.ddlLockRetries(properties.getDdl().getLockRetries())
			.validateChecksums(properties.isValidateChecksums())
			.allowUnknownRevisions(properties.isAllowUnknownRevisions())
			.build();
		boolean usable = preload != null && preload.matches(settings.locations(), classLoader);
		return new MigratorFactory(properties, settings, usable ? preload : null);
	}

	MigrateSettings settings() {
		return this.settings;
	}

	/**
	 * The data source migrations run on: a separate non-pooled one when {@code migrate.url} or
	 * {@code migrate.username} is set (missing parts taken from the application's connection
	 * details), else the application's.
	 * @param application the application's data source, or {@code null}
	 * @param details the application's connection details, or {@code null}
	 * @param classLoader the class loader for the JDBC driver
	 * @return the data source
	 */
	DataSource migrationDataSource(DataSource application, JdbcConnectionDetails details, ClassLoader classLoader) {
		if (!this.properties.hasSeparateConnection()) {
			if (application == null) {
				throw new MigrateException(ErrorCode.CONFIGURATION,
						"migrate has no DataSource: there is no single DataSource bean and " + SpringBootVocabulary.URL
								+ " is not set",
						"Define one DataSource (spring.datasource.url) or set " + SpringBootVocabulary.URL);
			}
			return application;
		}
		String url = orElse(this.properties.getUrl(), (details != null) ? details.getJdbcUrl() : null);
		if (url == null) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					SpringBootVocabulary.USERNAME + " is set but there is no JDBC URL for the migration connection",
					"Set " + SpringBootVocabulary.URL + " (or spring.datasource.url)");
		}
		String username = orElse(this.properties.getUsername(), (details != null) ? details.getUsername() : null);
		String password = orElse(this.properties.getPassword(), (details != null) ? details.getPassword() : null);
		return DataSourceBuilder.create(classLoader)
			.type(SimpleDriverDataSource.class)
			.url(url)
			.username(username)
			.password(password)
			.build();
	}

	/**
	 * Create a migrator. The revisions are loaded on first use (or taken from the preload) and
	 * shared by every migrator of this factory.
	 * @param dataSource the data source
	 * @param listener the listener
	 * @return the migrator
	 * @throws MigrateException when the revisions cannot be loaded, naming
	 * {@code migrate.locations} when a location is at fault
	 */
	Migrator create(DataSource dataSource, MigrationListener listener) {
		return Migrator.create(dataSource, this.settings, listener, revisions());
	}

	/** Whether the revisions came from the preload. */
	boolean usesPreload() {
		return this.preload != null;
	}

	private synchronized List<Revision> revisions() {
		if (this.revisions == null) {
			try {
				List<Revision> loaded = new ArrayList<>();
				if (this.preload != null) {
					loaded.addAll(this.preload.revisions());
					loaded.addAll(RevisionLoader.load(List.of(), this.settings.classLoader(),
							this.settings.javaRevisions(), this.settings.vocabulary()));
				}
				else {
					loaded.addAll(RevisionLoader.load(this.settings.locations(), this.settings.classLoader(),
							this.settings.javaRevisions(), this.settings.vocabulary()));
				}
				this.revisions = List.copyOf(loaded);
			}
			catch (MigrateException ex) {
				if (ex.code() == ErrorCode.LOCATION) {
					throw new MigrateException(ErrorCode.LOCATION, ex.description() + " (" + SpringBootVocabulary.LOCATIONS + " = "
							+ String.join(",", this.settings.locations()) + ")", ex.action(), ex);
				}
				throw ex;
			}
		}
		return this.revisions;
	}

	private static String orElse(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	private static String emptyToNull(String value) {
		return (value != null && !value.isBlank()) ? value : null;
	}

}
