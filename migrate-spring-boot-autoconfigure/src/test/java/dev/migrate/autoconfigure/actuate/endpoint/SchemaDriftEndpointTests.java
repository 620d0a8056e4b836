package dev.migrate.autoconfigure.actuate.endpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrate.Migrator;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.MigrateEndpointAutoConfiguration;
import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpoint.MigrationsDescriptor;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint's schema drift check on a real PostgreSQL: none at startup, one on demand
 * ({@code ?drift=true}), and the status {@code DRIFT} while the last one found differences.
 */
class SchemaDriftEndpointTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class,
				EndpointAutoConfiguration.class, MigrateEndpointAutoConfiguration.class))
		.withPropertyValues("migrate.locations=classpath:revisions/basic", "spring.datasource.url=" + db.url(),
				"spring.datasource.username=" + db.user(), "spring.datasource.password=" + db.password(),
				"management.endpoints.web.exposure.include=migrations");

	@Test
	void driftIsCheckedOnDemandAndReflectedInTheStatus() {
		this.contextRunner.run((context) -> {
			context.getBean(Migrator.class).upgrade("heads");
			MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
			MigrationsDescriptor before = endpoint.migrations(null);
			assertThat(before.status()).isEqualTo("UP_TO_DATE");
			assertThat(before.schemaDrift()).as("no drift check at startup").isNull();

			MigrationsDescriptor clean = endpoint.migrations(true);
			assertThat(clean.status()).isEqualTo("UP_TO_DATE");
			assertThat(clean.schemaDrift().differences()).isEmpty();
			assertThat(clean.schemaDrift().error()).isNull();

			db.execute("ALTER TABLE account ADD COLUMN nickname text");
			assertThat(endpoint.migrations(null).status()).as("the last check found nothing").isEqualTo("UP_TO_DATE");
			MigrationsDescriptor drifted = endpoint.migrations(true);
			assertThat(drifted.status()).isEqualTo("DRIFT");
			assertThat(drifted.schemaDrift().differences()).containsExactly(
					"table \"account\": column \"nickname\" exists in the database but no revision creates it");
			assertThat(endpoint.migrations(null).status()).isEqualTo("DRIFT");
		});
	}

}
