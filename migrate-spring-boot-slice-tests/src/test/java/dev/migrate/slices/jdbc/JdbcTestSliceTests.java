package dev.migrate.slices.jdbc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrate.Migrator;
import dev.migrate.slices.SliceDatabase;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @JdbcTest} runs the revisions before the test, on the test database.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
class JdbcTestSliceTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(registry, db);
	}

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Migrator migrator;

	@Test
	void revisionsRanBeforeTheTest() {
		assertThat(this.jdbc.queryForList("SELECT version_num FROM migrate_version", String.class))
			.containsExactly("5e1000000002");
		this.jdbc.update("INSERT INTO note (title, body) VALUES ('slice', 'body')");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM note", Integer.class)).isEqualTo(1);
	}

	@Test
	void theMigratorIsThereForTestsThatMoveTheSchema() {
		assertThat(this.migrator.current()).containsExactly("5e1000000002");
	}

}
