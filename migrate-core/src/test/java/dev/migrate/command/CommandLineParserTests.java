package dev.migrate.command;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommandLineParserTests {

	@Test
	void parsesEveryCommand() {
		assertThat(CommandLineParser.parse("current")).isEqualTo(new CurrentCommand(false));
		assertThat(CommandLineParser.parse("current --verbose")).isEqualTo(new CurrentCommand(true));
		assertThat(CommandLineParser.parse("history -v -i -r 1975:current"))
			.isEqualTo(new HistoryCommand(true, "1975:current", true));
		assertThat(CommandLineParser.parse("history --rev-range=:ae10"))
			.isEqualTo(new HistoryCommand(false, ":ae10", false));
		assertThat(CommandLineParser.parse("history -r-3:")).isEqualTo(new HistoryCommand(false, "-3:", false));
		assertThat(CommandLineParser.parse("heads -v")).isEqualTo(new HeadsCommand(true));
		assertThat(CommandLineParser.parse("branches")).isEqualTo(new BranchesCommand(false));
		assertThat(CommandLineParser.parse("show current")).isEqualTo(new ShowCommand("current"));
		assertThat(CommandLineParser.parse("upgrade heads --sql")).isEqualTo(new UpgradeCommand("heads", true));
		assertThat(CommandLineParser.parse("upgrade +2")).isEqualTo(new UpgradeCommand("+2", false));
		assertThat(CommandLineParser.parse("downgrade -1")).isEqualTo(new DowngradeCommand("-1", false));
		assertThat(CommandLineParser.parse("downgrade --sql 53ff:base")).isEqualTo(new DowngradeCommand("53ff:base", true));
		assertThat(CommandLineParser.parse("stamp ae10 27c6 --purge"))
			.isEqualTo(new StampCommand(List.of("ae10", "27c6"), true, false));
		assertThat(CommandLineParser.parse("check")).isEqualTo(new CheckCommand());
		assertThat(CommandLineParser.parse("revision -m \"add cart\" --head base --non-transactional --rev-id abc"))
			.isEqualTo(new RevisionCommand("add cart", "base", false, true, "abc", null));
		assertThat(CommandLineParser.parse("revision -m'x' --splice --head 1975 --dir db/rev"))
			.isEqualTo(new RevisionCommand("x", "1975", true, false, null, Path.of("db/rev")));
		assertThat(CommandLineParser.parse("merge -m \"merge heads\" heads"))
			.isEqualTo(new MergeCommand("merge heads", List.of("heads"), null, null));
		assertThat(CommandLineParser.parse("merge --message=m ae10 27c6 --rev-id 53ff"))
			.isEqualTo(new MergeCommand("m", List.of("ae10", "27c6"), "53ff", null));
		assertThat(CommandLineParser.parse("help")).isEqualTo(new HelpCommand());
		assertThat(CommandLineParser.parse("upgrade --help")).isEqualTo(new HelpCommand());
	}

	@Test
	void doubleDashEndsOptions() {
		assertThat(CommandLineParser.parse("show -- -x")).isEqualTo(new ShowCommand("-x"));
	}

	@Test
	void rejectsWrongCommandLines() {
		assertUsage("", "No command given");
		assertUsage("upgrades head", "Unknown command 'upgrades'");
		assertUsage("upgrade", "upgrade needs 1 argument(s), got 0");
		assertUsage("upgrade head heads", "upgrade takes at most 1 argument(s), got head heads");
		assertUsage("current extra", "current takes no argument(s), got extra");
		assertUsage("upgrade head --sq", "Unknown option '--sq' for upgrade");
		assertUsage("revision", "revision needs -m/--message");
		assertUsage("revision -m", "Option -m/--message of revision needs a value");
		assertUsage("revision -m a -m b", "is given twice");
		assertUsage("upgrade head --sql=yes", "takes no value");
		assertUsage("stamp --purge", "stamp needs at least 1 argument(s), got 0");
		assertUsage("merge -m x", "merge needs at least 1 argument(s)");
	}

	private static void assertUsage(String line, String message) {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> CommandLineParser.parse(line))
			.withMessageContaining(message);
	}

}
