package dev.migrate.autoconfigure.benchmark;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The minimal service the {@link StartupBenchmark} boots in a fresh JVM: auto-configuration,
 * a pooled DataSource and a runner that queries the database once (as any real service does
 * at startup, so both variants pay for opening the pool). Prints the time taken by
 * {@link SpringApplication#run} and exits.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchmarkApplication {

	@Bean
	ApplicationRunner touchDatabase(JdbcTemplate jdbcTemplate) {
		return (args) -> jdbcTemplate.queryForObject("SELECT 1", Integer.class);
	}

	public static void main(String[] args) {
		long start = System.nanoTime();
		ConfigurableApplicationContext context = SpringApplication.run(BenchmarkApplication.class, args);
		long elapsed = System.nanoTime() - start;
		context.close();
		System.out.println("BENCHMARK_RUN_MS=" + (elapsed / 1_000_000.0));
	}

}
