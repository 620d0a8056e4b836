package dev.migrate.sample;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A document to create: the body of {@code POST /documents}, checked and normalised.
 *
 * @param title the title, not blank, at most 200 characters
 * @param body the text, not blank
 * @param language a language tag such as {@code en} or {@code pt-BR}; {@code en} when absent
 * @param tags tag names, trimmed, lower-cased and de-duplicated; none when absent
 */
public record NewDocument(String title, String body, String language, List<String> tags) {

	private static final int MAX_TITLE_LENGTH = 200;

	private static final int MAX_TAG_LENGTH = 64;

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

	/**
	 * Checks and normalises the fields.
	 * @throws IllegalArgumentException naming the field and what was expected
	 */
	public NewDocument(@Nullable String title, @Nullable String body, @Nullable String language,
			@Nullable List<String> tags) {
		this.title = requireText("title", title).strip();
		if (this.title.length() > MAX_TITLE_LENGTH) {
			throw new IllegalArgumentException("Field 'title' has " + this.title.length()
					+ " characters; expected at most " + MAX_TITLE_LENGTH);
		}
		this.body = requireText("body", body);
		this.language = normaliseLanguage(language);
		this.tags = normaliseTags(tags);
	}

	/** A document in English without tags. */
	public NewDocument(String title, String body) {
		this(title, body, null, null);
	}

	/** The text that is embedded: title and body. */
	String text() {
		return this.title + "\n" + this.body;
	}

	/** Number of runs of non-whitespace characters in the body. */
	int wordCount() {
		int count = 0;
		boolean inWord = false;
		for (int i = 0; i < this.body.length(); i++) {
			boolean whitespace = Character.isWhitespace(this.body.charAt(i));
			if (!whitespace && !inWord) {
				count++;
			}
			inWord = !whitespace;
		}
		return count;
	}

	private static String requireText(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Field '" + field + "' is " + ((value == null) ? "missing" : "blank")
					+ "; expected some text");
		}
		return value;
	}

	private static String normaliseLanguage(@Nullable String language) {
		if (language == null || language.isBlank()) {
			return "en";
		}
		String trimmed = language.strip();
		if (!LANGUAGE.matcher(trimmed).matches() || trimmed.length() > 16) {
			throw new IllegalArgumentException(
					"Field 'language' is '" + language + "'; expected a language tag such as 'en' or 'pt-BR'");
		}
		return trimmed;
	}

	private static List<String> normaliseTags(@Nullable List<String> tags) {
		if (tags == null) {
			return List.of();
		}
		Set<String> normalised = new LinkedHashSet<>();
		for (String tag : tags) {
			if (tag == null || tag.isBlank()) {
				throw new IllegalArgumentException("Field 'tags' contains a blank tag; expected names");
			}
			String name = tag.strip().toLowerCase(Locale.ROOT);
			if (name.length() > MAX_TAG_LENGTH) {
				throw new IllegalArgumentException("Tag '" + tag + "' has " + name.length()
						+ " characters; expected at most " + MAX_TAG_LENGTH);
			}
			normalised.add(name);
		}
		return List.copyOf(normalised);
	}

}
