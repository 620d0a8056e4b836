package dev.migrate.sample;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How search measures the distance between two embeddings, with its pgvector operator.
 */
public enum DistanceMetric {

	/** Cosine distance, {@code <=>}; served by the HNSW index ({@code vector_cosine_ops}). */
	COSINE("<=>"),

	/**
	 * Euclidean distance, {@code <->}; ranks like cosine for normalised embeddings, but is not
	 * served by the cosine index.
	 */
	L2("<->");

	private final String operator;

	DistanceMetric(String operator) {
		this.operator = operator;
	}

	/** The pgvector operator that computes this distance. */
	public String operator() {
		return this.operator;
	}

	/**
	 * The metric with the given name, ignoring case.
	 * @param name {@code cosine} or {@code l2}
	 * @return the metric
	 * @throws IllegalArgumentException if no metric has that name
	 */
	public static DistanceMetric of(String name) {
		for (DistanceMetric metric : values()) {
			if (metric.name().equalsIgnoreCase(name.trim())) {
				return metric;
			}
		}
		throw new IllegalArgumentException("Unknown metric '" + name + "'; expected one of "
				+ Arrays.stream(values()).map((metric) -> metric.name().toLowerCase(Locale.ROOT))
					.collect(Collectors.joining(", ")));
	}

}
