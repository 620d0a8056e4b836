package dev.migrate.autoconfigure;

import dev.migrate.MigrateSettings;

/**
 * Callback to customize the {@link MigrateSettings} of the auto-configured
 * {@link dev.migrate.Migrator} beyond the {@code migrate.*} properties (lock key, single
 * transaction, instance name...). Beans of this type are applied in
 * {@link org.springframework.core.Ordered order}, after the properties, so they win over them.
 * The progress tracker of the endpoint, health indicator, metrics and traffic gate stays
 * attached whatever they change.
 * <p>
 * A customizer belongs to the default instance ({@code migrate.*}); with
 * {@link ForMigrateInstance @ForMigrateInstance} it customizes the named instances of
 * {@code migrate.instances} instead, or every instance with {@link ForMigrateInstance#ALL}. The
 * builder then holds the values of that instance's properties.
 */
@FunctionalInterface
public interface MigrateSettingsCustomizer {

	/**
	 * Customize the settings.
	 * @param settings the builder, holding the values of the {@code migrate.*} properties
	 */
	void customize(MigrateSettings.Builder settings);

}
