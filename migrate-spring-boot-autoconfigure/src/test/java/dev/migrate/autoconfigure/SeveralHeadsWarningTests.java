package dev.migrate.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SeveralHeadsWarning}: the default instance is told to merge through command
 * mode, a further instance (which command mode does not act on) through the CLI pointed at its
 * own revisions, each naming its own target property.
 */
class SeveralHeadsWarningTests {

	@Test
	void theDefaultInstanceMergesThroughCommandMode() {
		assertThat(SeveralHeadsWarning.message(List.of("a1", "b2"), List.of("classpath:db/revisions")))
			.startsWith("Database is at several heads: a1, b2 (migrate.target=heads applies every branch)")
			.contains("--migrate.command='merge -m \"merge heads\" heads --dir src/main/resources/db/revisions'");
	}

	@Test
	void aFurtherInstanceMergesWithTheCliPointedAtItsRevisions() {
		String message = SeveralHeadsWarning.message(List.of("a1", "b2"), List.of("classpath:db/analytics"),
				"analytics");
		assertThat(message)
			.startsWith("Database is at several heads: a1, b2 (migrate.instances.analytics.target=heads applies "
					+ "every branch)")
			.contains("'migrate merge -m \"merge heads\" heads --locations filesystem:src/main/resources/db/analytics'")
			.contains("migrate.command runs on the default instance only")
			.doesNotContain("--migrate.command=");
		assertThat(SeveralHeadsWarning.message(List.of("a1", "b2"), List.of("filesystem:/srv/analytics"), "analytics"))
			.contains("heads --locations filesystem:/srv/analytics'");
	}

}
