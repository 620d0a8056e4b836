package dev.migrate.slices.data.jdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A note, mapped by Spring Data JDBC onto the table the revisions create.
 *
 * @param id the id, {@code null} until saved
 * @param title the title
 * @param body the body
 */
@Table("note")
public record Note(@Id Long id, String title, String body) {
}
