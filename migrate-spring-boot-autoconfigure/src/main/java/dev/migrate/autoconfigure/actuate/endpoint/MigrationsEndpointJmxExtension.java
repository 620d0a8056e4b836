package dev.migrate.autoconfigure.actuate.endpoint;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.jmx.annotation.EndpointJmxExtension;

import dev.migrate.autoconfigure.actuate.endpoint.MigrationsEndpoint.MigrationsDescriptor;

/**
 * {@link EndpointJmxExtension @EndpointJmxExtension} of the {@link MigrationsEndpoint}: beside its
 * operations, an {@code instance} operation that shows one instance of {@code migrate.instances}
 * by name, which HTTP serves at {@code /actuator/migrations/{instance}} (over JMX the operations
 * have names, so the instance does not share the {@code revision} operation).
 */
@EndpointJmxExtension(endpoint = MigrationsEndpoint.class)
public class MigrationsEndpointJmxExtension {

	private final MigrationsEndpoint delegate;

	/**
	 * Create the extension.
	 * @param delegate the endpoint
	 */
	public MigrationsEndpointJmxExtension(MigrationsEndpoint delegate) {
		this.delegate = delegate;
	}

	/**
	 * The state of an instance of {@code migrate.instances}.
	 * @param instance the instance's name
	 * @return the state, or {@code null} when there is no such instance
	 */
	@ReadOperation
	public @Nullable MigrationsDescriptor instance(@Selector String instance) {
		return this.delegate.instance(instance);
	}

}
