package dev.migrate.engine;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A diamond end to end: a base, two branches, their merge; upgrade to both heads, merge,
 * downgrade to each side, stamp and purge, with the version table holding one row per head.
 */
class DiamondGraphTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("d");
		this.revisions = new RevisionDir(this.dir.resolve("revisions"))
			.add("base1", "", "CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account")
			.add("left2", "base1", "CREATE TABLE left_side (id int)", "DROP TABLE left_side")
			.add("right3", "base1", "CREATE TABLE right_side (id int)", "DROP TABLE right_side");
	}

	private Migrator migrator() {
		return Migrator.create(db.dataSource(),
				MigrateSettings.builder().locations(this.revisions.location()).schema(this.schema).build());
	}

	private List<String> tables() {
		return Queries.column(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
				+ this.schema + "' AND table_name NOT LIKE 'migrate_%' ORDER BY 1");
	}

	private void addMerge() {
		this.revisions.add("merge4", "left2, right3", "merge left and right", true, "CREATE TABLE merged (id int)",
				"DROP TABLE merged");
	}

	@Test
	void upgradeMergeAndDowngradeToEachSide() {
		Migrator branches = migrator();
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> branches.upgrade("head"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.MULTIPLE_HEADS))
			.withMessageContaining("left2")
			.withMessageContaining("right3");
		assertThat(branches.status("head").state()).isEqualTo(MigrationStatus.State.MULTIPLE_HEADS);
		// Alembic's order: the walk from the heads (ranked by file name) takes left2 first, reversed
		assertThat(branches.upgrade("heads").completed()).containsExactly("base1", "right3", "left2");
		assertThat(branches.current()).containsExactly("left2", "right3");
		assertThat(tables()).containsExactly("account", "left_side", "right_side");

		addMerge();
		Migrator merged = migrator();
		assertThat(merged.pending("heads")).extracting("id").containsExactly("merge4");
		assertThat(merged.upgrade("head").completed()).containsExactly("merge4");
		assertThat(merged.current()).containsExactly("merge4");

		assertThat(merged.downgrade("left2").completed()).containsExactly("merge4");
		assertThat(merged.current()).containsExactly("left2", "right3");
		assertThat(tables()).containsExactly("account", "left_side", "right_side");
		merged.upgrade("heads");
		assertThat(merged.downgrade("right3").completed()).containsExactly("merge4");
		assertThat(merged.current()).containsExactly("left2", "right3");

		assertThat(merged.downgrade("base1").completed()).containsExactlyInAnyOrder("left2", "right3");
		assertThat(merged.current()).containsExactly("base1");
		assertThat(tables()).containsExactly("account");
		merged.downgrade("base");
		assertThat(merged.current()).isEmpty();
		assertThat(tables()).isEmpty();
		assertThat(Queries.value(db, "SELECT count(*) FROM " + this.schema + ".migrate_history WHERE success"))
			.isEqualTo("10");
	}

	@Test
	void upgradeOneBranchThenTheOther() {
		addMerge();
		Migrator migrator = migrator();
		assertThat(migrator.upgrade("left2").completed()).containsExactly("base1", "left2");
		assertThat(migrator.current()).containsExactly("left2");
		assertThat(migrator.upgrade("right3").completed()).containsExactly("right3");
		assertThat(migrator.current()).containsExactly("left2", "right3");
		assertThat(migrator.upgrade("heads").completed()).containsExactly("merge4");
		assertThat(migrator.current()).containsExactly("merge4");
	}

	@Test
	void stampAndPurge() {
		addMerge();
		Migrator migrator = migrator();
		migrator.stamp(List.of("left2"), false);
		assertThat(migrator.current()).containsExactly("left2");
		migrator.stamp(List.of("right3"), false);
		assertThat(migrator.current()).containsExactly("left2", "right3");
		migrator.stamp(List.of("merge4"), false);
		assertThat(migrator.current()).containsExactly("merge4");
		migrator.stamp(List.of("base1"), false);
		assertThat(migrator.current()).containsExactly("base1");
		assertThat(tables()).isEmpty();
		assertThat(Queries.column(db, "SELECT direction || ' ' || revision FROM " + this.schema
				+ ".migrate_history ORDER BY id"))
			.containsExactly("stamp left2", "stamp right3", "stamp merge4", "stamp base1");

		db.execute("INSERT INTO " + this.schema + ".migrate_version VALUES ('from_elsewhere')");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION_IN_DATABASE));
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.stamp(List.of("merge4"), false))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION_IN_DATABASE));
		migrator.stamp(List.of("left2", "right3"), true);
		assertThat(migrator.current()).containsExactly("left2", "right3");
		assertThat(migrator.status("heads").state()).isEqualTo(MigrationStatus.State.PENDING);
	}

}
