package dev.migrate.autoconfigure;

import java.util.List;

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

	private final List<StartupMigration> startups;

	private final boolean exitAfterMigrate;

	private final ConfigurableApplicationContext context;

	/**
	 * Create the runner.
	 * @param startups the startup actions to run (of the further instances first, the default
	 * instance last), empty when they run elsewhere (eager phase) or not at all
	 * @param exitAfterMigrate whether to exit afterwards
	 * @param context the application context
	 */
	MigrateStartupRunner(List<StartupMigration> startups, boolean exitAfterMigrate,
			ConfigurableApplicationContext context) {
		this.startups = List.copyOf(startups);
		this.exitAfterMigrate = exitAfterMigrate;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.startups.isEmpty()) {
			AvailabilityChangeEvent.publish(this.context, ReadinessState.REFUSING_TRAFFIC);
			this.startups.forEach(StartupMigration::run);
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
