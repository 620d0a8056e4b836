package dev.migrate.cli;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Command;
import dev.migrate.Vocabulary.Setting;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's words: options and environment variables, and commands as {@code migrate ...}. */
class CommandLineVocabularyTests {

	private final Vocabulary cli = new CommandLineVocabulary(Map.of());

	@Test
	void settingsAreOptionsAndEnvironmentVariables() {
		assertThat(this.cli.setting(Setting.LOCATIONS)).isEqualTo("--locations (or MIGRATE_LOCATIONS)");
		assertThat(this.cli.setting(Setting.SCHEMA)).isEqualTo("--schema (or MIGRATE_SCHEMA)");
		assertThat(this.cli.setting(Setting.VERSION_TABLE)).isEqualTo("--version-table (or MIGRATE_VERSION_TABLE)");
		assertThat(this.cli.setting(Setting.HISTORY_TABLE)).isEqualTo("--history-table (or MIGRATE_HISTORY_TABLE)");
		assertThat(this.cli.setting(Setting.LOCK_TIMEOUT)).isEqualTo("--lock-timeout");
		assertThat(this.cli.setting(Setting.DDL_LOCK_TIMEOUT)).isEqualTo("--ddl-lock-timeout");
		assertThat(this.cli.setting(Setting.DDL_LOCK_RETRIES)).isEqualTo("--ddl-lock-retries");
		assertThat(this.cli.setting(Setting.VALIDATE_CHECKSUMS)).isEqualTo("--no-validate-checksums");
		assertThat(this.cli.setting(Setting.ALLOW_UNKNOWN_REVISIONS)).isEqualTo("--allow-unknown-revisions");
		assertThat(this.cli.setting(Setting.CONNECTION))
			.isEqualTo("--user and --password, or DATABASE_USER and DATABASE_PASSWORD");
		assertThat(this.cli.setting(Setting.URL)).isEqualTo("--url (or DATABASE_URL)");
		assertThat(this.cli.setting(Setting.CONNECT_RETRIES)).isEqualTo("--connect-retries");
		assertThat(this.cli.origin(Setting.LOCATIONS)).isNull();
		Vocabulary withOrigin = new CommandLineVocabulary(Map.of(Setting.LOCATIONS, "This run used --locations x"));
		assertThat(withOrigin.origin(Setting.LOCATIONS)).isEqualTo("This run used --locations x");
		assertThat(withOrigin.origin(Setting.SCHEMA)).isNull();
	}

	@Test
	void commandsAreMigrateCommandLines() {
		assertThat(this.cli.command(Command.acceptChecksums(List.of("ae10", "1975"))))
			.isEqualTo("migrate accept-checksum ae10 1975");
		assertThat(this.cli.command(Command.stamp(List.of("<revision>"), true)))
			.isEqualTo("migrate stamp --purge <revision>");
		assertThat(this.cli.command(Command.upgrade("heads"))).isEqualTo("migrate upgrade heads");
		assertThat(this.cli.command(Command.merge("merge heads", List.of("ae10", "27c6"))))
			.isEqualTo("migrate merge -m \"merge heads\" ae10 27c6");
	}

}
