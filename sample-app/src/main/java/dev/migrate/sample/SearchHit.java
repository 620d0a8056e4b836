package dev.migrate.sample;

/**
 * One result of a similarity search.
 *
 * @param id the document's id
 * @param title the document's title
 * @param language the document's language tag
 * @param distance distance between the query's embedding and the document's (smaller is closer)
 */
public record SearchHit(long id, String title, String language, double distance) {

}
