package dev.migrate;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.Vocabulary.Command;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.command.CommandLineTokenizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three vocabularies: every setting and command spelled as the Java API, the Spring Boot
 * starter and the CLI spell it.
 */
class VocabularyTests {

	private final Vocabulary java = Vocabulary.java();

	private final Vocabulary spring = Vocabulary.springBoot();

	private final Vocabulary cli = Vocabulary.commandLine(Map.of());

	@Test
	void javaIsTheDefaultOfTheSettings() {
		assertThat(MigrateSettings.builder().build().vocabulary()).isSameAs(Vocabulary.java());
		MigrateSettings spring = MigrateSettings.builder().vocabulary(this.spring).build();
		assertThat(spring.vocabulary()).isSameAs(this.spring);
		assertThat(spring.toBuilder().build().vocabulary()).isSameAs(this.spring);
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
	void settingsAreOptionsAndEnvironmentVariablesOnTheCommandLine() {
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
		Vocabulary withOrigin = Vocabulary.commandLine(Map.of(Setting.LOCATIONS, "This run used --locations x"));
		assertThat(withOrigin.origin(Setting.LOCATIONS)).isEqualTo("This run used --locations x");
		assertThat(withOrigin.origin(Setting.SCHEMA)).isNull();
	}

	@Test
	void commandsAreMigratorCallsInJava() {
		assertThat(this.java.command(Command.acceptChecksums(List.of("ae10", "1975"))))
			.isEqualTo("Migrator.acceptChecksums(List.of(\"ae10\", \"1975\"))");
		assertThat(this.java.command(Command.stamp(List.of("heads"), true)))
			.isEqualTo("Migrator.stamp(List.of(\"heads\"), true)");
		assertThat(this.java.command(Command.upgrade("heads"))).isEqualTo("Migrator.upgrade(\"heads\")");
		assertThat(this.java.command(Command.merge("merge heads", List.of("heads"))))
			.isEqualTo("'merge -m \"merge heads\" heads', a command of the migrate CLI");
	}

	@Test
	void commandsAreMigrateCommandArgumentsInSpringBoot() {
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
	void commandsAreMigrateCommandLines() {
		assertThat(this.cli.command(Command.acceptChecksums(List.of("ae10", "1975"))))
			.isEqualTo("migrate accept-checksum ae10 1975");
		assertThat(this.cli.command(Command.stamp(List.of("<revision>"), true)))
			.isEqualTo("migrate stamp --purge <revision>");
		assertThat(this.cli.command(Command.upgrade("heads"))).isEqualTo("migrate upgrade heads");
		assertThat(this.cli.command(Command.merge("merge heads", List.of("ae10", "27c6"))))
			.isEqualTo("migrate merge -m \"merge heads\" ae10 27c6");
	}

	@Test
	void commandLinesQuoteWhatAShellWouldSplitOrExpand() {
		String line = Command.merge("say \"hi\" for $5", List.of("heads")).line();
		assertThat(line).isEqualTo("merge -m 'say \"hi\" for $5' heads");
		assertThat(CommandLineTokenizer.tokenize(line)).containsExactly("merge", "-m", "say \"hi\" for $5", "heads");
		assertThat(Vocabulary.springBoot().command(Command.merge("say \"hi\" for $5", List.of("heads"))))
			.isEqualTo("--migrate.command=\"merge -m 'say \\\"hi\\\" for \\$5' heads\"");
		String quotes = Command.merge("it's \"x\"", List.of("heads")).line();
		assertThat(quotes).isEqualTo("merge -m \"it's \\\"x\\\"\" heads");
		assertThat(CommandLineTokenizer.tokenize(quotes)).containsExactly("merge", "-m", "it's \"x\"", "heads");
		assertThat(Command.acceptChecksums(List.of()).line()).isEqualTo("accept-checksum");
		assertThat(Command.upgrade("a\"b").call()).isEqualTo("Migrator.upgrade(\"a\\\"b\")");
	}

}
