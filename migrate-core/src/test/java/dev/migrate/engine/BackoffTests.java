package dev.migrate.engine;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The one jittered backoff of the lock, the DDL retries and await. */
class BackoffTests {

	@Test
	void pausesAreHalfTheBasePlusJitterAndGrowToTheCap() {
		for (int i = 0; i < 200; i++) {
			assertThat(Backoff.LOCK_POLL.pause(0).toMillis()).isBetween(50L, 100L);
			assertThat(Backoff.LOCK_POLL.pause(30).toMillis()).isBetween(500L, 1_000L);
			assertThat(Backoff.DDL_RETRY.pause(0).toMillis()).isBetween(100L, 200L);
			assertThat(Backoff.DDL_RETRY.pause(10).toMillis()).isBetween(5_000L, 10_000L);
			assertThat(Backoff.AWAIT_POLL.pause(3).toMillis()).isBetween(1_000L, 2_000L);
		}
	}

	@Test
	void aPauseNeverOutlastsTheDeadline() {
		long deadline = System.nanoTime() + Duration.ofMillis(20).toNanos();
		assertThat(Backoff.DDL_RETRY.pause(10, deadline)).isLessThanOrEqualTo(Duration.ofMillis(20));
		assertThat(Backoff.DDL_RETRY.pause(10, System.nanoTime() - 1)).isEqualTo(Duration.ofMillis(1));
	}

	@Test
	void anInterruptIsTheCallersFailureAndKeepsTheFlag() {
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> Backoff.sleep(Duration.ofSeconds(5),
						() -> new MigrateException(ErrorCode.AWAIT_TIMEOUT, "Interrupted", "Start again")))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.AWAIT_TIMEOUT));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

}
