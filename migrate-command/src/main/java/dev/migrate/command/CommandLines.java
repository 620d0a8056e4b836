package dev.migrate.command;

import java.util.List;
import java.util.stream.Collectors;

import dev.migrate.Vocabulary.Command;

/**
 * The command lines of the commands that advice suggests ({@link Command}), in the grammar of
 * {@link Commands}: what both front ends print after their prefix ({@code migrate ...} on the
 * command line, {@code --migrate.command="..."} in command mode). Arguments are quoted so that a
 * shell and {@link CommandLineTokenizer} read them back as they are.
 */
public final class CommandLines {

	private CommandLines() {
	}

	/**
	 * The command line of a command, without the program.
	 * @param command the command
	 * @return e.g. {@code stamp --purge heads} or {@code merge -m "merge heads" heads}
	 */
	public static String line(Command command) {
		if (command instanceof Command.Upgrade upgrade) {
			return "upgrade " + argument(upgrade.target());
		}
		if (command instanceof Command.Stamp stamp) {
			return "stamp " + (stamp.purge() ? "--purge " : "") + arguments(stamp.targets());
		}
		if (command instanceof Command.AcceptChecksums accept) {
			return ("accept-checksum " + arguments(accept.revisions())).strip();
		}
		if (command instanceof Command.ListPending) {
			return "history -r current:";
		}
		Command.Merge merge = (Command.Merge) command;
		return "merge -m " + argument(merge.message()) + " " + arguments(merge.revisions());
	}

	private static String arguments(List<String> values) {
		return values.stream().map(CommandLines::argument).collect(Collectors.joining(" "));
	}

	/**
	 * An argument as a shell and {@code migrate.command} read it: as it is when it needs no
	 * quotes, else in double quotes when they keep it as it is, else in single quotes.
	 */
	static String argument(String value) {
		boolean special = value.chars().anyMatch((c) -> "\"'\\$`".indexOf(c) >= 0);
		if (!value.isEmpty() && !special && value.chars().noneMatch(Character::isWhitespace)) {
			return value;
		}
		if (!special) {
			return '"' + value + '"';
		}
		if (value.indexOf('\'') < 0) {
			return "'" + value + "'";
		}
		return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

}
