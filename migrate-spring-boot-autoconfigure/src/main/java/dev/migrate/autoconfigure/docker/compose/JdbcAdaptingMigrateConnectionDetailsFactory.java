package dev.migrate.autoconfigure.docker.compose;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import dev.migrate.autoconfigure.MigrateConnectionDetails;

/**
 * {@link ConnectionDetailsFactory} that gives migrate the JDBC connection of a service
 * connection (such as a PostgreSQL service of Spring Boot's Docker Compose support), as
 * {@link MigrateConnectionDetails}.
 */
class JdbcAdaptingMigrateConnectionDetailsFactory
		implements ConnectionDetailsFactory<JdbcConnectionDetails, MigrateConnectionDetails> {

	@Override
	public MigrateConnectionDetails getConnectionDetails(JdbcConnectionDetails input) {
		return new MigrateConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return input.getJdbcUrl();
			}

			@Override
			public @Nullable String getUsername() {
				return input.getUsername();
			}

			@Override
			public @Nullable String getPassword() {
				return input.getPassword();
			}

			@Override
			public String getDriverClassName() {
				return input.getDriverClassName();
			}

		};
	}

}
