package dev.migrate.slices.data.jpa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application the {@code @DataJpaTest} slices find. */
@SpringBootApplication
public class DataJpaSliceApplication {

}
