package dev.migrate.benchmarks.starter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The smallest starter that checks the database when the application starts: one
 * auto-configuration, conditional on one {@link DataSource}, whose runner asks PostgreSQL one
 * question about a table. What it costs over the app without it is what any such starter pays
 * for Spring Boot's processing of an auto-configuration, a bean and a runner; the benchmarks set
 * migrate's start-up cost beside it.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnSingleCandidate(DataSource.class)
public final class StarterFloorAutoConfiguration {

	@Bean
	ApplicationRunner starterFloorRunner(DataSource dataSource) {
		return (arguments) -> check(dataSource);
	}

	private static void check(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT to_regclass('migrate_version') IS NOT NULL")) {
			result.next();
		}
	}

}
