package dev.migrate.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * {@link DatabaseInitializerDetector} for {@link MigrateInitializer}, so that beans depending
 * on database initialization wait for the eager migration.
 */
final class MigrateInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrateInitializer.class);
	}

}
