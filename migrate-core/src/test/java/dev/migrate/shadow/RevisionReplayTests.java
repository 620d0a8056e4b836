package dev.migrate.shadow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.Vocabulary;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionReplayTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path revisions;

	@Test
	void replayUpgradesTheShadowToEveryHeadWithoutTouchingTheDatabase() throws IOException {
		write("a1_base.sql", "a1", "", "CREATE TABLE account (id bigint PRIMARY KEY);");
		write("b2_branch.sql", "b2", "a1", "ALTER TABLE account ADD COLUMN name text;");
		write("c3_other.sql", "c3", "a1", "CREATE TABLE note (id bigint);");
		Migrator migrator = Migrator.create(db.dataSource(),
				MigrateSettings.builder().locations("filesystem:" + this.revisions).build());
		try (ShadowDatabase shadow = ShadowDatabase.temporary(db.dataSource(), ShadowTestSupport.connector(db),
				Vocabulary.java())) {
			RevisionReplay.replay(migrator, shadow);
			assertThat(ShadowTestSupport.query(shadow.dataSource(),
					"SELECT version_num FROM migrate_version ORDER BY 1")).isEqualTo("b2,c3");
			assertThat(ShadowTestSupport.query(shadow.dataSource(),
					"SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute "
							+ "WHERE attrelid = 'account'::regclass AND attnum > 0"))
				.isEqualTo("id,name");
		}
		assertThat(migrator.current()).isEmpty();
	}

	@Test
	void aRevisionThatFailsInTheShadowIsNamed() throws IOException {
		write("a1_base.sql", "a1", "", "CREATE TABLE account (id bigint PRIMARY KEY);");
		write("b2_broken.sql", "b2", "a1", "ALTER TABLE nothing ADD COLUMN name text;");
		Migrator migrator = Migrator.create(db.dataSource(),
				MigrateSettings.builder().locations("filesystem:" + this.revisions).build());
		try (ShadowDatabase shadow = ShadowDatabase.temporary(db.dataSource(), ShadowTestSupport.connector(db),
				Vocabulary.java())) {
			assertThatThrownBy(() -> RevisionReplay.replay(migrator, shadow))
				.isInstanceOfSatisfying(MigrateException.class, (ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.REVISION_FAILED);
					assertThat(ex.description()).startsWith("Replaying the revisions into the temporary database")
						.contains("b2");
				});
		}
	}

	private void write(String file, String id, String down, String upgrade) throws IOException {
		Files.writeString(this.revisions.resolve(file), "-- revision: " + id + "\n-- down_revision: " + down
				+ "\n\n-- upgrade\n" + upgrade + "\n\n-- downgrade\n");
	}

}
