package dev.migrate.autoconfigure;

import java.sql.Connection;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.javapoet.ClassName;
import org.springframework.mock.env.MockEnvironment;

import dev.migrate.JavaRevision;
import dev.migrate.RevisionInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for the native-image hints: {@link MigrateRuntimeHints} and
 * {@link MigrateBeanFactoryInitializationAotProcessor}.
 */
class MigrateRuntimeHintsTests {

	@Test
	void defaultLocationAndRevisionInfoAreRegistered() {
		RuntimeHints hints = new RuntimeHints();
		new MigrateRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/a1b2c3d4e5f6_create.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/2026/b2c3d4e5f6a1_more.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/revisions/migrate.index"))
			.as("the revision index, through which a native image reads the location")
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migration/V1__flyway.sql")).rejects(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(RevisionInfo.class)).accepts(hints);
	}

	@Test
	void autoConfigurationImportsTheHints() {
		Class<?>[] registrars = MergedAnnotations.from(MigrateAutoConfiguration.class)
			.get(ImportRuntimeHints.class)
			.getClassArray("value");
		assertThat(registrars).containsExactly(MigrateRuntimeHints.class);
	}

	@Test
	void processorIsRegisteredInAotFactories() {
		assertThat(AotServices.factories(getClass().getClassLoader()).load(BeanFactoryInitializationAotProcessor.class))
			.hasAtLeastOneElementOfType(MigrateBeanFactoryInitializationAotProcessor.class);
	}

	@Test
	void processorRegistersTheConfiguredClasspathLocationsAndJavaRevisionBeans() {
		RuntimeHints hints = process(new MockEnvironment().withProperty("migrate.locations",
				"classpath:revisions/basic, filesystem:/srv/revisions, classpath:/db/more/"), true);
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("revisions/basic/a1b2c3d4e5f6_create_account_table.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/more/c3_more.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("srv/revisions/c3_more.sql")).rejects(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(BackfillRevision.class)).accepts(hints);
	}

	@Test
	void processorRegistersTheRevisionIndexOfEveryClasspathLocationOfEveryInstance() {
		RuntimeHints hints = process(new MockEnvironment().withProperty("migrate.locations", "classpath:revisions/basic")
			.withProperty("migrate.instances.billing.locations", "revisions/billing, filesystem:/srv/billing")
			.withProperty("migrate.instances.billing.url", "jdbc:postgresql://localhost/billing")
			.withProperty("migrate.instances.audit.locations[0]", "classpath:/audit/revisions/"), false);
		assertThat(RuntimeHintsPredicates.resource().forResource("revisions/basic/migrate.index")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("revisions/billing/migrate.index"))
			.as("a location without prefix is on the classpath")
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("revisions/billing/2026/b2_more.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("audit/revisions/migrate.index")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("srv/billing/migrate.index")).rejects(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("revisions/other/migrate.index")).rejects(hints);
	}

	@Test
	void processorContributesNothingWithTheDefaultLocationAndNoJavaRevisions() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.setEnvironment(new MockEnvironment().withProperty("migrate.locations", "filesystem:revisions"));
		context.refreshForAotProcessing(new RuntimeHints());
		assertThat(new MigrateBeanFactoryInitializationAotProcessor().processAheadOfTime(context.getBeanFactory()))
			.isNull();
	}

	private static RuntimeHints process(MockEnvironment environment, boolean withJavaRevision) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.setEnvironment(environment);
		if (withJavaRevision) {
			context.registerBean(BackfillRevision.class);
		}
		context.refreshForAotProcessing(new RuntimeHints());
		BeanFactoryInitializationAotContribution contribution = new MigrateBeanFactoryInitializationAotProcessor()
			.processAheadOfTime(context.getBeanFactory());
		assertThat(contribution).isNotNull();
		GenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Application")), new InMemoryGeneratedFiles());
		contribution.applyTo(generationContext, mock(BeanFactoryInitializationCode.class));
		return generationContext.getRuntimeHints();
	}

	@RevisionInfo(id = "d4java000001", downRevision = "b2c3d4e5f6a1", message = "backfill")
	static class BackfillRevision implements JavaRevision {

		@Override
		public void upgrade(Connection connection) {
		}

	}

}
