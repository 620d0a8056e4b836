package dev.migrate.autoconfigure;

import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the startup action during context refresh ({@code migrate.phase=eager}). Detected as a
 * database initializer, so beans that depend on database initialization (JdbcTemplate, JPA,
 * jOOQ...) are created after it.
 */
public final class MigrateInitializer implements InitializingBean {

	private final StartupMigration startup;

	MigrateInitializer(StartupMigration startup) {
		this.startup = startup;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.startup != null) {
			this.startup.run();
		}
	}

}
