package dev.migrate.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a command line ({@code downgrade -1}, {@code revision -m "add cart"}) into a
 * {@link MigrateCommand}, with the commands and options of the {@code migrate} command line. Used
 * where there is no richer parser, such as the application's command mode. An argument that
 * starts with {@code -} and a digit ({@code -1}) is a target, not an option; {@code --} ends the
 * options.
 */
public final class CommandLineParser {

	private static final Option VERBOSE = new Option("verbose", "-v", false);

	private static final Option SQL = new Option("sql", null, false);

	private static final Option MESSAGE = new Option("message", "-m", true);

	private static final Option REV_ID = new Option("rev-id", null, true);

	private static final Option DIR = new Option("dir", null, true);

	private static final String COMMANDS = "current, history, heads, branches, show, upgrade, downgrade, stamp, "
			+ "check, accept-checksum, revision, merge, help";

	private CommandLineParser() {
	}

	/**
	 * Parse a command line given as one string.
	 * @param line the command line, e.g. {@code history -r 1975:current}
	 * @return the command
	 * @throws UsageException when the command or its options are wrong
	 */
	public static MigrateCommand parse(String line) {
		return parse(CommandLineTokenizer.tokenize(line));
	}

	/**
	 * Parse a command line given as arguments.
	 * @param args the command's name followed by its options and arguments
	 * @return the command
	 * @throws UsageException when the command or its options are wrong
	 */
	public static MigrateCommand parse(List<String> args) {
		if (args.isEmpty()) {
			throw new UsageException("No command given; use one of " + COMMANDS);
		}
		String name = args.get(0);
		List<String> rest = args.subList(1, args.size());
		if (rest.contains("--help") || rest.contains("-h")) {
			return new HelpCommand();
		}
		switch (name) {
			case "current": {
				Arguments arguments = Arguments.parse(name, rest, VERBOSE);
				arguments.expectPositionals(0, 0);
				return new CurrentCommand(arguments.flag(VERBOSE));
			}
			case "history": {
				Option indicate = new Option("indicate-current", "-i", false);
				Option range = new Option("rev-range", "-r", true);
				Arguments arguments = Arguments.parse(name, rest, VERBOSE, indicate, range);
				arguments.expectPositionals(0, 0);
				return new HistoryCommand(arguments.flag(VERBOSE), arguments.value(range), arguments.flag(indicate));
			}
			case "heads": {
				Arguments arguments = Arguments.parse(name, rest, VERBOSE);
				arguments.expectPositionals(0, 0);
				return new HeadsCommand(arguments.flag(VERBOSE));
			}
			case "branches": {
				Arguments arguments = Arguments.parse(name, rest, VERBOSE);
				arguments.expectPositionals(0, 0);
				return new BranchesCommand(arguments.flag(VERBOSE));
			}
			case "show": {
				Arguments arguments = Arguments.parse(name, rest);
				arguments.expectPositionals(1, 1);
				return new ShowCommand(arguments.positionals().get(0));
			}
			case "upgrade": {
				Arguments arguments = Arguments.parse(name, rest, SQL);
				arguments.expectPositionals(1, 1);
				return new UpgradeCommand(arguments.positionals().get(0), arguments.flag(SQL));
			}
			case "downgrade": {
				Arguments arguments = Arguments.parse(name, rest, SQL);
				arguments.expectPositionals(1, 1);
				return new DowngradeCommand(arguments.positionals().get(0), arguments.flag(SQL));
			}
			case "stamp": {
				Option purge = new Option("purge", null, false);
				Arguments arguments = Arguments.parse(name, rest, SQL, purge);
				arguments.expectPositionals(1, Integer.MAX_VALUE);
				return new StampCommand(arguments.positionals(), arguments.flag(purge), arguments.flag(SQL));
			}
			case "check": {
				Option drift = new Option("drift", null, false);
				Arguments arguments = Arguments.parse(name, rest, drift);
				arguments.expectPositionals(0, 0);
				return arguments.flag(drift) ? new DriftCheckCommand() : new CheckCommand();
			}
			case "accept-checksum": {
				Arguments arguments = Arguments.parse(name, rest);
				return new AcceptChecksumCommand(arguments.positionals());
			}
			case "revision": {
				Option head = new Option("head", null, true);
				Option splice = new Option("splice", null, false);
				Option nonTransactional = new Option("non-transactional", null, false);
				Option autogenerate = new Option("autogenerate", null, false);
				Option to = new Option("to", null, true);
				Arguments arguments = Arguments.parse(name, rest, MESSAGE, head, splice, nonTransactional, REV_ID,
						DIR, autogenerate, to);
				arguments.expectPositionals(0, 0);
				if (arguments.flag(autogenerate)) {
					for (Option other : List.of(head, splice, nonTransactional)) {
						if (arguments.flag(other) || arguments.value(other) != null) {
							throw new UsageException("revision --autogenerate takes no " + other.display()
									+ ": it builds on the single head the database is at");
						}
					}
					List<Path> files = (arguments.value(to) != null) ? Arrays.stream(arguments.value(to).split(","))
						.map(String::strip)
						.filter((file) -> !file.isEmpty())
						.map(Path::of)
						.toList() : List.of();
					return new AutogenerateCommand(arguments.required(MESSAGE), files, arguments.value(REV_ID),
							arguments.path(DIR));
				}
				if (arguments.value(to) != null) {
					throw new UsageException("revision --to needs --autogenerate");
				}
				return new RevisionCommand(arguments.required(MESSAGE), arguments.value(head), arguments.flag(splice),
						arguments.flag(nonTransactional), arguments.value(REV_ID), arguments.path(DIR));
			}
			case "merge": {
				Arguments arguments = Arguments.parse(name, rest, MESSAGE, REV_ID, DIR);
				arguments.expectPositionals(1, Integer.MAX_VALUE);
				return new MergeCommand(arguments.required(MESSAGE), arguments.positionals(),
						arguments.value(REV_ID), arguments.path(DIR));
			}
			case "help":
			case "--help":
			case "-h":
				return new HelpCommand();
			default:
				throw new UsageException("Unknown command '" + name + "'; use one of " + COMMANDS);
		}
	}

