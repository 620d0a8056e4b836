package dev.migrate.slices.data.jdbc;

import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JDBC repository of {@link Note notes}. */
public interface NoteRepository extends ListCrudRepository<Note, Long> {

}
