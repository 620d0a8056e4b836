package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.migrate.MigrateSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateProperties}.
 */
class MigratePropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		MigrateProperties properties = new MigrateProperties();
		MigrateSettings settings = MigrateSettings.builder().build();
		assertThat(properties.getLocations()).isEqualTo(settings.locations());
		assertThat(properties.getSchema()).isEqualTo(settings.schema());
		assertThat(properties.getVersionTable()).isEqualTo(settings.versionTable());
		assertThat(properties.getHistoryTable()).isEqualTo(settings.historyTable());
		assertThat(properties.getLock().getTimeout()).isEqualTo(settings.lockTimeout());
		assertThat(properties.getDdl().getLockTimeout()).isEqualTo(settings.ddlLockTimeout());
		assertThat(properties.getDdl().getLockRetries()).isEqualTo(settings.ddlLockRetries());
		assertThat(properties.isValidateChecksums()).isEqualTo(settings.validateChecksums());
		assertThat(properties.isAllowUnknownRevisions()).isEqualTo(settings.allowUnknownRevisions());
	}

	@Test
	void settingsMappedFromDefaultPropertiesEqualTheCoreDefaults() {
		MigrateSettings mapped = MigratorFactory.of(new MigrateProperties(), java.util.List.of(),
				getClass().getClassLoader(), null).settings();
		MigrateSettings defaults = MigrateSettings.builder().build();
		assertThat(mapped.locations()).isEqualTo(defaults.locations());
		assertThat(mapped.schema()).isEqualTo(defaults.schema());
		assertThat(mapped.versionTable()).isEqualTo(defaults.versionTable());
		assertThat(mapped.historyTable()).isEqualTo(defaults.historyTable());
		assertThat(mapped.lockTimeout()).isEqualTo(defaults.lockTimeout());
		assertThat(mapped.lockKey()).isEqualTo(defaults.lockKey());
		assertThat(mapped.ddlLockTimeout()).isEqualTo(defaults.ddlLockTimeout());
		assertThat(mapped.ddlLockRetries()).isEqualTo(defaults.ddlLockRetries());
		assertThat(mapped.validateChecksums()).isEqualTo(defaults.validateChecksums());
		assertThat(mapped.allowUnknownRevisions()).isEqualTo(defaults.allowUnknownRevisions());
		assertThat(mapped.singleTransaction()).isEqualTo(defaults.singleTransaction());
	}

}
