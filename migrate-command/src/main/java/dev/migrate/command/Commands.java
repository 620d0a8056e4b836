package dev.migrate.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one grammar of the commands, used by the {@code migrate} command line and by the
 * application's command mode ({@code migrate.command}): each command's options, parameters and
 * help are declared once, with picocli annotations, on the {@code Options} class nested in its
 * {@link MigrateCommand} record.
 * <p>
 * To add an option, add an annotated field to the command's {@code Options} and pass it to the
 * record in {@code command()}. To add a command, write its record with a nested {@code Options}
 * (see {@link CheckCommand} for the smallest), add it to {@link MigrateCommand}'s
 * {@code permits} and to {@link #DEFINITIONS}. Both front ends, their help and
 * {@code help} pick it up; nothing else lists commands.
 */
public final class Commands {

	/** Every command, in the order help lists them. */
	private static final List<Supplier<CommandOptions>> DEFINITIONS = List.of(CurrentCommand.Options::new,
			HistoryCommand.Options::new, HeadsCommand.Options::new, BranchesCommand.Options::new,
			ShowCommand.Options::new, UpgradeCommand.Options::new, DowngradeCommand.Options::new,
			StampCommand.Options::new, CheckCommand.Options::new, AcceptChecksumCommand.Options::new,
			RevisionCommand.Options::new, MergeCommand.Options::new, AwaitCommand.Options::new);

	/** Name of the root command in command mode, as its usage shows it. */
	static final String COMMAND_MODE_NAME = "migrate.command";

	private Commands() {
	}

	/**
	 * Add every command, and {@code help}, as subcommands of a front end's root command.
	 * @param root the root command, e.g. the command line's {@code migrate} with its global
	 * options
	 * @return the root command
	 */
	public static CommandLine addTo(CommandLine root) {
		for (Supplier<CommandOptions> definition : DEFINITIONS) {
			root.addSubcommand(new CommandLine(definition.get()));
		}
		root.addSubcommand(new CommandLine(new CommandLine.HelpCommand()));
		return root;
	}

	/**
	 * The root command of command mode: the commands and {@code help}, without options of its
	 * own.
	 * @return the root command
	 */
	public static CommandLine commandMode() {
		CommandSpec spec = CommandSpec.create().name(COMMAND_MODE_NAME);
		spec.usageMessage().description("A command to run with the application's configuration.");
		spec.addOption(OptionSpec.builder("-h", "--help")
			.usageHelp(true)
			.description("Show this help message and exit.")
			.build());
		return addTo(new CommandLine(spec));
	}

	/**
	 * Parse a command line of command mode, split like a shell would.
	 * @param line the command line, e.g. {@code revision -m "add cart"}
	 * @return the command
	 * @throws UsageException when the command line is wrong
	 */
	public static MigrateCommand parse(String line) {
		return parse(commandMode(), CommandLineTokenizer.tokenize(line));
	}

	/**
	 * Parse arguments against a root command made by {@link #addTo(CommandLine)}: the command,
	 * or {@link HelpCommand} with the usage asked for ({@code --help}, {@code help [command]},
	 * {@code --version}).
	 * @param root the root command
	 * @param args the arguments
	 * @return the command
	 * @throws UsageException when the arguments are wrong
	 */
	public static MigrateCommand parse(CommandLine root, List<String> args) {
		ParseResult result;
		try {
			result = root.parseArgs(args.toArray(String[]::new));
		}
		catch (ParameterException ex) {
			throw new UsageException(ex.getMessage());
		}
		ParseResult last = result;
		while (true) {
			if (last.isUsageHelpRequested()) {
				return new HelpCommand(last.commandSpec().commandLine().getUsageMessage());
			}
			if (last.isVersionHelpRequested()) {
				return new HelpCommand(String.join(System.lineSeparator(), last.commandSpec().version())
						+ System.lineSeparator());
			}
			if (!last.hasSubcommand()) {
				break;
			}
			last = last.subcommand();
		}
		Object definition = last.commandSpec().userObject();
		if (definition instanceof CommandOptions options) {
			return options.command();
		}
		if (definition instanceof CommandLine.HelpCommand) {
			return help(root, last.matchedPositionals().stream().map((arg) -> arg.getValue().toString()).toList());
		}
		throw new UsageException("No command given; use one of " + names(root));
	}

	private static MigrateCommand help(CommandLine root, List<String> values) {
		List<String> topics = new ArrayList<>();
		values.forEach((value) -> topics.add(value));
		if (topics.isEmpty()) {
			return new HelpCommand(root.getUsageMessage());
		}
		CommandLine topic = root.getSubcommands().get(topics.get(0));
		if (topic == null) {
			throw new UsageException("Unknown command '" + topics.get(0) + "'; use one of " + names(root));
		}
		return new HelpCommand(topic.getUsageMessage());
	}

	private static String names(CommandLine root) {
		return String.join(", ", root.getSubcommands().keySet());
	}

	/** The names of the commands, in the order help lists them. */
	static List<String> names() {
		return DEFINITIONS.stream()
			.map((definition) -> new CommandLine(definition.get()).getCommandName())
			.collect(Collectors.toList());
	}

}
