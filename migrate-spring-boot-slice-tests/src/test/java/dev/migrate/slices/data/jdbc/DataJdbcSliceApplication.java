package dev.migrate.slices.data.jdbc;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the {@code @DataJdbcTest} slice finds. */
@SpringBootApplication
public class DataJdbcSliceApplication {

}
