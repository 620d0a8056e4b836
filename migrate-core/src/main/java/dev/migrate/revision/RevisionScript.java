package dev.migrate.revision;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.migrate.JavaRevision;
import dev.migrate.sql.SqlStatement;

/**
 * What runs for one direction of a revision: SQL statements from a file, or a Java revision's
 * method.
 */
public sealed interface RevisionScript {

	/**
	 * The statements of an {@code -- upgrade} or {@code -- downgrade} section, in order. A file
	 * that matches the revision index is split only when its statements are first asked for
	 * (that is, when the revision runs or its SQL is shown).
	 */
	final class Sql implements RevisionScript {

		private final @Nullable Supplier<List<SqlStatement>> deferred;

		private volatile @Nullable List<SqlStatement> statements;

		/**
		 * The statements of a section.
		 * @param statements the statements; empty for an explicit no-op
		 */
		public Sql(List<SqlStatement> statements) {
			this.statements = List.copyOf(statements);
			this.deferred = null;
		}

		private Sql(Supplier<List<SqlStatement>> deferred) {
			this.deferred = deferred;
		}

		/** Statements read when first asked for; the supplier throws when the file is no longer valid. */
		static Sql deferred(Supplier<List<SqlStatement>> statements) {
			return new Sql(Objects.requireNonNull(statements, "'statements' must not be null"));
		}

		/**
		 * The statements, in order; empty for an explicit no-op.
		 * @return the statements
		 * @throws dev.migrate.MigrateException when the statements are read now and the file
		 * changed since it was loaded or no longer parses
		 */
		public List<SqlStatement> statements() {
			List<SqlStatement> result = this.statements;
			if (result == null) {
				synchronized (this) {
					result = this.statements;
					if (result == null) {
						// no statements yet: made by deferred(...), so there is a supplier
						result = List.copyOf(Objects.requireNonNull(this.deferred).get());
						this.statements = result;
					}
				}
			}
			return result;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other || (other instanceof Sql sql && statements().equals(sql.statements()));
		}

		@Override
		public int hashCode() {
			return statements().hashCode();
		}

		@Override
		public String toString() {
			return "Sql[statements=" + statements() + "]";
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
