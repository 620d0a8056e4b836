package dev.migrate.autoconfigure.boot;

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Full boots with {@code migrate.mode=validate}: pending revisions fail the startup without
 * writing anything; an up-to-date database starts.
 */
class ValidateModeBootTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@Test
	void pendingRevisionsFailTheStartupWithoutWriting() throws Exception {
		SpringApplication application = new SpringApplication(TestApplication.class);
		String[] arguments = Boot.arguments(db, "migrate.locations=classpath:revisions/pending", "migrate.mode=validate",
				"spring.main.web-application-type=none");
		Throwable failure = catchThrowable(() -> application.run(arguments));
		MigrateException ex = findMigrateException(failure);
		assertThat(ex.code()).isEqualTo(ErrorCode.PENDING_REVISIONS);
		assertThat(ex.description()).contains("5b00dd000001").contains("5b00dd000002");
		assertThat(ex.action()).isEqualTo("Upgrade the database: --migrate.command=\"upgrade heads\"");
		try (Connection connection = db.connect();
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT to_regclass('migrate_version'), to_regclass('note')")) {
			rs.next();
			assertThat(rs.getString(1)).isNull();
			assertThat(rs.getString(2)).isNull();
		}

		Migrator.create(db.dataSource(), MigrateSettings.builder().locations("classpath:revisions/pending").build())
			.upgrade("heads");
		ConfigurableApplicationContext context = application.run(arguments);
		assertThat(context.isActive()).isTrue();
		context.close();
	}

	static MigrateException findMigrateException(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MigrateException ex) {
				return ex;
			}
		}
		throw new AssertionError("No MigrateException in " + failure, failure);
	}

}
