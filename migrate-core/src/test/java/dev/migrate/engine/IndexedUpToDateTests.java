package dev.migrate.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationResult;
import dev.migrate.revision.LoadedRevisions;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionIndexWriter;
import dev.migrate.table.TableNames;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * With a revision index that vouches for the revisions, a database at the indexed heads with the
 * indexed checksums is recognised as up to date from two short queries, without building the
 * graph; every other database takes the full check, so an edit, a stamp or an unknown row is
 * still found.
 */
class IndexedUpToDateTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path dir;

	private String schema;

	private RevisionDir revisions;

	@BeforeEach
	void setUp() {
		this.schema = PostgresDatabase.uniqueName("iu");
		this.revisions = new RevisionDir(this.dir.resolve("revisions"))
			.add("a1", "", "CREATE TABLE account (id int PRIMARY KEY)", "DROP TABLE account")
			.add("b2", "a1", "ALTER TABLE account ADD COLUMN name text", "ALTER TABLE account DROP COLUMN name")
			.add("c3", "a1", "CREATE TABLE note (id int)", "DROP TABLE note");
	}

	private MigrateSettings.Builder settings() {
		return MigrateSettings.builder().locations(this.revisions.location()).schema(this.schema);
	}

	private Engine engine(MigrateSettings settings) {
		return Engine.create(db.dataSource(), settings, MigrationListener.NONE);
	}

	private void writeIndex() throws IOException {
		RevisionIndexWriter.write(this.dir.resolve("revisions"));
	}

	@Test
	void anUpToDateDatabaseIsRecognisedWithoutBuildingTheGraph() throws IOException {
		writeIndex();
		Engine first = engine(settings().build());
		assertThat(first.graphBuilt()).isFalse();
		assertThat(first.upgrade("heads").completed()).containsExactlyInAnyOrder("a1", "b2", "c3");
		assertThat(first.graphBuilt()).isTrue();

		Engine engine = engine(settings().build());
		MigrationResult result = engine.upgrade("heads");
		assertThat(result.plan().isEmpty()).isTrue();
		assertThat(result.headsAfter()).containsExactlyInAnyOrder("b2", "c3");
		engine.check("heads");
		assertThat(engine.pending("heads")).isEmpty();
		assertThat(engine.knows("c3")).isTrue();
		assertThat(engine.graphBuilt()).isFalse();
		assertThat(engine.knows("a1")).isTrue();
		assertThat(engine.knows("z9")).isFalse();
		assertThat(engine.graph().heads()).containsExactly("b2", "c3");
	}

	@Test
	void aDatabaseBehindTheIndexedHeadsIsUpgraded() throws IOException {
		writeIndex();
		engine(settings().build()).upgrade("b2");
		Engine engine = engine(settings().build());
		assertThat(engine.upgrade("heads").completed()).containsExactly("c3");
		assertThat(engine.graphBuilt()).isTrue();
	}

	@Test
	void anEditedRevisionIsFoundEvenWithARewrittenIndex() throws IOException {
		writeIndex();
		engine(settings().build()).upgrade("heads");
		this.revisions.add("a1", "", "CREATE TABLE account (id bigint PRIMARY KEY)", "DROP TABLE account");
		writeIndex();
		Engine engine = engine(settings().build());
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> engine.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
		assertThat(failure.description()).contains("a1");
		MigrateException checked = catchThrowableOfType(MigrateException.class, () -> engine.check("heads"));
		assertThat(checked.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);

		Engine unchecked = engine(settings().validateChecksums(false).build());
		assertThat(unchecked.upgrade("heads").plan().isEmpty()).isTrue();
		assertThat(unchecked.graphBuilt()).isFalse();
	}

	@Test
	void aStampedDatabaseTakesTheFullCheck() throws IOException {
		writeIndex();
		engine(settings().build()).stamp(List.of("heads"), false);
		Engine engine = engine(settings().build());
		assertThat(engine.upgrade("heads").plan().isEmpty()).isTrue();
		assertThat(engine.graphBuilt()).isTrue();
	}

	@Test
	void aDatabaseWithAnUnknownRowTakesTheFullCheck() throws IOException {
		writeIndex();
		engine(settings().build()).upgrade("heads");
		this.revisions.remove("c3");
		writeIndex();
		Engine engine = engine(settings().build());
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> engine.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION_IN_DATABASE);
	}

	@Test
	void withNoRevisionsADatabaseWithoutRowsIsUpToDateWithoutTheGraph() {
		RevisionDir none = new RevisionDir(this.dir.resolve("none"));
		Engine engine = engine(MigrateSettings.builder().locations(none.location()).schema(this.schema).build());
		assertThat(engine.graphBuilt()).isFalse();
		MigrationResult result = engine.upgrade("heads");
		assertThat(result.plan().isEmpty()).isTrue();
		assertThat(result.headsAfter()).isEmpty();
		engine.check("heads");
		assertThat(engine.pending("heads")).isEmpty();
		assertThat(engine.graphBuilt()).isFalse();
		assertThat(engine.current()).isEmpty();
	}

	@Test
	void withNoRevisionsADatabaseWithARowTakesTheFullCheck() {
		engine(settings().build()).upgrade("a1");
		RevisionDir none = new RevisionDir(this.dir.resolve("none"));
		Engine engine = engine(MigrateSettings.builder().locations(none.location()).schema(this.schema).build());
		MigrateException failure = catchThrowableOfType(MigrateException.class, () -> engine.upgrade("heads"));
		assertThat(failure.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION_IN_DATABASE);
		assertThat(failure.description()).contains("a1");
		assertThat(engine.graphBuilt()).isTrue();
	}

	@Test
	void withNoRevisionsADatabaseDowngradedToBaseIsUpToDate() {
		Engine full = engine(settings().build());
		full.upgrade("heads");
		full.downgrade("base");
		RevisionDir none = new RevisionDir(this.dir.resolve("none"));
		Engine engine = engine(MigrateSettings.builder().locations(none.location()).schema(this.schema).build());
		assertThat(engine.upgrade("heads").plan().isEmpty()).isTrue();
		assertThat(engine.graphBuilt()).isFalse();
	}

	@Test
	void theDigestTheDatabaseComputesEqualsTheBuildsForAnyIds() throws IOException, SQLException {
		this.revisions = new RevisionDir(this.dir.resolve("other"));
		String parent = "";
		for (String id : List.of("a", "ab", "Zz", "a10", "a9", "\u00e9t\u00e9", "\u65e5\u672c", "x\uD83D\uDE00", "_1")) {
			this.revisions.add(id, parent, "CREATE TABLE \"t_" + id + "\" (id int)", "DROP TABLE \"t_" + id + "\"");
			parent = id;
		}
		MigrateSettings settings = settings().build();
		Engine engine = engine(settings);
		engine.upgrade("heads");
		Map<String, String> checksums = new HashMap<>();
		for (Revision revision : engine.graph().revisions()) {
			checksums.put(revision.id(), revision.checksum());
		}
		StateReader reader = new StateReader(TableNames.of(this.schema, settings.versionTable(),
				settings.historyTable(), settings.vocabulary()));
		try (Connection connection = db.dataSource().getConnection()) {
			StateReader.RecordedDigest recorded = reader.readDigest(connection);
			assertThat(recorded.heads()).containsExactly("_1");
			assertThat(recorded.digest()).isEqualTo(LoadedRevisions.digestOf(checksums));
		}
	}

}
