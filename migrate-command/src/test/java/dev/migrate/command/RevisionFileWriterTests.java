package dev.migrate.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionFileWriterTests {

	@Test
	void slugIsTheLowercasedWordsOfTheMessage() {
		assertThat(RevisionFileWriter.slug("Add cart table")).isEqualTo("add_cart_table");
		assertThat(RevisionFileWriter.slug("  add: 'last_tx' column (nullable)!")).isEqualTo("add_last_tx_column_nullable");
		assertThat(RevisionFileWriter.slug("Größe ändern")).isEqualTo("größe_ändern");
		assertThat(RevisionFileWriter.slug("?!")).isEmpty();
	}

	@Test
	void longSlugIsCutAtAWordBoundary() {
		String slug = RevisionFileWriter.slug("add the last transaction column to the account table for reports");
		assertThat(slug).isEqualTo("add_the_last_transaction_column_to_the");
		assertThat(slug.length()).isLessThanOrEqualTo(RevisionFileWriter.SLUG_LENGTH);
		assertThat(RevisionFileWriter.slug("x".repeat(50))).isEqualTo("x".repeat(40));
		assertThat(RevisionFileWriter.slug("a".repeat(40) + " b")).isEqualTo("a".repeat(40));
	}

}
