package dev.migrate;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.Vocabulary.Command;
import dev.migrate.Vocabulary.Setting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java API's vocabulary, the default: every setting and command spelled as the Java API
 * spells it. The starter and the CLI test their own vocabularies.
 */
class VocabularyTests {

	private final Vocabulary java = Vocabulary.java();

	private final Vocabulary frontEnd = TestVocabulary.INSTANCE;

	@Test
	void javaIsTheDefaultOfTheSettings() {
		assertThat(MigrateSettings.builder().build().vocabulary()).isSameAs(Vocabulary.java());
		MigrateSettings frontEnd = MigrateSettings.builder().vocabulary(this.frontEnd).build();
		assertThat(frontEnd.vocabulary()).isSameAs(this.frontEnd);
		assertThat(frontEnd.toBuilder().build().vocabulary()).isSameAs(this.frontEnd);
	}

	@Test
	void settingsAreBuilderSettersInJava() {
		assertThat(this.java.setting(Setting.LOCATIONS)).isEqualTo("MigrateSettings.Builder.locations(...)");
		assertThat(this.java.setting(Setting.SCHEMA)).isEqualTo("MigrateSettings.Builder.schema(...)");
		assertThat(this.java.setting(Setting.VERSION_TABLE)).isEqualTo("MigrateSettings.Builder.versionTable(...)");
		assertThat(this.java.setting(Setting.HISTORY_TABLE)).isEqualTo("MigrateSettings.Builder.historyTable(...)");
		assertThat(this.java.setting(Setting.LOCK_TIMEOUT)).isEqualTo("MigrateSettings.Builder.lockTimeout(...)");
		assertThat(this.java.setting(Setting.DDL_LOCK_TIMEOUT))
			.isEqualTo("MigrateSettings.Builder.ddlLockTimeout(...)");
		assertThat(this.java.setting(Setting.DDL_LOCK_RETRIES))
			.isEqualTo("MigrateSettings.Builder.ddlLockRetries(...)");
		assertThat(this.java.setting(Setting.VALIDATE_CHECKSUMS))
			.isEqualTo("MigrateSettings.Builder.validateChecksums(false)");
		assertThat(this.java.setting(Setting.ALLOW_UNKNOWN_REVISIONS))
			.isEqualTo("MigrateSettings.Builder.allowUnknownRevisions(true)");
		assertThat(this.java.setting(Setting.CONNECTION)).isEqualTo("the DataSource given to Migrator.create");
		assertThat(this.java.setting(Setting.URL)).isEqualTo("the URL of the DataSource given to Migrator.create");
		assertThat(this.java.setting(Setting.CONNECT_RETRIES)).isEqualTo("MigrateSettings.Builder.connectRetries(...)");
		assertThat(this.java.origin(Setting.LOCATIONS)).isNull();
	}

	@Test
	void commandsAreMigratorCallsInJava() {
		assertThat(this.java.command(Command.acceptChecksums(List.of("ae10", "1975"))))
			.isEqualTo("Migrator.acceptChecksums(List.of(\"ae10\", \"1975\"))");
		assertThat(this.java.command(Command.stamp(List.of("heads"), true)))
			.isEqualTo("Migrator.stamp(List.of(\"heads\"), true)");
		assertThat(this.java.command(Command.upgrade("heads"))).isEqualTo("Migrator.upgrade(\"heads\")");
		assertThat(this.java.command(Command.merge("merge heads", List.of("heads"))))
			.isEqualTo("the merge command of the migrate CLI or command mode, merging heads with the message "
					+ "\"merge heads\"");
		assertThat(this.java.command(Command.upgrade("a\"b"))).isEqualTo("Migrator.upgrade(\"a\\\"b\")");
	}

}
