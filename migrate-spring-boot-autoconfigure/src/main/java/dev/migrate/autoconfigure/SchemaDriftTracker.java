package dev.migrate.autoconfigure;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.shadow.DriftCheck;
import dev.migrate.shadow.ShadowDatabase;

/**
 * Runs drift checks ({@code check --drift}) for the running application on demand, and keeps the
 * last one's result for {@code /actuator/migrations}. Nothing runs at startup: a check creates a
 * shadow database and replays every applied revision into it.
 */
public final class SchemaDriftTracker {

	private final Migrator migrator;

	private final Supplier<ShadowDatabase> shadow;

	private volatile @Nullable DriftCheckResult last;

	/**
	 * Create a tracker.
	 * @param migrator the migrator of the database to check
	 * @param shadowUrl {@code migrate.shadow-url}, or {@code null} for a temporary database
	 */
	public SchemaDriftTracker(Migrator migrator, @Nullable String shadowUrl) {
		this.migrator = migrator;
		this.shadow = new ApplicationShadow(shadowUrl, migrator);
	}

	/**
	 * Run a drift check now and keep its result.
	 * @return the result; a check that could not run has an error and no differences
	 */
	public synchronized DriftCheckResult check() {
		DriftCheckResult result;
		try (ShadowDatabase shadowDatabase = this.shadow.get()) {
			List<String> differences = DriftCheck.run(this.migrator, this.migrator.dataSource(), shadowDatabase);
			result = new DriftCheckResult(Instant.now(), differences, null);
		}
		catch (MigrateException ex) {
			result = new DriftCheckResult(Instant.now(), List.of(), ex.getMessage());
		}
		this.last = result;
		return result;
	}

	/** The result of the last drift check, or {@code null} when none ran. */
	public @Nullable DriftCheckResult last() {
		return this.last;
	}

	/**
	 * The result of a drift check.
	 *
	 * @param checkedAt when it ran
	 * @param differences one sentence per difference between the database and its revisions
	 * @param error why the check could not run, or {@code null}
	 */
	public record DriftCheckResult(Instant checkedAt, List<String> differences, @Nullable String error) {

		public DriftCheckResult {
			differences = List.copyOf(differences);
		}

		/** Whether the database differs from what its revisions create. */
		public boolean drifted() {
			return !this.differences.isEmpty();
		}

	}

}
