package dev.migrate.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.PropertiesEndpointAccessResolver;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpoint;
import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpointJmxExtension;
import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpointWebExtension;
import dev.migrate.autoconfigure.actuate.endpoint.WriteAccess;
import dev.migrate.autoconfigure.actuate.endpoint.WriteOperationsGuard;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the {@link MigrationsEndpoint}
 * ({@code /actuator/migrations}) and its web and JMX extensions. When the endpoint's write operations
 * are enabled ({@code management.endpoint.migrations.access=unrestricted}), they need an
 * authenticated principal with {@code migrate.endpoint.write-role}, and startup fails without
 * Spring Security unless {@code migrate.endpoint.unsafe-allow-anonymous-writes} is set.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(MigrationStateReader.class)
public final class MigrateEndpointAutoConfiguration {

	private static final EndpointId MIGRATIONS = EndpointId.of("migrations");

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
	MigrationsEndpoint migrationsEndpoint(MigrationStateReader reader, MigrationTracker tracker,
			MigrateProperties properties, ObjectProvider<EndpointAccessResolver> accessResolver, Environment environment,
			ResourceLoader resourceLoader, ObjectProvider<MigrateInstances> instances) {
		WriteAccess writeAccess = new WriteAccess(properties.getEndpoint().getWriteRole(),
				properties.getEndpoint().isUnsafeAllowAnonymousWrites());
		Access access = accessResolver.getIfAvailable(() -> new PropertiesEndpointAccessResolver(environment))
			.accessFor(MIGRATIONS, Access.READ_ONLY);
		WriteOperationsGuard.check(access, writeAccess, resourceLoader.getClassLoader());
		MigrateInstances further = instances.getIfAvailable();
		return new MigrationsEndpoint(reader, tracker, writeAccess,
				new SchemaDriftTracker(reader.migrator(), properties.getShadowUrl()),
				(further != null) ? further.all() : List.of());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(endpoint = MigrationsEndpoint.class, exposure = EndpointExposure.WEB)
	MigrationsEndpointWebExtension migrationsEndpointWebExtension(MigrationsEndpoint endpoint) {
		return new MigrationsEndpointWebExtension(endpoint);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint(endpoint = MigrationsEndpoint.class, exposure = EndpointExposure.JMX)
	MigrationsEndpointJmxExtension migrationsEndpointJmxExtension(MigrationsEndpoint endpoint) {
		return new MigrationsEndpointJmxExtension(endpoint);
	}

}
