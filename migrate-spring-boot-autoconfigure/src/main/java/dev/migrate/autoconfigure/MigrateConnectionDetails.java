package dev.migrate.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Details of a separate connection for migrations. By default they come from
 * {@code migrate.url}, {@code migrate.username} and {@code migrate.password}; a bean of this
 * type (for example from Testcontainers' {@code @ServiceConnection} or Spring Boot's Docker
 * Compose support) replaces them. When every value is {@code null}, migrations run on the
 * application's {@link javax.sql.DataSource}.
 */
public interface MigrateConnectionDetails extends ConnectionDetails {

	/**
	 * JDBC URL of the migration connection, or {@code null} to use the application's
	 * data source (with {@link #getUsername()} when that is set).
	 * @return the JDBC URL or {@code null}
	 */
	@Nullable String getJdbcUrl();

	/**
	 * Login user of the migration connection, or {@code null}.
	 * @return the user or {@code null}
	 */
	@Nullable String getUsername();

	/**
	 * Login password of the migration connection, or {@code null}.
	 * @return the password or {@code null}
	 */
	@Nullable String getPassword();

	/**
	 * Class name of the JDBC driver; by default the one of the JDBC URL's database.
	 * @return the driver class name or {@code null}
	 */
	default @Nullable String getDriverClassName() {
		String url = getJdbcUrl();
		return (url != null) ? DatabaseDriver.fromJdbcUrl(url).getDriverClassName() : null;
	}

}
