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
 * {@code @DataJpaTest} runs the revisions, so entities and repositories work on the migrated
 * schema.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class DataJpaTestSliceTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(registry, db);
	}

	@Autowired
	private NoteRepository notes;

	@Test
	void repositoriesWorkOnTheMigratedSchema() {
		Note saved = this.notes.saveAndFlush(new Note("data jpa", "body from the second revision"));
		assertThat(this.notes.findById(saved.getId())).get()
			.extracting(Note::getBody)
			.isEqualTo("body from the second revision");
	}

}
