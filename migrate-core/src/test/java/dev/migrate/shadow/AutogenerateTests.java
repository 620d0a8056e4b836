package dev.migrate.shadow;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Vocabulary;
import dev.migrate.schema.SchemaChange;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutogenerateTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private static final MigrateSettings settings = MigrateSettings.builder().locations("filesystem:unused").build();

	@Test
	void theDatabaseIsReadWhileTheShadowIsBuiltAndBothAreDiffed() {
		db.execute("CREATE TABLE IF NOT EXISTS kept (id int)");
		try (ShadowDatabase shadow = ShadowDatabase.temporary(db.dataSource(), ShadowTestSupport.connector(db),
				Vocabulary.java())) {
			List<SchemaChange> changes = Autogenerate.changes(db.dataSource(), shadow, List.of(
					SchemaScript.of("schema.sql", "CREATE TABLE kept (id int);\nCREATE TABLE added (id int);\n")),
					settings);
			assertThat(changes).extracting(SchemaChange::description).containsExactly("table \"added\" added");
		}
	}

	@Test
	void aFailingScriptIsReportedAfterTheDatabaseIsRead() {
		try (ShadowDatabase shadow = ShadowDatabase.temporary(db.dataSource(), ShadowTestSupport.connector(db),
				Vocabulary.java())) {
			assertThatThrownBy(() -> Autogenerate.changes(db.dataSource(), shadow,
					List.of(SchemaScript.of("schema.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id nope);\n")),
					settings))
				.isInstanceOfSatisfying(MigrateException.class, (ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.DESIRED_SCHEMA);
					assertThat(ex.description()).startsWith("schema.sql:2: CREATE TABLE b (id nope) failed");
				});
		}
	}

}
