package dev.migrate.command;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.migrate.MigrateSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots of the output of {@code history}, {@code branches} and {@code --sql} for the diamond
 * graph (expected text under {@code command/snapshots}). They run without a database: the data
 * source points at a port where nothing listens.
 */
class CommandSnapshotTests {

	private final CommandHarness harness = CommandHarness
		.withoutDatabase(MigrateSettings.builder().locations("classpath:command/diamond").build());

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			history                            | history.txt
			history -v                         | history-verbose.txt
			branches                           | branches.txt
			upgrade heads --sql                | upgrade-heads.sql
			upgrade 1975ea83b712:heads --sql   | upgrade-from-1975ea83b712.sql
			downgrade 53fffde5ad5:base --sql   | downgrade-53fffde5ad5-to-base.sql
			stamp ae10:heads --sql             | stamp-ae1027a6acf-to-heads.sql
			""")
	void outputMatchesSnapshot(String commandLine, String snapshot) {
		CommandHarness.Result result = this.harness.run(commandLine);
		assertThat(result.err()).isEmpty();
		assertThat(result.status()).isEqualTo(ExitStatus.OK);
		assertThat(result.out()).isEqualTo(CommandHarness.resource("command/snapshots/" + snapshot));
	}

}
