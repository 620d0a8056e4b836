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

import dev.migrate.slices.SliceDatabase;
import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slice test with its own {@code migrate.target} sees the schema at that revision.
 */
@JdbcTest(properties = "migrate.target=5e1000000001")
@AutoConfigureTestDatabase(replace = Replace.NONE)
class JdbcTestTargetTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		SliceDatabase.register(registry, db);
	}

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theDatabaseIsAtTheTarget() {
		assertThat(this.jdbc.queryForList("SELECT version_num FROM migrate_version", String.class))
			.containsExactly("5e1000000001");
		assertThat(this.jdbc.queryForList(
				"SELECT column_name FROM information_schema.columns WHERE table_name = 'note' ORDER BY column_name",
				String.class))
			.containsExactly("id", "title");
	}

}
