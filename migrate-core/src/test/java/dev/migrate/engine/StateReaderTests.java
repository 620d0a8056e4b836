package dev.migrate.engine;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decoding the recorded checksums from their aggregate of length-prefixed fields.
 */
class StateReaderTests {

	@Test
	void checksumsAreReadFieldByFieldWhateverTheyHold() {
		String aggregate = "2:a16:abcdef" + "7:12:34:5" + "3:x:y" + "4:r\uD83D\uDE00ok2:42";
		assertThat(StateReader.checksums(aggregate)).containsExactlyInAnyOrderEntriesOf(
				Map.of("a1", "abcdef", "12:34:5", "x:y", "r\uD83D\uDE00ok", "42"));
	}

	@Test
	void noRowsAggregateToNull() {
		assertThat(StateReader.checksums(null)).isEmpty();
		assertThat(StateReader.checksums("")).isEmpty();
	}

}
