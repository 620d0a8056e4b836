package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core speaks no front end's words: no file under {@code migrate-core/src/main} names an
 * option of the command line or of command mode ({@code --sql}, {@code --lock-timeout}...: every
 * long option of the real grammar, so a new option is covered as soon as it exists) or a
 * {@code migrate.*} property. Front ends bring their words through {@link dev.migrate.Vocabulary}.
 */
class NeutralCoreTests {

	private static final Pattern PROPERTY = Pattern.compile("(?<![\\w.-])migrate\\.[a-z][\\w.-]*");

	/** Words of the property's shape that are not properties: the revision index's file name. */
	private static final Set<String> NOT_PROPERTIES = Set.of("migrate.index");

	@Test
	void coreSourcesNameNoOptionAndNoProperty() throws IOException {
		Set<String> options = longOptions(MigrateCli.commandLine(new MigrateCli(Map.of())));
		assertThat(options).contains("--sql", "--lock-timeout", "--purge", "--url");
		Path core = projectRoot().resolve("migrate-core/src/main");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(core)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					String line = lines.get(i);
					for (String option : options) {
						if (Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])").matcher(line).find()) {
							found.add(core.relativize(file) + ":" + (i + 1) + ": " + option);
						}
					}
					Matcher property = PROPERTY.matcher(line);
					while (property.find()) {
						if (NOT_PROPERTIES.contains(property.group())) {
							continue;
						}
						found.add(core.relativize(file) + ":" + (i + 1) + ": " + property.group());
					}
				}
			}
		}
		assertThat(found).as("front-end words in the core's main sources").isEmpty();
	}

	/** Every long option of a command line and its subcommands. */
	private static Set<String> longOptions(CommandLine commandLine) {
		Set<String> options = new TreeSet<>();
		for (OptionSpec option : commandLine.getCommandSpec().options()) {
			for (String name : option.names()) {
				if (name.startsWith("--") && !name.equals("--help") && !name.equals("--version")) {
					options.add(name);
				}
			}
		}
		commandLine.getSubcommands().values().forEach((sub) -> options.addAll(longOptions(sub)));
		return options;
	}

	private static Path projectRoot() {
		String root = System.getenv("MIGRATE_PROJECT_ROOT");
		return Path.of((root != null) ? root : "..").toAbsolutePath().normalize();
	}

}
