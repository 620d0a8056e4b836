package dev.migrate.autoconfigure.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.metrics.StartupStep.Tag;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The minimal service the {@link StartupBenchmark} boots in a fresh JVM: auto-configuration,
 * a pooled DataSource opened during refresh and a runner that queries the database once (as
 * any real service does at startup, so both variants pay for opening the pool). Prints the time taken by
 * {@link SpringApplication#run}, and the time the starter's beans and runner took on the main
 * thread (exclusive of the beans they depend on, such as the DataSource), then exits.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchmarkApplication {

	static final Duration[] runnerTime = { Duration.ZERO };

	@Bean
	ApplicationRunner touchDatabase(JdbcTemplate jdbcTemplate) {
		return (args) -> jdbcTemplate.queryForObject("SELECT 1", Integer.class);
	}

	@Bean
	InitializingBean openPool(DataSource dataSource) {
		return () -> dataSource.getConnection().close();
	}

	@Bean
	static BeanPostProcessor runnerTimer() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if ("migrateStartupRunner".equals(beanName) && bean instanceof ApplicationRunner runner) {
					return new TimedRunner(runner);
				}
				return bean;
			}

		};
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(BenchmarkApplication.class);
		BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
		application.setApplicationStartup(startup);
		long start = System.nanoTime();
		ConfigurableApplicationContext context = application.run(args);
		long elapsed = System.nanoTime() - start;
		context.close();
		double starterMs = starterBeansMs(startup) + runnerTime[0].toNanos() / 1e6;
		System.out.println("BENCHMARK_RUN_MS=" + (elapsed / 1_000_000.0));
		System.out.println("BENCHMARK_STARTER_MS=" + starterMs);
	}

	/** Exclusive instantiation time of the beans whose names mention migrate or migrations. */
	private static double starterBeansMs(BufferingApplicationStartup startup) {
		Map<Long, Long> childNanos = new HashMap<>();
		Map<Long, TimelineEvent> events = new HashMap<>();
		for (TimelineEvent event : startup.getBufferedTimeline().getEvents()) {
			events.put(event.getStartupStep().getId(), event);
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				childNanos.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		double total = 0;
		for (TimelineEvent event : events.values()) {
			if (!"spring.beans.instantiate".equals(event.getStartupStep().getName())) {
				continue;
			}
			String beanName = "";
			for (Tag tag : event.getStartupStep().getTags()) {
				if ("beanName".equals(tag.getKey())) {
					beanName = tag.getValue();
				}
			}
			if (beanName.toLowerCase(Locale.ROOT).contains("migrat")) {
				long exclusive = event.getDuration().toNanos()
						- childNanos.getOrDefault(event.getStartupStep().getId(), 0L);
				total += exclusive / 1e6;
			}
		}
		return total;
	}

	private static final class TimedRunner implements ApplicationRunner, Ordered {

		private final ApplicationRunner delegate;

		TimedRunner(ApplicationRunner delegate) {
			this.delegate = delegate;
		}

		@Override
		public void run(ApplicationArguments args) throws Exception {
			long start = System.nanoTime();
			try {
				this.delegate.run(args);
			}
			finally {
				runnerTime[0] = Duration.ofNanos(System.nanoTime() - start);
			}
		}

		@Override
		public int getOrder() {
			return (this.delegate instanceof Ordered ordered) ? ordered.getOrder() : Ordered.LOWEST_PRECEDENCE;
		}

	}

}
