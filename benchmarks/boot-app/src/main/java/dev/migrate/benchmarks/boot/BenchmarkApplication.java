package dev.migrate.benchmarks.boot;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The smallest Spring Boot service that uses its database: auto-configuration, a Hikari pool,
 * one runner that runs {@code select 1}, no web server; it exits once started. The migration
 * tool, if any, comes from the module that puts this class on its classpath with the tool's
 * starter (and actuator's, for the {@code -actuator} variants).
 */
@SpringBootApplication
public class BenchmarkApplication {

	@Bean
	ApplicationRunner selectOne(JdbcTemplate jdbcTemplate) {
		return (arguments) -> jdbcTemplate.queryForObject("select 1", Integer.class);
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(BenchmarkApplication.class, args);
		System.exit(SpringApplication.exit(context));
	}

}
