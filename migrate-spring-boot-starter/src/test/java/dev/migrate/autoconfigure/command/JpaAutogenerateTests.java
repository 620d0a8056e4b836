package dev.migrate.autoconfigure.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.jpaexample.v1.Author;
import dev.migrate.jpaexample.v2.Book;
import dev.migrate.command.ExitStatus;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JPA path of {@code revision --autogenerate} on a real PostgreSQL: in command mode, without
 * {@code --to}, the desired schema is Hibernate's create script for the application's entities.
 * The example's model has two versions ({@code dev.migrate.jpaexample.v1}: authors; {@code dev.migrate.jpaexample.v2}: authors with an
 * e-mail address, and books with tags).
 */
@ExtendWith(OutputCaptureExtension.class)
class JpaAutogenerateTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@TempDir
	Path revisions;

	private ApplicationContextRunner application(Class<?> model) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					HibernateJpaAutoConfiguration.class, MigrateAutoConfiguration.class,
					MigrateCommandAutoConfiguration.class))
			.withUserConfiguration(model)
			.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
					"spring.datasource.password=" + db.password(), "migrate.locations=filesystem:" + this.revisions);
	}

	@Test
	void entitiesBecomeRevisionsThatLeaveNothingToGenerate(CapturedOutput output) throws IOException {
		assertThat(execute(application(V1.class), "revision --autogenerate -m 'create author'")).isZero();
		assertThat(output.getOut()).contains("Detected table \"author\" added");
		Path first = single();
		assertThat(Files.readString(first)).contains("-- message: create author\n").contains("CREATE TABLE author (");
		assertThat(execute(application(V1.class), "upgrade heads")).isZero();
		assertThat(execute(application(V1.class), "revision --autogenerate -m again")).isZero();
		assertThat(output.getOut()).contains("No changes in schema detected.\n");
		assertThat(files()).hasSize(1);

		assertThat(execute(application(V2.class), "revision --autogenerate -m 'books and tags'")).isZero();
		assertThat(output.getOut()).contains("Detected table \"author\": column \"email\" added")
			.contains("Detected table \"book\" added")
			.contains("Detected table \"book_tags\" added");
		assertThat(execute(application(V2.class), "upgrade heads")).isZero();
		int written = files().size();
		assertThat(execute(application(V2.class), "revision --autogenerate -m again")).isZero();
		assertThat(files()).hasSize(written);
		assertThat(execute(application(V2.class), "check --drift")).isZero();
		assertThat(output.getOut()).contains("No drift: the database schema is what its applied revisions create");
	}

	private Path single() throws IOException {
		List<Path> files = files();
		assertThat(files).hasSize(1);
		return files.get(0);
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> list = Files.list(this.revisions)) {
			return list.sorted().toList();
		}
	}

	private static int execute(ApplicationContextRunner runner, String command) {
		AtomicInteger status = new AtomicInteger(-1);
		runner.withPropertyValues("migrate.command=" + command).run((context) -> {
			assertThat(context).hasNotFailed();
			status.set(context.getBean(MigrateCommandRunner.class).execute());
		});
		return status.get();
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Author.class)
	static class V1 {

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Book.class)
	static class V2 {

	}

}
