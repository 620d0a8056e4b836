package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.Redaction;
import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.shadow.JdbcUrls;
import dev.migrate.shadow.ShadowDatabase;

/**
 * The shadow database of {@code revision --autogenerate} and {@code check --drift} in the
 * application (command mode, and the endpoint's drift check): {@code migrate.shadow-url}, else a temporary database created on the server of the
 * migration connection and dropped afterwards. Both are reached with the migration connection's
 * user and password (a {@code migrate.shadow-url} may name others as URL parameters).
 */
public final class ApplicationShadow implements Supplier<ShadowDatabase> {

	private final String shadowUrl;

	private final Migrator migrator;

	/**
	 * Create the shadow source.
	 * @param shadowUrl {@code migrate.shadow-url}, or {@code null} for a temporary database
	 * @param migrator the migrator of the database the shadow stands beside
	 */
	public ApplicationShadow(String shadowUrl, Migrator migrator) {
		this.shadowUrl = shadowUrl;
		this.migrator = migrator;
	}

	@Override
	public ShadowDatabase get() {
		Vocabulary vocabulary = this.migrator.settings().vocabulary();
		DataSource target = this.migrator.dataSource();
		if (this.shadowUrl != null && !this.shadowUrl.isBlank()) {
			return ShadowDatabase.provided(derived(target, this.shadowUrl, vocabulary),
					Redaction.redact(this.shadowUrl), target, vocabulary);
		}
		String url = urlOf(target, vocabulary);
		return ShadowDatabase.temporary(target,
				(database) -> derived(target, JdbcUrls.withDatabase(url, database), vocabulary), vocabulary);
	}

	private static String urlOf(DataSource target, Vocabulary vocabulary) {
		try (Connection connection = target.getConnection()) {
			return connection.getMetaData().getURL();
		}
		catch (SQLException ex) {
			throw new MigrateException(ErrorCode.DATABASE, "Cannot connect to the database: " + ex.getMessage(),
					"Check " + vocabulary.setting(Setting.CONNECTION), ex);
		}
	}

	/** A data source with the migration connection's user and password and another URL. */
	private static DataSource derived(DataSource target, String url, Vocabulary vocabulary) {
		try {
			return DataSourceBuilder.derivedFrom(target).type(SimpleDriverDataSource.class).url(url).build();
		}
		catch (RuntimeException ex) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					"Cannot connect to a shadow database with the user and password of the migration DataSource ("
							+ target.getClass().getName() + "): " + ex.getMessage(),
					"Set " + vocabulary.setting(Setting.SHADOW_URL) + " with the user and password as URL parameters "
							+ "(jdbc:postgresql://host:5432/shadow?user=...&password=...)",
					ex);
		}
	}

}
