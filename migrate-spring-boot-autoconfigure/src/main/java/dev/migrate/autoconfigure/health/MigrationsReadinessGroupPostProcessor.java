package dev.migrate.autoconfigure.health;

import java.util.List;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;

/**
 * {@link HealthEndpointGroupsPostProcessor} that adds the {@code migrations} indicator to the
 * {@code readiness} group (and {@code migrationInstances}, the indicators of
 * {@code migrate.instances}), so a replica is not ready while a schema is behind.
 */
public final class MigrationsReadinessGroupPostProcessor implements HealthEndpointGroupsPostProcessor {

	static final String READINESS = "readiness";

	static final String MEMBER = "migrations";

	static final String INSTANCES_MEMBER = "migrationInstances";

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		return new Groups(groups);
	}

	/**
	 * Boot's groups are also the {@link AdditionalPathsMapper} of the health endpoint (the
	 * {@code /livez}, {@code /readyz} paths of {@code probes.add-additional-paths}); the wrapper
	 * stays one, or those paths vanish and a bean typed as the mapper fails to cast.
	 */
	private static final class Groups implements HealthEndpointGroups, AdditionalPathsMapper {

		private final HealthEndpointGroups delegate;

		Groups(HealthEndpointGroups delegate) {
			this.delegate = delegate;
		}

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.delegate.getPrimary();
		}

		@Override
		public Set<String> getNames() {
			return this.delegate.getNames();
		}

		@Override
		public HealthEndpointGroup get(String name) {
			HealthEndpointGroup group = this.delegate.get(name);
			return (group != null && READINESS.equals(name)) ? new ReadinessGroup(group) : group;
		}

		@Override
		public List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
			return (this.delegate instanceof AdditionalPathsMapper mapper)
					? mapper.getAdditionalPaths(endpointId, webServerNamespace) : null;
		}

	}

	private static final class ReadinessGroup implements HealthEndpointGroup {

		private final HealthEndpointGroup delegate;

		ReadinessGroup(HealthEndpointGroup delegate) {
			this.delegate = delegate;
		}

		@Override
		public boolean isMember(String name) {
			return MEMBER.equals(name) || INSTANCES_MEMBER.equals(name) || this.delegate.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.delegate.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.delegate.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.delegate.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.delegate.getHttpCodeStatusMapper();
		}

		@Override
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return this.delegate.getAdditionalPath();
		}

	}

}
