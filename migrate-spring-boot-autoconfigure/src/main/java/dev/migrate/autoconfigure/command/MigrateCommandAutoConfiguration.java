package dev.migrate.autoconfigure.command;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

import dev.migrate.Migrator;
import dev.migrate.Redaction;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.autoconfigure.ApplicationShadow;
import dev.migrate.autoconfigure.CommandMode;
import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.autoconfigure.SpringBootVocabulary;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the command mode: when
 * {@code migrate.command} is set (e.g. {@code --migrate.command="downgrade -1"}), the application
 * runs that command with its {@link Migrator} and exits with the command's status instead of
 * serving traffic.
 */
@AutoConfiguration(after = MigrateAutoConfiguration.class)
@Conditional(MigrateCommandAutoConfiguration.CommandModeCondition.class)
public final class MigrateCommandAutoConfiguration {

	@Bean
	MigrateCommandRunner migrateCommandRunner(Environment environment, ObjectProvider<Migrator> migrator,
			ObjectProvider<DataSource> dataSource, ConfigurableApplicationContext context,
			ObjectProvider<EntityModelSchema> entityModelSchema) {
		String shadowUrl = environment.getProperty(SpringBootVocabulary.INSTANCE.setting(Setting.SHADOW_URL));
		return new MigrateCommandRunner(CommandMode.command(environment), migrator,
				database(environment, dataSource), context, new PrintWriter(System.out, true),
				new PrintWriter(System.err, true), System::exit, (commandMigrator, builder) -> {
					builder.shadow(new ApplicationShadow(shadowUrl, commandMigrator));
					entityModelSchema.ifAvailable(builder::desiredSchema);
				});
	}

	/** The database as {@code current -v} shows it: {@code migrate.url} or the DataSource's URL and user. */
	private static Supplier<@Nullable String> database(Environment environment,
			ObjectProvider<DataSource> dataSource) {
		return () -> {
			String url = environment.getProperty(SpringBootVocabulary.URL);
			if (url != null && !url.isBlank()) {
				String user = environment.getProperty(SpringBootVocabulary.USERNAME);
				return Redaction.redact(url) + ((user != null) ? " (user " + user + ")" : "");
			}
			DataSource application = dataSource.getIfUnique();
			if (application == null) {
				return null;
			}
			try (Connection connection = application.getConnection()) {
				DatabaseMetaData metaData = connection.getMetaData();
				return Redaction.redact(metaData.getURL()) + " (user " + metaData.getUserName() + ")";
			}
			catch (SQLException ex) {
				return null;
			}
		};
	}

	/**
	 * The desired schema of {@code revision --autogenerate} without {@code --to}, when the
	 * application uses JPA: its entities' create script.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.orm.jpa.AbstractEntityManagerFactoryBean",
			"jakarta.persistence.spi.PersistenceProvider" })
	static class JpaDesiredSchemaConfiguration {

		@Bean
		EntityModelSchema migrateJpaDesiredSchema(ObjectProvider<AbstractEntityManagerFactoryBean> factories) {
			return new JpaDesiredSchema(factories);
		}

	}

	/** Matches when {@code migrate.command} has text and migrate is enabled. */
	static final class CommandModeCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("migrate command mode");
			if (CommandMode.isOn(context.getEnvironment())) {
				return ConditionOutcome.match(message.because(SpringBootVocabulary.COMMAND + " is set"));
			}
			return ConditionOutcome.noMatch(
					message.because(SpringBootVocabulary.COMMAND + " is not set or migrate is disabled"));
		}

	}

}
