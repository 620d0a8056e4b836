package dev.migrate.revision;

/**
 * The content of one revision file found in a location, read once.
 *
 * @param fileName the file's name without directories
 * @param source the location-relative name for messages, e.g.
 * {@code classpath:db/revisions/1975ea83b712_create_account.sql}
 * @param origin where exactly the file was read from (a file path or a {@code jar:} URL), to
 * tell apart files with the same source in different classpath roots
 * @param content the file's bytes
 */
record RevisionFile(String fileName, String source, String origin, byte[] content) {

}
