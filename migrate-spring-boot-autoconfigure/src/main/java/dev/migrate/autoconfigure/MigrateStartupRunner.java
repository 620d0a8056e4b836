package dev.migrate.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * {@link ApplicationRunner} ordered before every other runner: in the {@code runner} phase it
 * runs the startup action while readiness is {@link ReadinessState#REFUSING_TRAFFIC} (Spring
 * Boot switches it to accepting once all runners are done); with
 * {@code migrate.exit-after-migrate} it then closes the context and exits with its exit code.
 */
final class MigrateStartupRunner implements ApplicationRunner, Ordered {

	private static final Log logger = LogFactory.getLog(MigrateStartupRunner.class);

	private final StartupMigration startup;

	private final boolean exitAfterMigrate;

	private final ConfigurableApplicationContext context;

	/**
	 * Create the runner.
	 * @param startup the startup action to run, or {@code null} when it runs elsewhere (eager
	 * phase) or not at all
	 * @param exitAfterMigrate whether to exit afterwards
	 * @param context the application context
	 */
	MigrateStartupRunner(StartupMigration startup, boolean exitAfterMigrate, ConfigurableApplicationContext context) {
		this.startup = startup;
		this.exitAfterMigrate = exitAfterMigrate;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.startup != null) {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
			this.startup.run();
		}
		if (this.exitAfterMigrate) {
			logger.info("Migration done; exiting (" + SpringBootVocabulary.EXIT_AFTER_MIGRATE + "=true)");
			System.exit(SpringApplication.exit(this.context));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
