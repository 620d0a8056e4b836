package dev.migrate.autoconfigure;

import dev.migrate.Migrator;

/**
 * What runs at startup instead of the action of {@code migrate.mode}, for applications that
 * decide it themselves (validate in one profile and upgrade in another, run a command first...).
 * A bean of this type runs in the configured {@code migrate.phase} with the auto-configured
 * {@link Migrator}, so the endpoint, health indicator, metrics and traffic gate follow it as
 * they follow the built-in actions: traffic is refused until it returns, and an exception
 * stops the application. It does not run with {@code migrate.mode=off} or in command mode.
 * <p>
 * A strategy belongs to the default instance ({@code migrate.*}); with
 * {@link ForMigrateInstance @ForMigrateInstance} it runs for the named instances of
 * {@code migrate.instances} instead, once per instance with that instance's migrator. An
 * instance has at most one strategy.
 */
@FunctionalInterface
public interface MigrationStrategy {

	/**
	 * Run the startup migration.
	 * @param migrator the auto-configured migrator of the instance
	 */
	void migrate(Migrator migrator);

}
