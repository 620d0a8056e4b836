package dev.migrate.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the startup action during context refresh ({@code migrate.phase=eager}). Detected as a
 * database initializer, so beans that depend on database initialization (JdbcTemplate, JPA,
 * jOOQ...) are created after it.
 */
public final class MigrateInitializer implements InitializingBean {

	private final List<StartupMigration> startups;

	MigrateInitializer(List<StartupMigration> startups) {
		this.startups = List.copyOf(startups);
	}

	@Override
	public void afterPropertiesSet() {
		this.startups.forEach(StartupMigration::run);
	}

}
