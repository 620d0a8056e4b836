package dev.migrate.shadow;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.Vocabulary;
import dev.migrate.sql.SqlStatement;
import dev.migrate.test.PgDump;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaScriptTests {

	/** A schema with one of most kinds of object, in two schemas. */
	static final String SCHEMA = """
			CREATE EXTENSION IF NOT EXISTS vector;
			CREATE SCHEMA billing;
			CREATE TYPE mood AS ENUM ('happy', 'sad');
			CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
			CREATE SEQUENCE billing.invoice_number START 1000;
			CREATE TABLE account (
			    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			    email varchar(320) NOT NULL UNIQUE,
			    name text COLLATE "C" DEFAULT 'anonymous',
			    mood mood,
			    score positive,
			    balance numeric(10,2) DEFAULT 0 CHECK (balance >= 0),
			    email_domain text GENERATED ALWAYS AS (split_part(email, '@', 2)) STORED
			);
			COMMENT ON TABLE account IS 'Who pays';
			COMMENT ON COLUMN account.email IS 'Lower case';
			CREATE TABLE billing.invoice (
			    id bigserial PRIMARY KEY,
			    number integer NOT NULL DEFAULT nextval('billing.invoice_number'),
			    account_id bigint REFERENCES account (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
			    period tstzrange,
			    embedding vector(3),
			    EXCLUDE USING gist (period WITH &&)
			);
			ALTER SEQUENCE billing.invoice_number OWNED BY billing.invoice.number;
			CREATE INDEX invoice_embedding ON billing.invoice USING hnsw (embedding vector_cosine_ops) WITH (m = 8);
			CREATE INDEX invoice_open ON billing.invoice (account_id) INCLUDE (number) WHERE upper(period) IS NULL;
			CREATE TABLE event (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
			CREATE TABLE event_2026 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
			CREATE VIEW happy_account AS SELECT id, email FROM account WHERE mood = 'happy';
			CREATE MATERIALIZED VIEW account_count AS SELECT count(*) AS n FROM account;
			CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
			    RAISE NOTICE 'touched \\ %', NEW.id;
			    RETURN NEW;
			END
			$$;
			CREATE TRIGGER account_touch BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION touch();
			CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE
			BEGIN ATOMIC
			    SELECT a + b;
			END;
			CREATE PROCEDURE noop() LANGUAGE sql AS 'SELECT 1';
			""";

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@Test
	void pgDumpOutputIsAppliedAsItIsAndTheShadowDumpsTheSame() {
		SchemaScript.of("schema.sql", SCHEMA).applyTo(db.dataSource());
		String dump = PgDump.schemaOnly(db);
		assertThat(dump).contains("\\restrict ").contains("SELECT pg_catalog.set_config('search_path', '', false);");
		try (ShadowDatabase shadow = ShadowDatabase.temporary(db.dataSource(), ShadowTestSupport.connector(db),
				Vocabulary.java())) {
			SchemaScript.of("dump.sql", dump).applyTo(shadow.dataSource());
			String name = ((TemporaryShadow) shadow).name();
			String shadowDump = PgDump.schemaOnly(db.url().replace("/" + db.name(), "/" + name), db.user(),
					db.password());
			assertThat(PgDump.normalize(shadowDump)).isEqualTo(PgDump.normalize(dump));
			assertThat(ShadowTestSupport.query(shadow.dataSource(), "SHOW search_path"))
				.as("the dump's empty search_path stays on the connection that applied it")
				.isEqualTo("\"$user\", public");
		}
	}

	@Test
	void metaCommandLinesAreSkippedAndLinesStillCountedForMessages() {
		SchemaScript script = SchemaScript.of("schema.sql",
				"\\restrict abc\nCREATE TABLE a (id int);\n\\set ON_ERROR_STOP on\nCREATE TABLE b (id nope);\n"
						+ "\\unrestrict abc\n");
		assertThat(script.statements()).extracting(SqlStatement::line).containsExactly(2, 4);
		try (ShadowDatabase shadow = ShadowDatabase.temporary(db.dataSource(), ShadowTestSupport.connector(db),
				Vocabulary.java())) {
			assertThatThrownBy(() -> script.applyTo(shadow.dataSource()))
				.isInstanceOfSatisfying(MigrateException.class, (ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.DESIRED_SCHEMA);
					assertThat(ex.description()).startsWith("schema.sql:4: CREATE TABLE b (id nope) failed in the "
							+ "shadow database: ERROR: type \"nope\" does not exist");
				});
		}
	}

	@Test
	void statementsRefusedInATransactionRunOnTheirOwnInOrderAndLaterFailuresNameTheirLine() {
		SchemaScript script = SchemaScript.of("schema.sql", """
				CREATE TABLE a (id int);
				CREATE INDEX CONCURRENTLY a_id ON a (id);
				CREATE TABLE b (id int);
				CREATE UNIQUE INDEX CONCURRENTLY b_id ON b (id);
				CREATE INDEX a_b ON a (id) WHERE id > 0;
				CREATE TABLE c (id nope);
				""");
		try (ShadowDatabase shadow = ShadowDatabase.temporary(db.dataSource(), ShadowTestSupport.connector(db),
				Vocabulary.java())) {
			assertThatThrownBy(() -> script.applyTo(shadow.dataSource()))
				.isInstanceOfSatisfying(MigrateException.class, (ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.DESIRED_SCHEMA);
					assertThat(ex.description()).startsWith("schema.sql:6: CREATE TABLE c (id nope) failed in the "
							+ "shadow database: ERROR: type \"nope\" does not exist");
				});
			assertThat(ShadowTestSupport.query(shadow.dataSource(),
					"SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public'"))
				.isEqualTo("a_b,a_id,b_id");
		}
	}

	@Test
	void aScriptThatWorksOnlyOutsideATransactionIsAppliedAsPsqlWould() {
		// The enum type is committed before the value is added: in one transaction, the value
		// could not be used before that transaction commits
		SchemaScript script = SchemaScript.of("schema.sql", """
				CREATE TYPE kind AS ENUM ('a');
				CREATE TABLE t (id int);
				CREATE INDEX CONCURRENTLY t_id ON t (id);
				ALTER TYPE kind ADD VALUE 'b';
				CREATE TABLE u (k kind DEFAULT 'b');
				""");
		try (ShadowDatabase shadow = ShadowDatabase.temporary(db.dataSource(), ShadowTestSupport.connector(db),
				Vocabulary.java())) {
			script.applyTo(shadow.dataSource());
			assertThat(ShadowTestSupport.query(shadow.dataSource(),
					"SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'u'::regclass"))
				.isEqualTo("'b'::kind");
		}
	}

	@Test
	void aScriptThatControlsTransactionsIsAppliedOneStatementAtATime() {
		SchemaScript script = SchemaScript.of("schema.sql", """
				BEGIN;
				CREATE TABLE a (id int);
				COMMIT;
				SET LOCAL search_path = nowhere;
				SELECT pg_catalog.set_config('search_path', 'public', false);
				CREATE TABLE b (id int);
				CREATE TABLE c (id nope);
				""");
		try (ShadowDatabase shadow = ShadowDatabase.temporary(db.dataSource(), ShadowTestSupport.connector(db),
				Vocabulary.java())) {
			assertThatThrownBy(() -> script.applyTo(shadow.dataSource()))
				.hasMessageStartingWith("schema.sql:7: CREATE TABLE c (id nope) failed");
			assertThat(ShadowTestSupport.query(shadow.dataSource(),
					"SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace"))
				.as("in autocommit, what comes before the failure stays, and SET LOCAL outside a transaction does nothing")
				.isEqualTo("a,b");
		}
	}

	@Test
	void ownershipAndPrivilegesAreSkipped() {
		SchemaScript script = SchemaScript.of("schema.sql", """
				CREATE TABLE a (id int, owner_to text);
				ALTER TABLE public.a OWNER TO "some owner";
				ALTER FUNCTION f() OWNER TO app;
				GRANT SELECT ON a TO reporting;
				REVOKE ALL ON SCHEMA public FROM PUBLIC;
				ALTER DEFAULT PRIVILEGES FOR ROLE app GRANT SELECT ON TABLES TO reporting;
				ALTER TABLE a RENAME COLUMN owner_to TO owner;
				""");
		assertThat(script.statements()).extracting(SqlStatement::line).containsExactly(1, 7);
	}

	@Test
	void backslashesInsideBodiesAndStringsAreKept() {
		SchemaScript script = SchemaScript.of("schema.sql",
				"CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$\n\\x\n$$;\nSELECT E'\n\\\\n';\n");
		assertThat(script.statements()).extracting(SqlStatement::sql)
			.containsExactly("CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$\n\\x\n$$", "SELECT E'\n\\\\n'");
	}

	@Test
	void dataAndDatabaseStatementsAreRefusedWithTheirLine() {
		assertThatThrownBy(() -> SchemaScript.of("full.sql", "CREATE TABLE a (id int);\n\nCOPY public.a (id) FROM stdin;\n"))
			.isInstanceOfSatisfying(MigrateException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.DESIRED_SCHEMA);
				assertThat(ex.description()).startsWith("full.sql:3: COPY ... FROM stdin loads data");
				assertThat(ex.action()).contains("pg_dump --schema-only");
			});
		assertThatThrownBy(() -> SchemaScript.of("create.sql", "CREATE DATABASE app WITH TEMPLATE = template0;\n"
				+ "\\connect app\n"))
			.hasMessageStartingWith("create.sql:2: \\connect app switches to another database");
		assertThatThrownBy(() -> SchemaScript.of("create.sql", "-- x\nCREATE DATABASE app WITH TEMPLATE = template0;"))
			.hasMessageStartingWith("create.sql:2: CREATE DATABASE app WITH TEMPLATE = template0 works on a whole "
					+ "database");
	}

	@Test
	void unterminatedQuoteNamesTheFile() {
		assertThatThrownBy(() -> SchemaScript.of("schema.sql", "CREATE TABLE a (id int);\nCOMMENT ON TABLE a IS 'x;\n"))
			.isInstanceOfSatisfying(MigrateException.class,
					(ex) -> assertThat(ex.getMessage()).contains("schema.sql"));
	}

	@Test
	void missingFileIsNamed() {
		assertThatThrownBy(() -> SchemaScript.read(Path.of("no/such/schema.sql")))
			.isInstanceOfSatisfying(MigrateException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.DESIRED_SCHEMA);
				assertThat(ex.description()).startsWith("Cannot read the desired schema file no/such/schema.sql");
			});
	}

	@Test
	void scriptsAreAppliedInOrder() {
		try (ShadowDatabase shadow = ShadowDatabase.temporary(db.dataSource(), ShadowTestSupport.connector(db),
				Vocabulary.java())) {
			SchemaScript.applyAll(List.of(SchemaScript.of("types.sql", "CREATE TYPE kind AS ENUM ('a');"),
					SchemaScript.of("tables.sql", "SET search_path = pg_catalog;\nCREATE TABLE public.t (k public.kind);")),
					shadow.dataSource());
			assertThat(ShadowTestSupport.query(shadow.dataSource(), "SELECT count(*) FROM public.t")).isEqualTo("0");
		}
	}

}
