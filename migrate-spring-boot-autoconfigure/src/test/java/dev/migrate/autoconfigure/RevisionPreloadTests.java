package dev.migrate.autoconfigure;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.migrate.ErrorCode;
import dev.migrate.JavaRevision;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.RevisionInfo;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link RevisionPreload} and {@link RevisionPreloadApplicationListener}: revisions
 * read on a background thread while a {@link SpringApplication} starts are what the
 * auto-configured {@link Migrator} uses.
 */
class RevisionPreloadTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private final ClassLoader classLoader = getClass().getClassLoader();

	@Test
	void springApplicationUsesThePreloadedRevisionsTogetherWithJavaRevisionBeans() {
		try (ConfigurableApplicationContext context = run("migrate.locations=classpath:revisions/basic")) {
			assertThat(context.containsBean(RevisionPreload.BEAN_NAME)).isTrue();
			assertThat(context.getBean(MigratorFactory.class).usesPreload()).isTrue();
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(migrator.graph().contains("a1b2c3d4e5f6")).isTrue();
			assertThat(migrator.graph().heads()).containsExactly("d4java000001");
		}
	}

	@Test
	void nothingIsPreloadedWhenDisabled() {
		try (ConfigurableApplicationContext context = run("migrate.enabled=false")) {
			assertThat(context.containsBean(RevisionPreload.BEAN_NAME)).isFalse();
		}
	}

	@Test
	void preloadOfOtherLocationsIsIgnored() {
		MigrateProperties properties = new MigrateProperties();
		properties.setLocations(List.of("classpath:revisions/basic"));
		MigratorFactory factory = MigratorFactory.of(properties, List.of(), this.classLoader,
				RevisionPreload.start(List.of("classpath:revisions/pending"), this.classLoader));
		assertThat(factory.usesPreload()).isFalse();
		assertThat(factory.create(db.dataSource(), dev.migrate.MigrationListener.NONE).graph().heads())
			.containsExactly("b2c3d4e5f6a1");
	}

	@Test
	void preloadFailureNamesTheProperty() {
		MigrateProperties properties = new MigrateProperties();
		properties.setLocations(List.of("classpath:nope"));
		MigratorFactory factory = MigratorFactory.of(properties, List.of(), this.classLoader,
				RevisionPreload.start(List.of("classpath:nope"), this.classLoader));
		assertThat(factory.usesPreload()).isTrue();
		MigrateException ex = catchThrowableOfType(MigrateException.class,
				() -> factory.create(db.dataSource(), dev.migrate.MigrationListener.NONE));
		assertThat(ex.code()).isEqualTo(ErrorCode.LOCATION);
		assertThat(ex.description()).contains("classpath:nope").contains("migrate.locations");
		assertThat(ex.action()).startsWith("Create the directory src/main/resources/nope, or set migrate.locations to "
				+ "where the revisions are");
	}

	@Test
	void duplicateIdBetweenPreloadedAndJavaRevisionsFails() {
		MigrateProperties properties = new MigrateProperties();
		properties.setLocations(List.of("classpath:revisions/basic"));
		MigratorFactory factory = MigratorFactory.of(properties, List.of(new DuplicateJavaRevision()),
				this.classLoader, RevisionPreload.start(List.of("classpath:revisions/basic"), this.classLoader));
		MigrateException ex = catchThrowableOfType(MigrateException.class,
				() -> factory.create(db.dataSource(), dev.migrate.MigrationListener.NONE));
		assertThat(ex.code()).isEqualTo(ErrorCode.DUPLICATE_REVISION);
	}

	private ConfigurableApplicationContext run(String... properties) {
		SpringApplication application = new SpringApplication(PreloadApplication.class);
		String[] arguments = new String[properties.length + 6];
		arguments[0] = "--spring.datasource.url=" + db.url();
		arguments[1] = "--spring.datasource.username=" + db.user();
		arguments[2] = "--spring.datasource.password=" + db.password();
		arguments[3] = "--spring.main.web-application-type=none";
		arguments[4] = "--migrate.mode=off";
		arguments[5] = "--spring.main.banner-mode=off";
		for (int i = 0; i < properties.length; i++) {
			arguments[6 + i] = "--" + properties[i];
		}
		return application.run(arguments);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class PreloadApplication {

		@Bean
		JavaRevision javaRevision() {
			return new FollowingJavaRevision();
		}

	}

	@RevisionInfo(id = "d4java000001", downRevision = "b2c3d4e5f6a1", message = "java revision after the SQL ones")
	static class FollowingJavaRevision implements JavaRevision {

		@Override
		public void upgrade(Connection connection) {
		}

	}

	@RevisionInfo(id = "a1b2c3d4e5f6", message = "same id as a SQL revision")
	static class DuplicateJavaRevision implements JavaRevision {

		@Override
		public void upgrade(Connection connection) {
		}

	}

}
