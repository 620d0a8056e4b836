package dev.migrate.slices.jdbc;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the {@code @JdbcTest} slices find. */
@SpringBootApplication
public class JdbcSliceApplication {

}
