package dev.migrate.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.shadow.ShadowDatabase;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revision --autogenerate} and {@code check --drift} on a real PostgreSQL: the written
 * revisions apply, and afterwards nothing differs.
 */
class AutogenerateCommandTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path tmp;

	private Path revisions;

	private MigrateSettings settings;

	private final Deque<String> ids = new ArrayDeque<>();

	@BeforeEach
	void setUp() throws IOException {
		db.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
		this.revisions = Files.createDirectories(this.tmp.resolve("revisions"));
		Files.writeString(this.revisions.resolve("a1_create_account.sql"), """
				-- revision: a1
				-- down_revision:
				-- message: create account

				-- upgrade
				CREATE TABLE account (
				    id bigserial PRIMARY KEY,
				    email varchar(320) NOT NULL
				);

				-- downgrade
				DROP TABLE account;
				""");
		this.settings = MigrateSettings.builder()
			.locations("filesystem:" + this.revisions)
			.instance("test")
			.vocabulary(TestVocabulary.INSTANCE)
			.build();
	}

	@Test
	void sameSchemaWritesNothing() throws IOException {
		upgrade();
		Path schema = schema("""
				CREATE TABLE account (
				    id bigserial PRIMARY KEY,
				    email varchar(320) NOT NULL
				);
				""");
		Result result = run(new AutogenerateCommand("nothing", List.of(schema), null, null));
		assertThat(result.err()).isEmpty();
		assertThat(result.out()).isEqualTo("No changes in schema detected.\n");
		assertThat(result.status()).isZero();
		assertThat(files()).containsExactly("a1_create_account.sql");
	}

	@Test
	void changesAreWrittenAsRevisionsThatApplyAndRevert() throws Exception {
		upgrade();
		Path schema = schema("""
				CREATE TABLE account (
				    id bigserial PRIMARY KEY,
				    email varchar(320) NOT NULL,
				    nickname text
				);
				CREATE INDEX account_email ON account (email);
				CREATE TABLE tag (id bigint PRIMARY KEY, name text NOT NULL UNIQUE);
				""");
		this.ids.addAll(List.of("b2", "c3"));
		Result result = run(new AutogenerateCommand("add tags", List.of(schema), null, null));
		assertThat(result.err()).isEmpty();
		assertThat(result.status()).isZero();
		assertThat(result.out()).contains("Detected ")
			.contains("Generating " + this.revisions.resolve("b2_add_tags.sql").toAbsolutePath() + " ...  done");
		String first = Files.readString(this.revisions.resolve("b2_add_tags.sql"));
		assertThat(first).startsWith("-- revision: b2\n-- down_revision: a1\n-- message: add tags\n")
			.contains("-- upgrade\nALTER TABLE account ADD COLUMN nickname text;\n\nCREATE TABLE tag (")
			.contains("\n-- downgrade\n-- hazard: drops table \"tag\" and its data\nDROP TABLE tag;\n")
			.endsWith("ALTER TABLE account DROP COLUMN nickname;\n");
		assertThat(files()).contains("c3_add_tags_non_transactional_part.sql");
		String second = Files.readString(this.revisions.resolve("c3_add_tags_non_transactional_part.sql"));
		assertThat(second).contains("-- down_revision: b2\n").contains("-- transactional: false\n")
			.contains("CREATE INDEX CONCURRENTLY");

		upgrade();
		Result again = run(new AutogenerateCommand("again", List.of(schema), null, null));
		assertThat(again.out()).isEqualTo("No changes in schema detected.\n");
		Result drift = run(new DriftCheckCommand());
		assertThat(drift.out()).endsWith("No drift: the database schema is what its applied revisions create\n");
		assertThat(drift.status()).isZero();

		migrator().downgrade("a1");
		assertThat(db.connect().createStatement().executeQuery("SELECT count(*) FROM pg_class WHERE relname IN "
				+ "('tag', 'account_email') UNION ALL SELECT count(*) FROM pg_attribute WHERE attname = 'nickname' AND NOT attisdropped "
				+ "ORDER BY 1 DESC")).satisfies((rows) -> {
					rows.next();
					assertThat(rows.getInt(1)).isZero();
				});
	}

	@Test
	void databaseNotAtItsHeadsFailsLikeAlembic() throws IOException {
		Result result = run(new AutogenerateCommand("x", List.of(schema("CREATE TABLE t (id int);")), null, null));
		assertThat(result.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(result.err()).startsWith("FAILED: Target database is not up to date.\n"
				+ "Action: The database is at base and the revisions' heads are a1: upgrade it first (<run upgrade "
				+ "heads>), then autogenerate again");
	}

	@Test
	void aFailingSchemaFileIsNamedWithItsLine() throws IOException {
		upgrade();
		Path schema = schema("CREATE TABLE account (id bigint);\nCREATE TABLE b (x no_type);\n");
		Result result = run(new AutogenerateCommand("x", List.of(schema), null, null));
		assertThat(result.status()).isEqualTo(ExitStatus.FAILED);
		assertThat(result.err()).startsWith("FAILED: " + schema + ":2: CREATE TABLE b (x no_type) failed in the "
				+ "shadow database: ERROR: type \"no_type\" does not exist");
		assertThat(files()).containsExactly("a1_create_account.sql");
	}

	@Test
	void driftIsReportedOnePerLine() {
		upgrade();
		db.execute("ALTER TABLE account ADD COLUMN nickname text");
		Result result = run(new DriftCheckCommand());
		assertThat(result.status()).isEqualTo(ExitStatus.PROBLEMS);
		assertThat(result.out()).contains(
				"table \"account\": column \"nickname\" exists in the database but no revision creates it\n");
	}

	private Path schema(String sql) throws IOException {
		Path file = Files.createTempFile(this.tmp, "schema", ".sql");
		Files.writeString(file, sql);
		return file;
	}

	private List<String> files() throws IOException {
		try (Stream<Path> list = Files.list(this.revisions)) {
			return list.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

	private Migrator migrator() {
		return Migrator.create(db.dataSource(), this.settings);
	}

	private void upgrade() {
		migrator().upgrade("heads");
	}

	private Result run(MigrateCommand command) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		DataSource dataSource = db.dataSource();
		CommandContext context = CommandContext.builder(this.settings)
			.migrator(this::migrator)
			.out(new PrintWriter(out))
			.err(new PrintWriter(err))
			.revisionIds(() -> this.ids.isEmpty() ? CommandContext.randomRevisionId() : this.ids.poll())
			.shadow(() -> ShadowDatabase.temporary(dataSource, AutogenerateCommandTests::connect,
					this.settings.vocabulary()))
			.build();
		int status = CommandRunner.run(command, context);
		return new Result(status, out.toString(), err.toString());
	}

	private static DataSource connect(String database) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(db.url());
		dataSource.setDatabaseName(database);
		dataSource.setUser(db.user());
		dataSource.setPassword(db.password());
		return dataSource;
	}

	record Result(int status, String out, String err) {

	}

}
