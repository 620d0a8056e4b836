package dev.migrate.autoconfigure;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import dev.migrate.MigrateException;
import dev.migrate.revision.LoadedRevisions;
import dev.migrate.revision.RevisionLoader;

/**
 * The SQL revisions of {@code migrate.locations}, read and parsed on a background thread while
 * the application context is prepared, so that an application with many revisions does not pay
 * for reading them on the main thread. Used only when the locations and class loader match
 * those of the auto-configuration.
 */
final class RevisionPreload {

	static final String BEAN_NAME = "migrateRevisionPreload";

	private final List<String> locations;

	private final ClassLoader classLoader;

	private final FutureTask<LoadedRevisions> revisions;

	private RevisionPreload(List<String> locations, ClassLoader classLoader, FutureTask<LoadedRevisions> revisions) {
		this.locations = List.copyOf(locations);
		this.classLoader = classLoader;
		this.revisions = revisions;
	}

	/**
	 * Start reading the revisions of some locations on a daemon thread.
	 * @param locations the locations
	 * @param classLoader the class loader for {@code classpath:} locations
	 * @return the preload
	 */
	static RevisionPreload start(List<String> locations, ClassLoader classLoader) {
		// a FutureTask rather than a CompletableFuture, which would initialise the fork-join pool
		FutureTask<LoadedRevisions> revisions = new FutureTask<>(
				() -> RevisionLoader.loadAll(locations, classLoader, List.of(), SpringBootVocabulary.INSTANCE));
		Thread thread = new Thread(revisions, "migrate-revision-preload");
		thread.setDaemon(true);
		thread.start();
		return new RevisionPreload(locations, classLoader, revisions);
	}

	/** Whether this preload read the given locations with the given class loader. */
	boolean matches(List<String> locations, ClassLoader classLoader) {
		return this.locations.equals(locations) && Objects.equals(this.classLoader, classLoader);
	}

	/**
	 * The revisions, waiting for the background thread if needed.
	 * @return the revisions
	 * @throws MigrateException when they could not be loaded
	 */
	LoadedRevisions revisions() {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return this.revisions.get();
				}
				catch (InterruptedException ex) {
					// the revisions are needed either way; the interrupt is kept for the caller
					interrupted = true;
				}
			}
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtimeException) {
				throw runtimeException;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("Reading the revisions failed", ex.getCause());
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
