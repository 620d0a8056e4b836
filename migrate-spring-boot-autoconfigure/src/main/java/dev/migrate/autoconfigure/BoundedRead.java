package dev.migrate.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;

/**
 * Runs a database read on its own daemon thread and waits for it at most a timeout, so that a
 * caller (an HTTP request, a health check) gets an answer even when the database went away and
 * the pool or the socket would block for much longer. One read at a time: a caller that comes
 * while a read is still under way waits for that same read instead of starting another, so a
 * database that never answers holds one thread, not one per request.
 *
 * @param <T> the result of the read
 */
final class BoundedRead<T> {

	private final Supplier<T> read;

	private final Duration timeout;

	private final String property;

	private CompletableFuture<T> inFlight;

	/**
	 * Create a bounded read.
	 * @param read the read
	 * @param timeout how long callers wait
	 * @param property the property that sets the timeout, for the failure
	 */
	BoundedRead(Supplier<T> read, Duration timeout, String property) {
		this.read = read;
		this.timeout = timeout;
		this.property = property;
	}

	/**
	 * Read, waiting at most the timeout.
	 * @return the result
	 * @throws MigrateException what the read threw, or {@link ErrorCode#DATABASE_UNREACHABLE}
	 * when it did not end within the timeout
	 */
	T get() {
		CompletableFuture<T> current = current();
		try {
			return current.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			throw new MigrateException(ErrorCode.DATABASE_UNREACHABLE,
					"The database did not answer within " + this.property + " (" + this.timeout.toMillis() + " ms)",
					"Check that the database is reachable (its own health indicator, the application's log)", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrateException(ErrorCode.DATABASE, "Interrupted while reading the migration state", null, ex);
		}
	}

	private synchronized CompletableFuture<T> current() {
		if (this.inFlight == null || this.inFlight.isDone()) {
			CompletableFuture<T> future = new CompletableFuture<>();
			Thread thread = new Thread(() -> {
				try {
					future.complete(this.read.get());
				}
				catch (Throwable ex) {
					future.completeExceptionally(ex);
				}
			}, "migrate-state-read");
			thread.setDaemon(true);
			thread.start();
			this.inFlight = future;
		}
		return this.inFlight;
	}

}
