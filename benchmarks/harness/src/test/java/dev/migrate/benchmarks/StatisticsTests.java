package dev.migrate.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsTests {

	@Test
	void fewerThanSixValuesHaveNoInterval() {
		assertThat(Statistics.medianInterval(List.of(1.0, 2.0, 3.0, 4.0, 5.0))).isNull();
		assertThat(Statistics.medianInterval(List.of())).isNull();
	}

	@Test
	void sixToEightValuesSpanFromTheSmallestToTheLargest() {
		// P(fewer than 1 of 6 heads) = 1/64 <= 2.5 %, P(fewer than 2) = 7/64 > 2.5 %
		assertThat(Statistics.medianInterval(List.of(6.0, 1.0, 5.0, 2.0, 4.0, 3.0))).containsExactly(1.0, 6.0);
		// n = 8: P(fewer than 1) = 1/256, P(fewer than 2) = 9/256 > 2.5 %
		assertThat(Statistics.medianInterval(values(8))).containsExactly(1.0, 8.0);
	}

	@Test
	void nineValuesDropTheSmallestAndTheLargest() {
		// P(fewer than 2 of 9 heads) = 10/512 <= 2.5 %, P(fewer than 3) = 46/512 > 2.5 %
		assertThat(Statistics.medianInterval(values(9))).containsExactly(2.0, 8.0);
	}

	@Test
	void twentyFiveValuesUseTheEighthFromEachEnd() {
		// P(fewer than 8 of 25 heads) = 0.0216 <= 2.5 %, P(fewer than 9) = 0.0539 > 2.5 %
		assertThat(Statistics.medianInterval(values(25))).containsExactly(8.0, 18.0);
	}

	@Test
	void medianOfEvenCountIsTheMeanOfTheMiddleTwo() {
		assertThat(Statistics.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
	}

	private static List<Double> values(int count) {
		List<Double> values = new ArrayList<>();
		for (int i = count; i >= 1; i--) {
			values.add((double) i);
		}
		return values;
	}

}
