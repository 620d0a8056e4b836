package dev.migrate;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MigrateSettings.Builder#build()} validates every setting once, naming a wrong one in the
 * words of the caller's vocabulary.
 */
class MigrateSettingsTests {

	private final MigrateSettings.Builder builder = MigrateSettings.builder().vocabulary(TestVocabulary.INSTANCE);

	@Test
	void defaultsAreTheConstants() {
		MigrateSettings settings = MigrateSettings.builder().build();
		assertThat(settings.locations()).containsExactly(MigrateSettings.DEFAULT_LOCATION);
		assertThat(settings.versionTable()).isEqualTo(MigrateSettings.DEFAULT_VERSION_TABLE);
		assertThat(settings.historyTable()).isEqualTo(MigrateSettings.DEFAULT_HISTORY_TABLE);
		assertThat(settings.lockTimeout()).isEqualTo(MigrateSettings.DEFAULT_LOCK_TIMEOUT);
		assertThat(settings.ddlLockTimeout()).isEqualTo(MigrateSettings.DEFAULT_DDL_LOCK_TIMEOUT);
		assertThat(settings.ddlLockRetries()).isEqualTo(MigrateSettings.DEFAULT_DDL_LOCK_RETRIES);
	}

	@Test
	void settersOnlyRecordSoTheCallersWordsNameTheWrongValue() {
		this.builder.versionTable("");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(this.builder::build).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.CONFIGURATION);
			assertThat(ex.description()).isEqualTo("The setting <version-table> is empty");
		});
	}

	@Test
	void javaWordsByDefault() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> MigrateSettings.builder().historyTable(" ".repeat(0)).build())
			.satisfies((ex) -> assertThat(ex.description())
				.isEqualTo("The setting MigrateSettings.Builder.historyTable(...) is empty"));
	}

	@Test
	void negativeDurationsAndRetries() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> this.builder.lockTimeout(Duration.ofSeconds(-1)).build())
			.satisfies((ex) -> {
				assertThat(ex.description()).isEqualTo("The setting <lock-timeout> is PT-1S but must be zero or more");
				assertThat(ex.action()).isEqualTo("Set <lock-timeout> to a duration such as 5s or 10m");
			});
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> MigrateSettings.builder()
				.vocabulary(TestVocabulary.INSTANCE)
				.ddlLockTimeout(null)
				.build())
			.satisfies((ex) -> assertThat(ex.description())
				.isEqualTo("The setting <ddl-lock-timeout> is missing but must be zero or more"));
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> MigrateSettings.builder().vocabulary(TestVocabulary.INSTANCE).ddlLockRetries(-1).build())
			.satisfies((ex) -> {
				assertThat(ex.description()).isEqualTo("The setting <ddl-lock-retries> is -1 but must not be negative");
				assertThat(ex.action()).isEqualTo("Set <ddl-lock-retries> to 0 (no retries) or more");
			});
	}

	@Test
	void locationsMustListAtLeastOneNonEmptyLocation() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> this.builder.locations(List.of()).build())
			.satisfies((ex) -> assertThat(ex.description())
				.isEqualTo("The setting <locations> must list at least one non-empty location, but was []"));
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> MigrateSettings.builder().vocabulary(TestVocabulary.INSTANCE).locations(" ").build())
			.satisfies((ex) -> assertThat(ex.action())
				.isEqualTo("Set <locations> to classpath: or filesystem: locations, such as classpath:db/revisions"));
	}

	@Test
	void tableNamesAreCheckedWhenBuilding() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> this.builder.versionTable("same").historyTable("same").build())
			.satisfies((ex) -> assertThat(ex.description())
				.isEqualTo("The settings <version-table> and <history-table> both name the table 'same'"));
	}

}
