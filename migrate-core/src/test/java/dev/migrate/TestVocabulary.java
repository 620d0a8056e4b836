package dev.migrate;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A front end's words for the core's tests: each setting as {@code <lock-timeout>} (with the
 * value advice suggests, e.g. {@code <validate-checksums=false>}) and each command as its
 * record, e.g. {@code <Stamp[targets=[heads], purge=false]>}, so that a test sees where the core used the caller's words. The
 * starter and the CLI test their own spellings.
 */
public final class TestVocabulary implements Vocabulary {

	/** The vocabulary without origins. */
	public static final TestVocabulary INSTANCE = new TestVocabulary(Map.of());

	private final Map<Setting, String> origins;

	private TestVocabulary(Map<Setting, String> origins) {
		this.origins = origins.isEmpty() ? Map.of() : new EnumMap<>(origins);
	}

	/**
	 * The vocabulary telling where the values of some settings came from.
	 * @param origins the sentences, by setting
	 * @return the vocabulary
	 */
	public static TestVocabulary withOrigins(Map<Setting, String> origins) {
		return new TestVocabulary(origins);
	}

	@Override
	public String setting(Setting setting) {
		String name = setting.name().toLowerCase(Locale.ROOT).replace('_', '-');
		return switch (setting) {
			case VALIDATE_CHECKSUMS -> "<" + name + "=false>";
			case ALLOW_UNKNOWN_REVISIONS -> "<" + name + "=true>";
			default -> "<" + name + ">";
		};
	}

	@Override
	public String origin(Setting setting) {
		return this.origins.get(setting);
	}

	@Override
	public String command(Command command) {
		return "<" + command + ">";
	}

}
