package dev.migrate.engine;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A value made once, by the first thread that asks for it, so that what a start with nothing to do
 * does not need is never made.
 *
 * @param <T> the type of the value
 */
final class OnFirstUse<T> {

	private final Supplier<T> factory;

	private volatile @Nullable T value;

	OnFirstUse(Supplier<T> factory) {
		this.factory = factory;
	}

	/** The value, made now if it was not yet. */
	T get() {
		T result = this.value;
		if (result == null) {
			synchronized (this) {
				result = this.value;
				if (result == null) {
					result = this.factory.get();
					this.value = result;
				}
			}
		}
		return result;
	}

	/** Whether the value was made. */
	boolean made() {
		return this.value != null;
	}

}
