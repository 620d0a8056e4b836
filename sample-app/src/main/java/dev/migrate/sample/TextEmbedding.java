package dev.migrate.sample;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Turns text into a small L2-normalised vector by hashing its words and character trigrams
 * (no model, no download: the same text always gives the same vector).
 *
 * <p>
 * Each lower-cased word adds weight 1 and each trigram of the word, padded with {@code ^}
 * and {@code $}, adds 0.5, to one of {@link #DIMENSIONS} components chosen by a hash of the
 * feature, with a sign taken from the same hash. Texts that share words and word fragments
 * therefore point in similar directions. Stored embeddings depend on this exact function:
 * changing it means re-embedding every document.
 */
@Component
public final class TextEmbedding {

	/** Number of components; must match the {@code vector(32)} column of {@code documents}. */
	public static final int DIMENSIONS = 32;

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{Nd}]+");

	private static final float WORD_WEIGHT = 1.0f;

	private static final float TRIGRAM_WEIGHT = 0.5f;

	/**
	 * Embeds the given text.
	 * @param text the text to embed
	 * @return a vector of {@link #DIMENSIONS} components with Euclidean length 1
	 * @throws IllegalArgumentException if the text has no letters or digits
	 */
	public float[] embed(String text) {
		double[] sums = new double[DIMENSIONS];
		for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
			if (word.isEmpty()) {
				continue;
			}
			add(sums, "w:" + word, WORD_WEIGHT);
			String padded = "^" + word + "$";
			int[] codePoints = padded.codePoints().toArray();
			for (int i = 0; i + 3 <= codePoints.length; i++) {
				add(sums, "t:" + new String(codePoints, i, 3), TRIGRAM_WEIGHT);
			}
		}
		double norm = 0;
		for (double sum : sums) {
			norm += sum * sum;
		}
		norm = Math.sqrt(norm);
		if (norm == 0) {
			throw new IllegalArgumentException("Text '" + abbreviate(text)
					+ "' has no letters or digits to embed; expected at least one word");
		}
		float[] vector = new float[DIMENSIONS];
		for (int i = 0; i < DIMENSIONS; i++) {
			vector[i] = (float) (sums[i] / norm);
		}
		return vector;
	}

	private static void add(double[] sums, String feature, float weight) {
		int hash = hash(feature);
		int index = Integer.remainderUnsigned(hash, DIMENSIONS);
		sums[index] += (hash < 0) ? -weight : weight;
	}

	/** FNV-1a over the UTF-8 bytes, then MurmurHash3's finalizer so low and high bits mix. */
	private static int hash(String feature) {
		int hash = 0x811c9dc5;
		for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= 0x01000193;
		}
		hash ^= hash >>> 16;
		hash *= 0x85ebca6b;
		hash ^= hash >>> 13;
		hash *= 0xc2b2ae35;
		hash ^= hash >>> 16;
		return hash;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "...";
	}

}
