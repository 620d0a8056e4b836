package dev.migrate.autoconfigure.boot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Full boots against a database at a revision this build does not know (a rolled-back deploy):
 * the startup fails by default and, with {@code migrate.allow-unknown-revisions=true}, starts
 * without applying anything and says why.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownRevisionBootTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@Test
	void databaseAheadOfTheCodeFailsUnlessAllowed(CapturedOutput output) {
		Migrator.create(db.dataSource(), MigrateSettings.builder().locations("classpath:revisions/pending").build())
			.upgrade("heads");
		db.execute("UPDATE migrate_version SET version_num = 'c0ffee000099'");
		SpringApplication application = new SpringApplication(TestApplication.class);

		Throwable failure = catchThrowable(() -> application.run(Boot.arguments(db,
				"migrate.locations=classpath:revisions/pending", "spring.main.web-application-type=none")));
		MigrateException ex = ValidateModeBootTests.findMigrateException(failure);
		assertThat(ex.code()).isEqualTo(ErrorCode.UNKNOWN_REVISION_IN_DATABASE);
		assertThat(ex.getMessage()).contains("c0ffee000099");
		assertThat(ex.action()).isEqualTo("Deploy the newer version of the application; or, if the revision was "
				+ "removed on purpose, rewrite the version table with --migrate.command=\"stamp --purge <revision>\"; "
				+ "or start this version anyway with migrate.allow-unknown-revisions=true");

		ConfigurableApplicationContext context = application.run(Boot.arguments(db,
				"migrate.locations=classpath:revisions/pending", "migrate.allow-unknown-revisions=true",
				"spring.main.web-application-type=none"));
		try {
			assertThat(output).contains("Database is at c0ffee000099, unknown to this build; nothing was applied")
				.doesNotContain("Database is up to date");
			assertThat(context.getBean(Migrator.class).current()).containsExactly("c0ffee000099");
		}
		finally {
			context.close();
		}
	}

}
