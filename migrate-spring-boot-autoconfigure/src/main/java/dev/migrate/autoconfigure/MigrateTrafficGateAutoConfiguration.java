package dev.migrate.autoconfigure;

import jakarta.servlet.Filter;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.WebFilter;

import dev.migrate.autoconfigure.web.MigrationGateFilter;
import dev.migrate.autoconfigure.web.ReactiveMigrationGateFilter;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the traffic gate: until the startup
 * migration has finished, application requests get {@code 503} with {@code Retry-After}
 * (servlet filter, or WebFlux filter in a reactive application).
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnBean(MigrationTracker.class)
public final class MigrateTrafficGateAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ Filter.class, OncePerRequestFilter.class, FilterRegistrationBean.class })
	static class ServletGateConfiguration {

		@Bean
		FilterRegistrationBean<MigrationGateFilter> migrateTrafficGateFilter(MigrationTracker tracker,
				Environment environment) {
			FilterRegistrationBean<MigrationGateFilter> registration = new FilterRegistrationBean<>(
					new MigrationGateFilter(tracker, environment));
			registration.setName("migrateTrafficGateFilter");
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(WebFilter.class)
	static class ReactiveGateConfiguration {

		@Bean
		ReactiveMigrationGateFilter migrateReactiveTrafficGateFilter(MigrationTracker tracker,
				Environment environment) {
			return new ReactiveMigrationGateFilter(tracker, environment);
		}

	}

}
