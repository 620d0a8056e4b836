package dev.migrate.command;

import java.util.Locale;

import dev.migrate.Vocabulary;

/**
 * A front end's words for the commands' tests: each setting as {@code <lock-timeout>} and each
 * command as {@code <run stamp heads>} (its command line), so that a test sees where a command
 * used the caller's words.
 */
final class TestVocabulary implements Vocabulary {

	static final TestVocabulary INSTANCE = new TestVocabulary();

	private TestVocabulary() {
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
	public String command(Command command) {
		return "<run " + CommandLines.line(command) + ">";
	}

}
