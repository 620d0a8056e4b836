package dev.migrate.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The instances a {@link MigrateSettingsCustomizer}, {@link dev.migrate.JavaRevision},
 * {@link MigrationStrategy} or {@link dev.migrate.MigrationListener} bean belongs to, on its
 * class or its {@code @Bean} method. Without it, customizers, Java revisions and the strategy
 * belong to the default instance ({@code migrate.*}) and listeners hear every instance. A name
 * that is no instance fails startup.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ForMigrateInstance {

	/** Names every instance, the default one included. */
	String ALL = "*";

	/**
	 * The instances: {@value MigrateInstance#DEFAULT} for the one of {@code migrate.*}, keys of
	 * {@code migrate.instances}, or {@value #ALL}.
	 * @return the names
	 */
	String[] value();

}
