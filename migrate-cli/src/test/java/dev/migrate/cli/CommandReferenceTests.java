package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.migrate.command.CommandLineTokenizer;
import dev.migrate.command.Commands;
import dev.migrate.command.HelpCommand;
import dev.migrate.command.MigrateCommand;
import dev.migrate.command.UsageException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example of the README's command reference ({@code ## Commands}: {@code migrate ...}
 * lines and {@code --migrate.command="..."} arguments), parsed by the command line and by the
 * application's command mode: both accept it and read the same command.
 */
class CommandReferenceTests {

	private static final Pattern CLI_EXAMPLE = Pattern.compile("^(?:\\$ )?migrate (.+)$", Pattern.MULTILINE);

	private static final Pattern COMMAND_MODE_EXAMPLE = Pattern
		.compile("--migrate\\.command=(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\S+)");

	@Test
	void everyExampleOfTheCommandReferenceMeansTheSameInBothFrontEnds() throws IOException {
		List<String> examples = examples(commandReference());
		assertThat(examples).hasSizeGreaterThan(25);
		for (String example : examples) {
			List<String> args = CommandLineTokenizer.tokenize(example);
			MigrateCommand cli = cli(args);
			MigrateCommand commandMode = Commands.parse(Commands.commandMode(), args);
			if (cli instanceof HelpCommand) {
				assertThat(commandMode).as(example).isInstanceOf(HelpCommand.class);
			}
			else {
				assertThat(commandMode).as(example).isEqualTo(cli);
			}
		}
	}

	@Test
	void bothFrontEndsRejectTheSameCommandLinesWithTheSameMessage() {
		for (String wrong : List.of("", "upgrades head", "upgrade", "upgrade head heads", "current extra",
				"upgrade head --sq", "revision", "revision -m", "stamp --purge", "merge -m x", "help nothing")) {
			List<String> args = CommandLineTokenizer.tokenize(wrong);
			String cli = usage(() -> cli(args));
			String commandMode = usage(() -> Commands.parse(Commands.commandMode(), args));
			assertThat(cli).as(wrong).isNotNull();
			assertThat(commandMode).as(wrong).isEqualTo(cli.replace("migrate", Commands.commandMode().getCommandName()));
		}
	}

	private static String usage(Runnable parse) {
		try {
			parse.run();
			return null;
		}
		catch (UsageException ex) {
			return ex.getMessage();
		}
	}

	private static MigrateCommand cli(List<String> args) {
		return Commands.parse(MigrateCli.commandLine(new MigrateCli(Map.of())), args);
	}

	/** The {@code ## Commands} section of the README, up to {@code ### From Java}. */
	static String commandReference() throws IOException {
		String root = System.getenv("MIGRATE_PROJECT_ROOT");
		Path readme = Path.of((root != null) ? root : "..").resolve("README.md");
		String text = Files.readString(readme);
		int start = text.indexOf("\n## Commands\n");
		int end = text.indexOf("\n### From Java", start);
		assertThat(start).as("## Commands in " + readme).isPositive();
		assertThat(end).as("### From Java in " + readme).isPositive();
		return text.substring(start, end);
	}

	/** The command lines of the examples, without the program, comments, redirections and {@code ; echo}. */
	static List<String> examples(String reference) {
		List<String> examples = new ArrayList<>();
		Matcher cli = CLI_EXAMPLE.matcher(reference);
		while (cli.find()) {
			for (String part : cli.group(1).split(";\\s*")) {
				String line = part.replaceAll("\\s+#.*$", "").replaceAll("\\s*>.*$", "").strip();
				line = line.startsWith("migrate ") ? line.substring("migrate ".length()) : line;
				if (!line.isEmpty() && !line.startsWith("echo") && !line.contains("|")) {
					examples.add(line);
				}
			}
		}
		Matcher commandMode = COMMAND_MODE_EXAMPLE.matcher(reference);
		while (commandMode.find()) {
			examples.add(CommandLineTokenizer.tokenize(commandMode.group(1)).get(0));
		}
		return examples;
	}

}
