package dev.migrate.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommandLineTokenizerTests {

	@Test
	void splitsOnWhitespace() {
		assertThat(CommandLineTokenizer.tokenize("  downgrade\t-1  ")).containsExactly("downgrade", "-1");
		assertThat(CommandLineTokenizer.tokenize("")).isEmpty();
	}

	@Test
	void quotesKeepWordsTogether() {
		assertThat(CommandLineTokenizer.tokenize("revision -m \"add cart table\" --head=ae10"))
			.containsExactly("revision", "-m", "add cart table", "--head=ae10");
		assertThat(CommandLineTokenizer.tokenize("revision -m 'it''s \"quoted\"'"))
			.containsExactly("revision", "-m", "its \"quoted\"");
		assertThat(CommandLineTokenizer.tokenize("revision -m \"\"")).containsExactly("revision", "-m", "");
		assertThat(CommandLineTokenizer.tokenize("revision --message=\"a b\"c"))
			.containsExactly("revision", "--message=a bc");
	}

	@Test
	void backslashEscapes() {
		assertThat(CommandLineTokenizer.tokenize("revision -m a\\ b \"say \\\"hi\\\"\" 'c\\d'"))
			.containsExactly("revision", "-m", "a b", "say \"hi\"", "c\\d");
		assertThat(CommandLineTokenizer.tokenize("x \"a\\nb\"")).containsExactly("x", "a\\nb");
	}

	@Test
	void unclosedQuoteIsAUsageError() {
		assertThatExceptionOfType(UsageException.class)
			.isThrownBy(() -> CommandLineTokenizer.tokenize("revision -m \"add cart"))
			.withMessageContaining("unclosed \" quote");
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CommandLineTokenizer.tokenize("show a\\"))
			.withMessageContaining("backslash");
	}

}
