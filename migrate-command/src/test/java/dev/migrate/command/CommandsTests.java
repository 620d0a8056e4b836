package dev.migrate.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import dev.migrate.MigrateSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The one grammar of the commands, as command mode ({@code migrate.command}) reads a line. */
class CommandsTests {

	@Test
	void parsesEveryCommand() {
		assertThat(Commands.parse("current")).isEqualTo(new CurrentCommand(false));
		assertThat(Commands.parse("current --verbose")).isEqualTo(new CurrentCommand(true));
		assertThat(Commands.parse("history -v -i -r 1975:current"))
			.isEqualTo(new HistoryCommand(true, "1975:current", true));
		assertThat(Commands.parse("history -vi")).isEqualTo(new HistoryCommand(true, null, true));
		assertThat(Commands.parse("history --rev-range=:ae10")).isEqualTo(new HistoryCommand(false, ":ae10", false));
		assertThat(Commands.parse("history -r-3:")).isEqualTo(new HistoryCommand(false, "-3:", false));
		assertThat(Commands.parse("heads -v")).isEqualTo(new HeadsCommand(true));
		assertThat(Commands.parse("branches")).isEqualTo(new BranchesCommand(false));
		assertThat(Commands.parse("show current")).isEqualTo(new ShowCommand("current"));
		assertThat(Commands.parse("upgrade heads --sql")).isEqualTo(new UpgradeCommand("heads", true));
		assertThat(Commands.parse("upgrade +2")).isEqualTo(new UpgradeCommand("+2", false));
		assertThat(Commands.parse("downgrade -1")).isEqualTo(new DowngradeCommand("-1", false));
		assertThat(Commands.parse("downgrade --sql 53ff:base")).isEqualTo(new DowngradeCommand("53ff:base", true));
		assertThat(Commands.parse("stamp ae10 27c6 --purge"))
			.isEqualTo(new StampCommand(List.of("ae10", "27c6"), true, false));
		assertThat(Commands.parse("check")).isEqualTo(new CheckCommand());
		assertThat(Commands.parse("accept-checksum")).isEqualTo(new AcceptChecksumCommand(List.of()));
		assertThat(Commands.parse("revision -m \"add cart\" --head base --non-transactional --rev-id abc"))
			.isEqualTo(new RevisionCommand("add cart", "base", false, true, null, "abc", null));
		assertThat(Commands.parse("revision -m'x' --splice --head 1975 --dir db/rev"))
			.isEqualTo(new RevisionCommand("x", "1975", true, false, null, null, Path.of("db/rev")));
		assertThat(Commands.parse("merge -m \"merge heads\" heads"))
			.isEqualTo(new MergeCommand("merge heads", List.of("heads"), null, null));
		assertThat(Commands.parse("merge --message=m ae10 27c6 --rev-id 53ff"))
			.isEqualTo(new MergeCommand("m", List.of("ae10", "27c6"), "53ff", null));
		assertThat(Commands.parse("await")).isEqualTo(new AwaitCommand("heads", null));
		assertThat(Commands.parse("await head --timeout 30s")).isEqualTo(new AwaitCommand("head", Duration.ofSeconds(30)));
	}

