package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import dev.migrate.ErrorCode;
import dev.migrate.JavaRevision;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.revision.LoadedRevisions;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionLoader;

/**
 * Turns {@link MigrateProperties} into {@link MigrateSettings} (the one place that maps them),
 * applies the {@link MigrateSettingsCustomizer customizers}, and creates {@link Migrator Migrators} whose errors
 * name the {@code migrate.*} property at fault ({@link SpringBootVocabulary}). The revisions are read once (on a background
 * thread during startup when a {@link RevisionPreload} is available) and shared.
 */
final class MigratorFactory {

	private final MigrateProperties properties;

	private final MigrateSettings settings;

	private final RevisionPreload preload;

	private LoadedRevisions revisions;

	private final Map<Migrator, DataSource> created = Collections.synchronizedMap(new WeakHashMap<>());

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
		return of(properties, javaRevisions, List.of(), classLoader, preload);
	}

	/**
	 * Validate the properties, map them to settings and apply the customizers.
	 * @param properties the bound properties
	 * @param javaRevisions the Java revision beans, in order
	 * @param customizers the settings customizers, in order
	 * @param classLoader the class loader for {@code classpath:} locations
	 * @param preload the SQL revisions read while the application started, or {@code null}
	 * @return the factory
	 * @throws MigrateException with {@link ErrorCode#CONFIGURATION} naming the property
	 */
	static MigratorFactory of(MigrateProperties properties, List<JavaRevision> javaRevisions,
			List<MigrateSettingsCustomizer> customizers, ClassLoader classLoader, RevisionPreload preload) {
		return of(properties, SpringBootVocabulary.INSTANCE, javaRevisions, customizers, classLoader, preload);
	}

	/**
	 * Validate the properties of an instance, map them to settings and apply the customizers.
	 * @param properties the instance's properties
	 * @param vocabulary how the instance's messages name its properties
	 * ({@link SpringBootVocabulary#instance(String)})
	 * @param javaRevisions the instance's Java revision beans, in order
	 * @param customizers the instance's settings customizers, in order
	 * @param classLoader the class loader for {@code classpath:} locations
	 * @param preload the SQL revisions read while the application started, or {@code null}
	 * @return the factory
	 * @throws MigrateException with {@link ErrorCode#CONFIGURATION} naming the property
	 */
	static MigratorFactory of(MigrateProperties properties, Vocabulary vocabulary, List<JavaRevision> javaRevisions,
			List<MigrateSettingsCustomizer> customizers, ClassLoader classLoader, RevisionPreload preload) {
		MigrateSettings.Builder builder = MigrateSettings.builder()
			.vocabulary(vocabulary)
			.locations(properties.getLocations())
			.classLoader(classLoader)
			.javaRevisions(javaRevisions)
			.schema(emptyToNull(properties.getSchema()))
			.versionTable(properties.getVersionTable())
			.historyTable(properties.getHistoryTable())
			.lockTimeout(properties.getLock().getTimeout())
			.ddlLockTimeout(properties.getDdl().getLockTimeout())
			.ddlLockRetries(properties.getDdl().getLockRetries())
			.networkTimeout(properties.getNetworkTimeout())
			.validateChecksums(properties.isValidateChecksums())
			.allowUnknownRevisions(properties.isAllowUnknownRevisions())
			.connectRetries(properties.getConnectRetries())
			.connectRetryInterval(properties.getConnectRetryInterval());
		customizers.forEach((customizer) -> customizer.customize(builder));
		MigrateSettings settings = builder.build();
		boolean usable = preload != null && preload.matches(settings.locations(), classLoader);
		return new MigratorFactory(properties, settings, usable ? preload : null);
	}

	MigrateSettings settings() {
		return this.settings;
	}

	/**
	 * Create a migrator. The revisions are loaded on first use (or taken from the preload) and
	 * shared by every migrator of this factory.
	 * @param dataSource the data source
	 * @param listener the listener
	 * @return the migrator
	 * @throws MigrateException when the revisions cannot be loaded, naming
	 * {@code migrate.locations} (or the instance's) when a location is at fault
	 */
	Migrator create(DataSource dataSource, MigrationListener listener) {
		Migrator migrator = Migrator.create(dataSource, this.settings, listener, revisions());
		this.created.put(migrator, dataSource);
		return migrator;
	}

	/**
	 * Whether a migrator was created by this factory, so it reports to the tracker.
	 * @param migrator the migrator
	 * @return whether this factory created it
	 */
	boolean created(Migrator migrator) {
		return this.created.containsKey(migrator);
	}

	/**
	 * Whether a migrator of this factory runs on a data source.
	 * @param migrator the migrator
	 * @param dataSource the data source
	 * @return whether the factory created the migrator on that data source
	 */
	boolean runsOn(Migrator migrator, DataSource dataSource) {
		return this.created.get(migrator) == dataSource;
	}

	/** Whether the revisions came from the preload. */
	boolean usesPreload() {
		return this.preload != null;
	}

	private synchronized LoadedRevisions revisions() {
		if (this.revisions == null) {
			try {
				this.revisions = load();
			}
			catch (MigrateException ex) {
				if (ex.code() == ErrorCode.LOCATION) {
					throw new MigrateException(ErrorCode.LOCATION, ex.description() + " (" + this.settings.vocabulary().setting(Setting.LOCATIONS) + " = "
							+ String.join(",", this.settings.locations()) + ")", ex.action(), ex);
				}
				throw ex;
			}
		}
		return this.revisions;
	}

	private LoadedRevisions load() {
		if (this.preload == null) {
			return RevisionLoader.loadAll(this.settings.locations(), this.settings.classLoader(),
					this.settings.javaRevisions(), this.settings.vocabulary());
		}
		LoadedRevisions preloaded = this.preload.revisions();
		if (this.settings.javaRevisions().isEmpty()) {
			return preloaded;
		}
		List<Revision> all = new ArrayList<>(preloaded.revisions());
		all.addAll(RevisionLoader.load(List.of(), this.settings.classLoader(), this.settings.javaRevisions(),
				this.settings.vocabulary()));
		return LoadedRevisions.of(all);
	}

	private static String emptyToNull(String value) {
		return (value != null && !value.isBlank()) ? value : null;
	}

}
