package dev.migrate.command;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.Vocabulary.Command;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link CommandLines}: the command lines advice prints, read back as they were meant. */
class CommandLinesTests {

	@Test
	void everyAdvisedCommandParsesToWhatItSays() {
		assertThat(CommandLines.line(Command.upgrade("heads"))).isEqualTo("upgrade heads");
		assertThat(Commands.parse(CommandLines.line(Command.upgrade("heads")))).isEqualTo(new UpgradeCommand("heads", false));
		assertThat(CommandLines.line(Command.stamp(List.of("<revision>"), true))).isEqualTo("stamp --purge <revision>");
		assertThat(Commands.parse(CommandLines.line(Command.stamp(List.of("heads"), true))))
			.isEqualTo(new StampCommand(List.of("heads"), true, false));
		assertThat(CommandLines.line(Command.acceptChecksums(List.of()))).isEqualTo("accept-checksum");
		assertThat(Commands.parse(CommandLines.line(Command.acceptChecksums(List.of("ae10", "1975")))))
			.isEqualTo(new AcceptChecksumCommand(List.of("ae10", "1975")));
		assertThat(CommandLines.line(Command.merge("merge heads", List.of("heads"))))
			.isEqualTo("merge -m \"merge heads\" heads");
		assertThat(Commands.parse(CommandLines.line(Command.merge("merge heads", List.of("heads")))))
			.isEqualTo(new MergeCommand("merge heads", List.of("heads"), null, null));
	}

	@Test
	void commandLinesQuoteWhatAShellWouldSplitOrExpand() {
		String line = CommandLines.line(Command.merge("say \"hi\" for $5", List.of("heads")));
		assertThat(line).isEqualTo("merge -m 'say \"hi\" for $5' heads");
		assertThat(CommandLineTokenizer.tokenize(line)).containsExactly("merge", "-m", "say \"hi\" for $5", "heads");
		String quotes = CommandLines.line(Command.merge("it's \"x\"", List.of("heads")));
		assertThat(quotes).isEqualTo("merge -m \"it's \\\"x\\\"\" heads");
		assertThat(CommandLineTokenizer.tokenize(quotes)).containsExactly("merge", "-m", "it's \"x\"", "heads");
	}

}