	@Test
	void theCommandTheArgumentsSeemToNameIsTheFirstArgumentThatIsACommandsName() {
		assertThat(Commands.named(List.of("upgrade", "heads"))).isEqualTo("upgrade");
		assertThat(Commands.named(List.of("--url", "jdbc:postgresql:app", "downgrade", "-1"))).isEqualTo("downgrade");
		assertThat(Commands.named(List.of("heads", "-v"))).isEqualTo("heads");
		assertThat(Commands.named(List.of("revision", "-m", "upgrade"))).isEqualTo("revision");
		assertThat(Commands.named(List.of("--schema", "upgrade", "current"))).isEqualTo("upgrade");
		assertThat(Commands.named(List.of("upgrade", "--help"))).isNull();
		assertThat(Commands.named(List.of("help", "upgrade"))).isNull();
		assertThat(Commands.named(List.of("--version"))).isNull();
		assertThat(Commands.named(List.of("upgrad", "head"))).isNull();
		assertThat(Commands.named(List.of())).isNull();
		for (String name : Commands.names()) {
			assertThat(Commands.named(List.of(name))).isEqualTo(name);
			CommandLine single = Commands.addTo(new CommandLine(new CommandLine.HelpCommand()), name);
			assertThat(single.getSubcommands()).containsOnlyKeys(name);
		}
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> Commands.addTo(new CommandLine(new CommandLine.HelpCommand()), "upgrad"))
			.withMessageContaining("No command is named 'upgrad'; the commands are current, history");
	}

	@Test
	void helpIsTheUsageOfTheDefinitions() {
		MigrateCommand help = Commands.parse("help");
		assertThat(help).isInstanceOf(HelpCommand.class);
		String text = ((HelpCommand) help).text();
		for (String name : List.of("current", "history", "heads", "branches", "show", "upgrade", "downgrade", "stamp",
				"check", "accept-checksum", "revision", "merge", "await", "help")) {
			assertThat(text).contains("\n  " + name + " ");
		}
		String upgrade = ((HelpCommand) Commands.parse("upgrade --help")).text();
		assertThat(upgrade).startsWith("Usage: migrate.command upgrade").contains("--sql");
		assertThat(((HelpCommand) Commands.parse("help upgrade")).text()).isEqualTo(upgrade);
		assertThat(((HelpCommand) Commands.parse("upgrade -h")).text()).isEqualTo(upgrade);
	}

	@Test
	void noCommandLooksForSubcommandsAmongItsMethods() {
		// picocli otherwise reflects over every method of each command at every start
		CommandLine cli = Commands.addTo(new CommandLine(CommandSpec.create().name("migrate")));
		for (CommandLine command : cli.getSubcommands().values()) {
			Command annotation = command.getCommand().getClass().getAnnotation(Command.class);
			if (annotation != null && !(command.getCommand() instanceof CommandLine.HelpCommand)) {
				assertThat(annotation.addMethodSubcommands()).as(command.getCommandName()).isFalse();
			}
		}
	}

	@Test
	void doubleDashEndsOptions() {
		assertThat(Commands.parse("show -- -x")).isEqualTo(new ShowCommand("-x"));
	}

	@Test
	void rejectsWrongCommandLines() {
		assertUsage("", "No command given; use one of current, history");
		assertUsage("upgrades head", "Unknown command 'upgrades'");
		assertUsage("upgrade", "Missing required parameter: 'TARGET'");
		assertUsage("upgrade head heads", "Unmatched argument at index 2: 'heads'");
		assertUsage("current extra", "Unmatched argument at index 1: 'extra'");
		assertUsage("upgrade head --sq", "Unknown option: '--sq'");
		assertUsage("revision", "Missing required option: '--message=MSG'");
		assertUsage("revision -m", "Missing required parameter for option '--message' (MSG)");
		assertUsage("stamp --purge", "Missing required parameter: 'TARGET'");
		assertUsage("merge -m x", "Missing required parameter: 'REV'");
		assertUsage("help nothing", "Unknown command 'nothing'");
		assertUsage("revision -m \"x", "quote");
	}

	@Test
	void alembicCommandsMigrateDoesNotProvideSayWhatToDoInstead() {
		assertUnknown("edit 1975", "'edit' is an Alembic command that migrate does not provide: open the revision "
				+ "file under the revisions directory");
		assertUnknown("init migrations", "'init' is an Alembic command that migrate does not provide: add the "
				+ "migrate starter");
		assertUnknown("list_templates", "'list_templates' is an Alembic command that migrate does not provide: "
				+ "revision files have one format");
		assertUnknown("ensure_version", "'ensure_version' is an Alembic command that migrate does not provide: the "
				+ "version table is created by the first upgrade or stamp");
		assertUnknown("help edit", "'edit' is an Alembic command");
	}

	@Test
	void otherUnknownCommandsPointAtHelp() {
		assertUnknown("upgrad head", "Unknown command 'upgrad' (did you mean upgrade?); run "
				+ "'--migrate.command=help' for the commands");
		assertUnknown("frobnicate", "Unknown command 'frobnicate'; run '--migrate.command=help' for the commands");
		CommandLine cli = Commands.addTo(new CommandLine(CommandSpec.create().name("migrate")));
		assertThatExceptionOfType(UnknownCommandException.class)
			.isThrownBy(() -> Commands.parse(cli, List.of("frobnicate")))
			.withMessage("Unknown command 'frobnicate'; run 'migrate help' for the commands");
	}

	@Test
	void commandModePrintsOneLineForAnUnknownCommandAndExitsWithUsage() {
		CommandHarness harness = CommandHarness.withoutDatabase(MigrateSettings.builder()
			.locations("classpath:command/diamond")
			.vocabulary(TestVocabulary.INSTANCE)
			.build());
		CommandHarness.Result edit = harness.run("edit 1975");
		assertThat(edit.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(edit.out()).isEmpty();
		assertThat(edit.err()).startsWith("'edit' is an Alembic command that migrate does not provide").hasLineCount(1);
		CommandHarness.Result other = harness.run("frobnicate");
		assertThat(other.status()).isEqualTo(ExitStatus.USAGE);
		assertThat(other.err()).isEqualTo("Unknown command 'frobnicate'; run '--migrate.command=help' for the commands\n");
	}

	private static void assertUnknown(String line, String message) {
		assertThatExceptionOfType(UnknownCommandException.class).isThrownBy(() -> Commands.parse(line))
			.withMessageStartingWith(message)
			.withMessageNotContaining("\n");
	}

	private static void assertUsage(String line, String message) {
		assertThatExceptionOfType(UsageException.class).isThrownBy(() -> Commands.parse(line))
			.withMessageContaining(message);
	}

}
