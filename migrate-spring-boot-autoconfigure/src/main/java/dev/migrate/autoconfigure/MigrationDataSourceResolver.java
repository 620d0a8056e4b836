package dev.migrate.autoconfigure;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;

/**
 * Chooses the data source migrations run on: the {@link MigrateDataSource @MigrateDataSource}
 * bean; else a separate non-pooled connection from the {@link MigrateConnectionDetails} (its
 * URL, or the application's data source logged in as its user); else the application's data
 * source.
 */
final class MigrationDataSourceResolver {

	private MigrationDataSourceResolver() {
	}

	/**
	 * The data source migrations run on.
	 * @param qualified the {@code @MigrateDataSource} bean, or {@code null}
	 * @param application the application's data source, or {@code null}
	 * @param details the migration connection details
	 * @param classLoader the class loader for the JDBC driver
	 * @return the data source
	 * @throws MigrateException with {@link ErrorCode#CONFIGURATION} when there is none
	 */
	static DataSource resolve(@Nullable DataSource qualified, @Nullable DataSource application,
			MigrateConnectionDetails details, ClassLoader classLoader) {
		if (qualified != null) {
			return qualified;
		}
		String url = details.getJdbcUrl();
		if (url != null) {
			DataSourceBuilder<?> builder = DataSourceBuilder.create(classLoader)
				.type(SimpleDriverDataSource.class)
				.url(url);
			return login(builder, details).build();
		}
		String username = details.getUsername();
		if (username != null) {
			if (application == null) {
				throw new MigrateException(ErrorCode.CONFIGURATION,
						SpringBootVocabulary.USERNAME + " is set but there is no JDBC URL for the migration connection",
						"Set " + SpringBootVocabulary.URL + " (or spring.datasource.url)");
			}
			return login(DataSourceBuilder.derivedFrom(application).type(SimpleDriverDataSource.class), details)
				.build();
		}
		if (application == null) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					"migrate has no DataSource: there is no single DataSource bean, no @MigrateDataSource bean "
							+ "and " + SpringBootVocabulary.URL + " is not set",
					"Define one DataSource (spring.datasource.url), mark one with @MigrateDataSource, "
							+ "or set " + SpringBootVocabulary.URL);
		}
		return application;
	}

	private static DataSourceBuilder<?> login(DataSourceBuilder<?> builder, MigrateConnectionDetails details) {
		builder.username(details.getUsername()).password(details.getPassword());
		String driver = details.getDriverClassName();
		if (driver != null && !driver.isBlank()) {
			builder.driverClassName(driver);
		}
		return builder;
	}

}
