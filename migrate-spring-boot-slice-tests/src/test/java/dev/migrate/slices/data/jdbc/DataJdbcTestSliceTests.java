package dev.migrate.slices.data.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrate.slices.SliceDatabase;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJdbcTest} runs the revisions, so repositories work on the migrated schema.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class DataJdbcTestSliceTests {

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
		Note saved = this.notes.save(new Note(null, "data jdbc", "body from the second revision"));
		assertThat(this.notes.findById(saved.id())).get()
			.extracting(Note::body)
			.isEqualTo("body from the second revision");
	}

}
