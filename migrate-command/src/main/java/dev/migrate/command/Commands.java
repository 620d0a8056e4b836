package dev.migrate.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one grammar of the commands, used by the {@code migrate} command line and by the
 * application's command mode ({@code migrate.command}): each command's options, parameters and
 * help are declared once, with picocli annotations, on the {@code Options} class nested in its
 * {@link MigrateCommand} record.
 * <p>
 * To add an option, add an annotated field to the command's {@code Options} and pass it to the
 * record in {@code command()}. To add a command, write its record with a nested {@code Options}
 * (see {@link CheckCommand} for the smallest), add it to {@link MigrateCommand}'s
 * {@code permits} and to {@link #DEFINITIONS} under its name. Both front ends, their help and
 * {@code help} pick it up; nothing else lists commands.
 */
public final class Commands {

	/** Every command by its name (that of its {@code @Command}), in the order help lists them. */
	private static final Map<String, Supplier<CommandOptions>> DEFINITIONS = definitions(
			Map.entry("current", CurrentCommand.Options::new), Map.entry("history", HistoryCommand.Options::new),
			Map.entry("heads", HeadsCommand.Options::new), Map.entry("branches", BranchesCommand.Options::new),
			Map.entry("show", ShowCommand.Options::new), Map.entry("upgrade", UpgradeCommand.Options::new),
			Map.entry("downgrade", DowngradeCommand.Options::new), Map.entry("stamp", StampCommand.Options::new),
			Map.entry("check", CheckCommand.Options::new),
			Map.entry("accept-checksum", AcceptChecksumCommand.Options::new),
			Map.entry("revision", RevisionCommand.Options::new), Map.entry("merge", MergeCommand.Options::new),
			Map.entry("await", AwaitCommand.Options::new));

	/** Arguments that ask for help, which lists every command. */
	private static final Set<String> HELP = Set.of("help", "-h", "--help", "-V", "--version");

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
		for (Supplier<CommandOptions> definition : DEFINITIONS.values()) {
			root.addSubcommand(new CommandLine(definition.get()));
		}
		root.addSubcommand(new CommandLine(new CommandLine.HelpCommand()));
		return root;
	}

	/**
	 * Add one command as the subcommand of a front end's root command: a front end that knows
	 * which command its arguments name ({@link #named}) saves building every other command's
	 * options, which takes reflection at every start.
	 * @param root the root command
	 * @param name the command's name
	 * @return the root command
	 * @throws IllegalArgumentException when no command has that name
	 */
	public static CommandLine addTo(CommandLine root, String name) {
		Supplier<CommandOptions> definition = DEFINITIONS.get(name);
		if (definition == null) {
			throw new IllegalArgumentException("No command is named '" + name + "'; the commands are "
					+ String.join(", ", DEFINITIONS.keySet()));
		}
		root.addSubcommand(new CommandLine(definition.get()));
		return root;
	}

	/**
	 * The command that some arguments seem to name: the first argument that is a command's name,
	 * unless one asks for help. An option's value may be a command's name too, so a front end
	 * that adds only this command must parse the arguments again with every command unless they
	 * parse as this one (they then parse the same with every command).
	 * @param args the arguments
	 * @return the command's name, or {@code null}
	 */
	public static @Nullable String named(List<String> args) {
		String found = null;
		for (String arg : args) {
			if (HELP.contains(arg)) {
				return null;
			}
			if (found == null && DEFINITIONS.containsKey(arg)) {
				found = arg;
			}
		}
		return found;
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
		catch (UnmatchedArgumentException ex) {
			throw unknownCommand(root, ex);
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
			throw UnknownCommands.of(topics.get(0), List.of(), help(root));
		}
		return new HelpCommand(topic.getUsageMessage());
	}

	/**
	 * The report of a command line whose first argument after the root's options is not a
	 * command (the root takes no parameters of its own), else the parser's message.
	 */
	private static UsageException unknownCommand(CommandLine root, UnmatchedArgumentException ex) {
		List<String> unmatched = ex.getUnmatched();
		if (ex.getCommandLine() != root || unmatched.isEmpty() || unmatched.get(0).startsWith("-")) {
			return new UsageException(ex.getMessage());
		}
		List<String> suggestions = ex.getSuggestions()
			.stream()
			.filter((name) -> root.getSubcommands().containsKey(name))
			.limit(1)
			.toList();
		return UnknownCommands.of(unmatched.get(0), suggestions, help(root));
	}

	/** How to list the commands in the front end of a root command. */
	private static String help(CommandLine root) {
		String name = root.getCommandName();
		return name.equals(COMMAND_MODE_NAME) ? "--" + COMMAND_MODE_NAME + "=help" : name + " help";
	}

	private static String names(CommandLine root) {
		return String.join(", ", root.getSubcommands().keySet());
	}

	/** The names of the commands, in the order help lists them. */
	static List<String> names() {
		return DEFINITIONS.values()
			.stream()
			.map((definition) -> new CommandLine(definition.get()).getCommandName())
			.collect(Collectors.toList());
	}

	@SafeVarargs
	private static Map<String, Supplier<CommandOptions>> definitions(
			Map.Entry<String, Supplier<CommandOptions>>... entries) {
		Map<String, Supplier<CommandOptions>> definitions = new LinkedHashMap<>();
		for (Map.Entry<String, Supplier<CommandOptions>> entry : entries) {
			definitions.put(entry.getKey(), entry.getValue());
		}
		return Collections.unmodifiableMap(definitions);
	}

}
