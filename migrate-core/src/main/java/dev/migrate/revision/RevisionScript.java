package dev.migrate.revision;

import java.util.List;

import dev.migrate.JavaRevision;
import dev.migrate.sql.SqlStatement;

/**
 * What runs for one direction of a revision: SQL statements from a file, or a Java revision's
 * method.
 */
public sealed interface RevisionScript {

	/**
	 * The statements of an {@code -- upgrade} or {@code -- downgrade} section, in order.
	 *
	 * @param statements the statements; empty for an explicit no-op
	 */
	record Sql(List<SqlStatement> statements) implements RevisionScript {

		public Sql {
			statements = List.copyOf(statements);
		}

	}

	/**
	 * A Java revision's {@code upgrade} or {@code downgrade} method.
	 *
	 * @param revision the revision instance
	 * @param upgrade {@code true} for {@link JavaRevision#upgrade}, {@code false} for
	 * {@link JavaRevision#downgrade}
	 */
	record Java(JavaRevision revision, boolean upgrade) implements RevisionScript {

	}

}
