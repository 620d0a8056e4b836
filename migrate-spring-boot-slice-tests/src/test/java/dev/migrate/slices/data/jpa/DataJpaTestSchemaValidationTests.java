package dev.migrate.slices.data.jpa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrate.slices.SliceDatabase;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code migrate.phase=eager} the revisions run before Hibernate starts, so
 * {@code ddl-auto=validate} checks the entities against the migrated schema.
 */
@DataJpaTest(properties = { "migrate.phase=eager", "spring.jpa.hibernate.ddl-auto=validate" })
@AutoConfigureTestDatabase(replace = Replace.NONE)
class DataJpaTestSchemaValidationTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(registry, db);
	}

	@Autowired
	private NoteRepository notes;

	@Test
	void hibernateValidatedTheMigratedSchema() {
		assertThat(this.notes.count()).isZero();
	}

}
