package dev.migrate.slices.data.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data JPA repository of {@link Note notes}. */
public interface NoteRepository extends JpaRepository<Note, Long> {

}
