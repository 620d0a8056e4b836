package dev.migrate.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * {@link MigrateConnectionDetails} of {@code migrate.url}, {@code migrate.username} and
 * {@code migrate.password}. When either the URL or the user is set, the parts left out are
 * taken from the application's connection ({@code spring.datasource.*}); when neither is set,
 * every value is {@code null} and migrations run on the application's data source.
 */
final class PropertiesMigrateConnectionDetails implements MigrateConnectionDetails {

	private final MigrateProperties properties;

	private final @Nullable JdbcConnectionDetails application;

	PropertiesMigrateConnectionDetails(MigrateProperties properties, @Nullable JdbcConnectionDetails application) {
		this.properties = properties;
		this.application = application;
	}

	@Override
	public @Nullable String getJdbcUrl() {
		return separate(this.properties.getUrl(), (this.application != null) ? this.application.getJdbcUrl() : null);
	}

	@Override
	public @Nullable String getUsername() {
		return separate(this.properties.getUsername(),
				(this.application != null) ? this.application.getUsername() : null);
	}

	@Override
	public @Nullable String getPassword() {
		return separate(this.properties.getPassword(),
				(this.application != null) ? this.application.getPassword() : null);
	}

	private @Nullable String separate(@Nullable String value, @Nullable String fallback) {
		if (!this.properties.hasSeparateConnection()) {
			return null;
		}
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
