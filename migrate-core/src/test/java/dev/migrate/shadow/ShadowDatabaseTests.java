package dev.migrate.shadow;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.TestVocabulary;
import dev.migrate.Vocabulary;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShadowDatabaseTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@RegisterExtension
	static final PostgresDatabase given = new PostgresDatabase();

	@Test
	void temporaryDatabaseIsCreatedOnTheServerAndDroppedWhenClosed() {
		String name;
		try (ShadowDatabase shadow = ShadowDatabase.temporary(db.dataSource(), ShadowTestSupport.connector(db),
				Vocabulary.java())) {
			name = ((TemporaryShadow) shadow).name();
			assertThat(name).matches("migrate_shadow_[0-9a-f]{12}");
			assertThat(shadow.describe()).isEqualTo("temporary database \"" + name + "\"");
			assertThat(ShadowTestSupport.query(shadow.dataSource(), "SELECT current_database()")).isEqualTo(name);
			assertThat(ShadowTestSupport.exists(db, name)).isTrue();
			assertThat(ShadowTestSupport.query(shadow.dataSource(), "SHOW synchronous_commit"))
				.as("what a shadow holds is thrown away: its commits do not wait for the disk")
				.isEqualTo("off");
		}
		assertThat(ShadowTestSupport.exists(db, name)).isFalse();
	}

	@Test
	void temporaryDatabaseIsDroppedAfterAFailureEvenWithSessionsStillConnected() throws Exception {
		String[] name = new String[1];
		Connection[] left = new Connection[1];
		assertThatThrownBy(() -> {
			try (ShadowDatabase shadow = ShadowDatabase.temporary(db.dataSource(), ShadowTestSupport.connector(db),
					Vocabulary.java())) {
				name[0] = ((TemporaryShadow) shadow).name();
				left[0] = shadow.dataSource().getConnection();
				SchemaScript.of("schema.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id no_such_type);\n")
					.applyTo(shadow.dataSource());
			}
		}).isInstanceOf(MigrateException.class).hasMessageContaining("schema.sql:2: CREATE TABLE b");
		assertThat(name[0]).isNotNull();
		assertThat(ShadowTestSupport.exists(db, name[0])).isFalse();
		left[0].close();
	}

	@Test
	void aRoleThatMayNotCreateDatabasesIsToldWhichOptionToUseInstead() {
		String role = PostgresDatabase.uniqueName("migrate_nocreatedb");
		db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'secret' NOCREATEDB");
		try {
			DataSource asRole = ShadowTestSupport.dataSource(db, db.name(), role, "secret");
			Vocabulary commandLine = TestVocabulary.INSTANCE;
			assertThatThrownBy(() -> ShadowDatabase.temporary(asRole, ShadowTestSupport.connector(db), commandLine))
				.isInstanceOfSatisfying(MigrateException.class, (ex) -> {
					assertThat(ex.code()).isEqualTo(ErrorCode.DATABASE);
					assertThat(ex.description()).contains("the role \"" + role + "\" may not CREATE DATABASE");
					assertThat(ex.action()).contains("<shadow-url>")
						.contains("ALTER ROLE \"" + role + "\" CREATEDB");
				});
			assertThatThrownBy(
					() -> ShadowDatabase.temporary(asRole, ShadowTestSupport.connector(db), TestVocabulary.INSTANCE))
				.hasMessageContaining("<shadow-url>");
		}
		finally {
			db.execute("DROP ROLE " + role);
		}
	}

	@Test
	void temporaryDatabaseIsDroppedWhenTheJvmIsStopped() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				TemporaryShadowProcess.class.getName(), db.url(), db.user(), db.password())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String name;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line = out.readLine();
			while (line != null && !line.startsWith("shadow=")) {
				line = out.readLine();
			}
			assertThat(line).as("the name the process printed").isNotNull();
			name = line.substring("shadow=".length());
			assertThat(ShadowTestSupport.exists(db, name)).isTrue();
			process.destroy();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		assertThat(ShadowTestSupport.exists(db, name)).isFalse();
	}

	@Test
	void givenDatabaseIsUsedWhenEmptyAndEmptiedAfterUse() {
		DataSource shadowSource = given.dataSource();
		try (ShadowDatabase shadow = ShadowDatabase.provided(shadowSource, "given", db.dataSource(),
				Vocabulary.java())) {
			assertThat(shadow.describe()).isEqualTo("shadow database given");
			ShadowTestSupport.execute(shadow.dataSource(), "CREATE SCHEMA app; CREATE TABLE app.a (id int); "
					+ "CREATE TABLE public.b (id int); CREATE TYPE mood AS ENUM ('ok'); CREATE EXTENSION IF NOT EXISTS "
					+ "pg_trgm WITH SCHEMA public; CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA app");
		}
		assertThat(ShadowTestSupport.query(shadowSource,
				"SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
						+ "AND nspname <> 'information_schema'"))
			.isEqualTo("public");
		assertThat(ShadowTestSupport.query(shadowSource, "SELECT string_agg(extname, ',') FROM pg_extension"))
			.isEqualTo("plpgsql");
		try (ShadowDatabase again = ShadowDatabase.provided(shadowSource, "given", db.dataSource(),
				Vocabulary.java())) {
			assertThat(ShadowTestSupport.query(again.dataSource(), "SELECT count(*) FROM pg_class c "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'")).isEqualTo("0");
		}
	}

	@Test
	void givenDatabaseThatHoldsSomethingIsRefusedAndLeftAsItIs() {
		db.execute("CREATE TABLE IF NOT EXISTS keep_me (id int)");
		DataSource notEmpty = db.dataSource();
		assertThatThrownBy(() -> ShadowDatabase.provided(notEmpty, "jdbc:postgresql://host/app", given.dataSource(),
				TestVocabulary.INSTANCE))
			.isInstanceOfSatisfying(MigrateException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.CONFIGURATION);
				assertThat(ex.description()).isEqualTo("The shadow database jdbc:postgresql://host/app "
						+ "(<shadow-url>) is not empty: it holds relation keep_me");
				assertThat(ex.action()).contains("an empty database of its own");
			});
		assertThat(ShadowTestSupport.count(db, "SELECT count(*) FROM pg_class WHERE relname = 'keep_me'")).isOne();
	}

	@Test
	void givenDatabaseThatIsTheTargetIsRefused() {
		assertThatThrownBy(() -> ShadowDatabase.provided(given.dataSource(), "same", given.dataSource(),
				TestVocabulary.INSTANCE))
			.isInstanceOfSatisfying(MigrateException.class, (ex) -> assertThat(ex.description())
				.isEqualTo("The shadow database same (<shadow-url>) is the database the "
						+ "command works on"));
	}

}
