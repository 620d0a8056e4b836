package dev.migrate.sample;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored document, as {@code GET /documents/{id}} returns it.
 *
 * @param id the id
 * @param title the title
 * @param body the text
 * @param language the language tag
 * @param wordCount number of words in the body
 * @param tags tag names in alphabetical order
 * @param views how many times the document was fetched
 * @param createdAt when the document was created
 * @param embedding the stored embedding, read back from the {@code vector} column
 */
public record Document(long id, String title, String body, String language, int wordCount, List<String> tags,
		long views, OffsetDateTime createdAt, float[] embedding) {

}
