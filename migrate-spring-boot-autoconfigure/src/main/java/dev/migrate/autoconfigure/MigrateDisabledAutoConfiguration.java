package dev.migrate.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that only says, in one INFO line, that
 * migrate is turned off ({@code migrate.enabled=false}) and what that means for readiness, so
 * that the absence of migrations is never silent.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = SpringBootVocabulary.ENABLED, havingValue = false)
public final class MigrateDisabledAutoConfiguration {

	MigrateDisabledAutoConfiguration() {
		StartupNotices.disabled();
	}

}