	/** An option: {@code --name}, optionally a short form, with or without a value. */
	private record Option(String name, String shortName, boolean valued) {

		boolean matches(String text) {
			return text.equals("--" + this.name) || text.equals(this.shortName);
		}

		String display() {
			return (this.shortName != null) ? this.shortName + "/--" + this.name : "--" + this.name;
		}

	}

	/** The options and positional arguments of one command. */
	private static final class Arguments {

		private final String command;

		private final Set<String> flags = new HashSet<>();

		private final Map<String, String> values = new HashMap<>();

		private final List<String> positionals = new ArrayList<>();

		private Arguments(String command) {
			this.command = command;
		}

		static Arguments parse(String command, List<String> args, Option... options) {
			Arguments arguments = new Arguments(command);
			boolean optionsEnded = false;
			for (int i = 0; i < args.size(); i++) {
				String arg = args.get(i);
				if (optionsEnded || !isOption(arg)) {
					arguments.positionals.add(arg);
					continue;
				}
				if (arg.equals("--")) {
					optionsEnded = true;
					continue;
				}
				String key = arg;
				String value = null;
				int equals = arg.indexOf('=');
				if (arg.startsWith("--") && equals > 0) {
					key = arg.substring(0, equals);
					value = arg.substring(equals + 1);
				}
				Option option = find(options, key);
				if (option == null && !arg.startsWith("--") && arg.length() > 2) {
					Option attached = find(options, arg.substring(0, 2));
					if (attached != null && attached.valued()) {
						option = attached;
						value = arg.substring(2);
					}
				}
				if (option == null) {
					throw new UsageException("Unknown option '" + arg + "' for " + command);
				}
				if (option.valued()) {
					if (value == null) {
						if (i + 1 >= args.size()) {
							throw new UsageException("Option " + option.display() + " of " + command + " needs a value");
						}
						value = args.get(++i);
					}
					if (arguments.values.put(option.name(), value) != null) {
						throw new UsageException("Option " + option.display() + " of " + command + " is given twice");
					}
				}
				else {
					if (value != null) {
						throw new UsageException("Option " + option.display() + " of " + command + " takes no value");
					}
					arguments.flags.add(option.name());
				}
			}
			return arguments;
		}

		private static boolean isOption(String arg) {
			return arg.length() > 1 && arg.charAt(0) == '-' && !Character.isDigit(arg.charAt(1));
		}

		private static Option find(Option[] options, String text) {
			for (Option option : options) {
				if (option.matches(text)) {
					return option;
				}
			}
			return null;
		}

		void expectPositionals(int min, int max) {
			int count = this.positionals.size();
			if (count < min) {
				throw new UsageException(this.command + " needs " + ((min == max) ? "" : "at least ") + min
						+ " argument(s), got " + count);
			}
			if (count > max) {
				throw new UsageException(this.command + " takes " + ((max == 0) ? "no" : "at most " + max)
						+ " argument(s), got " + String.join(" ", this.positionals));
			}
		}

		List<String> positionals() {
			return this.positionals;
		}

		boolean flag(Option option) {
			return this.flags.contains(option.name());
		}

		String value(Option option) {
			return this.values.get(option.name());
		}

		String required(Option option) {
			String value = value(option);
			if (value == null) {
				throw new UsageException(this.command + " needs " + option.display() + ", e.g. " + this.command
						+ " -m \"add cart table\"");
			}
			return value;
		}

		Path path(Option option) {
			String value = value(option);
			return (value != null) ? Path.of(value) : null;
		}

	}

}
