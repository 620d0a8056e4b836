package dev.migrate.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Command;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.command.CommandLineTokenizer;
import dev.migrate.command.CommandLines;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter's words: {@code migrate.*} properties, and commands as {@code --migrate.command}. */
class SpringBootVocabularyTests {

	private final Vocabulary spring = SpringBootVocabulary.INSTANCE;

	@Test
	void settingsAreMigrateProperties() {
		assertThat(this.spring.setting(Setting.LOCATIONS)).isEqualTo("migrate.locations");
		assertThat(this.spring.setting(Setting.SCHEMA)).isEqualTo("migrate.schema");
		assertThat(this.spring.setting(Setting.VERSION_TABLE)).isEqualTo("migrate.version-table");
		assertThat(this.spring.setting(Setting.HISTORY_TABLE)).isEqualTo("migrate.history-table");
		assertThat(this.spring.setting(Setting.LOCK_TIMEOUT)).isEqualTo("migrate.lock.timeout");
		assertThat(this.spring.setting(Setting.DDL_LOCK_TIMEOUT)).isEqualTo("migrate.ddl.lock-timeout");
		assertThat(this.spring.setting(Setting.DDL_LOCK_RETRIES)).isEqualTo("migrate.ddl.lock-retries");
		assertThat(this.spring.setting(Setting.VALIDATE_CHECKSUMS)).isEqualTo("migrate.validate-checksums=false");
		assertThat(this.spring.setting(Setting.ALLOW_UNKNOWN_REVISIONS))
			.isEqualTo("migrate.allow-unknown-revisions=true");
		assertThat(this.spring.setting(Setting.CONNECTION)).isEqualTo("migrate.url/username/password");
		assertThat(this.spring.setting(Setting.URL)).isEqualTo("migrate.url (default: spring.datasource.url)");
		assertThat(this.spring.setting(Setting.CONNECT_RETRIES)).isEqualTo("migrate.connect-retries");
		assertThat(this.spring.origin(Setting.LOCATIONS)).isNull();
	}

	@Test
	void commandsAreMigrateCommandArguments() {
		assertThat(this.spring.command(Command.acceptChecksums(List.of("ae10"))))
			.isEqualTo("--migrate.command=\"accept-checksum ae10\"");
		assertThat(this.spring.command(Command.stamp(List.of("heads"), true)))
			.isEqualTo("--migrate.command=\"stamp --purge heads\"");
		assertThat(this.spring.command(Command.upgrade("heads"))).isEqualTo("--migrate.command=\"upgrade heads\"");
		assertThat(this.spring.command(Command.merge("merge heads", List.of("heads"))))
			.isEqualTo("--migrate.command='merge -m \"merge heads\" heads'");
		assertThat(this.spring.command(Command.merge("it's", List.of("heads"))))
			.isEqualTo("--migrate.command=\"merge -m \\\"it's\\\" heads\"");
	}

	@Test
	void commandArgumentsKeepWhatAShellWouldExpand() {
		String line = CommandLines.line(Command.merge("say \"hi\" for $5", List.of("heads")));
		assertThat(CommandLineTokenizer.tokenize(line)).containsExactly("merge", "-m", "say \"hi\" for $5", "heads");
		assertThat(this.spring.command(Command.merge("say \"hi\" for $5", List.of("heads"))))
			.isEqualTo("--migrate.command=\"merge -m 'say \\\"hi\\\" for \\$5' heads\"");
	}

}
