package dev.migrate.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import dev.migrate.RevisionInfo;

/**
 * {@link RuntimeHintsRegistrar} for a native image: the revisions of the default location
 * ({@code db/revisions/**}, its revision index {@code migrate.index} included, through which a
 * native image reads the location) and the {@link RevisionInfo} annotation that Java revisions carry.
 * Other {@code classpath:} locations and the Java revision beans are registered by
 * {@link MigrateBeanFactoryInitializationAotProcessor}.
 */
class MigrateRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("db/revisions/**");
		hints.reflection().registerType(RevisionInfo.class);
	}

}
