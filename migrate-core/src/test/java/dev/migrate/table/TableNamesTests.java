package dev.migrate.table;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.TestVocabulary;
import dev.migrate.Vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TableNamesTests {

	@Test
	void unqualifiedNames() {
		TableNames names = TableNames.of(null, "migrate_version", "migrate_history");
		assertThat(names.schema()).isNull();
		assertThat(names.versionTable()).isEqualTo("migrate_version");
		assertThat(names.historyTable()).isEqualTo("migrate_history");
		assertThat(names.qualifiedVersionTable()).isEqualTo("\"migrate_version\"");
		assertThat(names.qualifiedHistoryTable()).isEqualTo("\"migrate_history\"");
	}

	@Test
	void qualifiedNamesKeepCaseAndEscapeQuotes() {
		TableNames names = TableNames.of("App \"Data\"", "alembic_version", "Audit.Log");
		assertThat(names.qualifiedVersionTable()).isEqualTo("\"App \"\"Data\"\"\".\"alembic_version\"");
		assertThat(names.qualifiedHistoryTable()).isEqualTo("\"App \"\"Data\"\"\".\"Audit.Log\"");
	}

	@Test
	void quoteIdentifier() {
		assertThat(TableNames.quoteIdentifier("t")).isEqualTo("\"t\"");
		assertThat(TableNames.quoteIdentifier("a\"b")).isEqualTo("\"a\"\"b\"");
		assertThat(TableNames.quoteIdentifier("x\"; DROP TABLE y; --")).isEqualTo("\"x\"\"; DROP TABLE y; --\"");
	}

	@Test
	void quoteLiteral() {
		assertThat(TableNames.quoteLiteral("ae1027a6acf")).isEqualTo("'ae1027a6acf'");
		assertThat(TableNames.quoteLiteral("it's")).isEqualTo("'it''s'");
		assertThat(TableNames.quoteLiteral("back\\slash")).isEqualTo("'back\\slash'");
		assertThat(TableNames.quoteLiteral(null)).isEqualTo("NULL");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> TableNames.quoteLiteral("a\0b"));
	}

	@Test
	void quoteEscapeLiteral() {
		assertThat(TableNames.quoteEscapeLiteral("ae1027a6acf")).isEqualTo("E'ae1027a6acf'");
		assertThat(TableNames.quoteEscapeLiteral("it's")).isEqualTo("E'it''s'");
		assertThat(TableNames.quoteEscapeLiteral("back\\slash")).isEqualTo("E'back\\\\slash'");
		assertThat(TableNames.quoteEscapeLiteral(null)).isEqualTo("NULL");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> TableNames.quoteEscapeLiteral("a\0b"));
	}

	@Test
	void emptyNameNamesTheSettingInTheCallersWords() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> TableNames.of("", "migrate_version", "migrate_history"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.CONFIGURATION);
				assertThat(ex.description()).isEqualTo("The setting MigrateSettings.Builder.schema(...) is empty");
			});
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> TableNames.of("", "migrate_version", "migrate_history", TestVocabulary.INSTANCE))
			.satisfies((ex) -> {
				assertThat(ex.description()).isEqualTo("The setting <schema> is empty");
				assertThat(ex.action()).isEqualTo("Set <schema> to a PostgreSQL identifier of 1 to 63 bytes");
			});
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> TableNames.of(null, "migrate_version", null, TestVocabulary.INSTANCE))
			.satisfies((ex) -> assertThat(ex.description())
				.isEqualTo("The setting <history-table> is missing"));
	}

	@Test
	void tooLongNameNamesTheValueAndTheSetting() {
		String name = "v".repeat(64);
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> TableNames.of(null, name, "migrate_history"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.CONFIGURATION);
				assertThat(ex.description()).isEqualTo("The setting MigrateSettings.Builder.versionTable(...) is 64 "
						+ "bytes long in UTF-8 ('" + name + "'); PostgreSQL identifiers hold at most 63 bytes");
			});
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> TableNames.of(null, name, "migrate_history", TestVocabulary.INSTANCE))
			.satisfies((ex) -> assertThat(ex.action()).isEqualTo("Choose a shorter name for <version-table>"));
		assertThat(TableNames.of(null, "v".repeat(63), "h").versionTable()).hasSize(63);
	}

	@Test
	void sameVersionAndHistoryTableNamesBothSettings() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> TableNames.of(null, "state", "state", TestVocabulary.INSTANCE))
			.satisfies((ex) -> {
				assertThat(ex.description()).isEqualTo(
						"The settings <version-table> and <history-table> both name the table 'state'");
				assertThat(ex.action()).isEqualTo(
						"Give the history table a different name with <history-table> (default migrate_history)");
			});
	}

	@Test
	void lengthIsCountedInUtf8Bytes() {
		assertThat(TableNames.of("é".repeat(31) + "a", "v", "h").schema()).hasSize(32);
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> TableNames.of("é".repeat(32), "v", "h"))
			.withMessageContaining("The setting MigrateSettings.Builder.schema(...) is 64 bytes");
	}

	@Test
	void nulIsRejected() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> TableNames.of(null, "v", "h\0x"))
			.satisfies((ex) -> assertThat(ex.description())
				.isEqualTo("The setting MigrateSettings.Builder.historyTable(...) contains a NUL character ('h\\0x'), "
						+ "which PostgreSQL identifiers cannot hold"));
	}

	@Test
	void versionAndHistoryTablesMustDiffer() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> TableNames.of(null, "t", "t"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CONFIGURATION))
			.withMessageContaining("both name the table 't'");
	}

	@Test
	void anyOtherCharacterIsAllowed() {
		TableNames names = TableNames.of("my schema", "Version-Table", "hist;ory");
		assertThat(names.qualifiedHistoryTable()).isEqualTo("\"my schema\".\"hist;ory\"");
	}

	@Test
	void equality() {
		assertThat(TableNames.of("s", "v", "h")).isEqualTo(TableNames.of("s", "v", "h"))
			.hasSameHashCodeAs(TableNames.of("s", "v", "h"))
			.isNotEqualTo(TableNames.of(null, "v", "h"));
	}

}
