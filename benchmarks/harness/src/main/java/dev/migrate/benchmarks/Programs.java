package dev.migrate.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.migrate.benchmarks.Program.Work;

/**
 * Every program the benchmarks can start, built by the modules next to the harness: each module
 * writes its runtime classpath to {@code target/classpath.txt} when it is packaged, so every
 * program runs with exactly its own dependencies.
 */
final class Programs {

	private static final String BOOT_MAIN = "dev.migrate.benchmarks.boot.BenchmarkApplication";

	private final Path projectRoot;

	private final String java;

	private final Map<String, Program> programs = new LinkedHashMap<>();

	Programs(Path projectRoot) throws IOException {
		this.projectRoot = projectRoot;
		this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		add("psql", "psql -1 per revision: BEGIN, the statements, COMMIT (one script); nothing pending: "
				+ "psql -c 'select 1'", (set, work) -> (work == Work.APPLY)
						? List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", set.psqlScript().toString())
						: List.of("psql", "-X", "-q", "-c", "select 1"));
		List<String> jdbc = javaCommand("floor-jdbc", "dev.migrate.benchmarks.floor.JdbcFloor");
		add("jdbc", "plain JDBC in a fresh JVM: each revision's statements in one transaction; nothing pending: "
				+ "connect and select 1", (set, work) -> (work == Work.APPLY)
						? with(jdbc, "apply", set.plainDirectory().toString()) : with(jdbc, "select1"));
		Path cli = projectRoot.resolve("migrate-cli/target/migrate");
		requireFile(cli);
		add("migrate-cli", "the migrate command line through its launcher (migrate-cli/target/migrate upgrade heads: "
				+ "C1 only, serial GC, AppCDS archive made by the first run), revisions from a directory",
				(set, work) -> List.of(cli.toString(), "upgrade", "heads", "--locations",
						"filesystem:" + set.migrateDirectory()));
		List<String> migrateApi = javaCommand("api-migrate", "dev.migrate.benchmarks.api.MigrateApi");
		add("migrate-api", "Migrator.upgrade(\"heads\") from a main, revisions from a directory",
				(set, work) -> with(migrateApi, "filesystem:" + set.migrateDirectory()));
		List<String> flywayApi = javaCommand("api-flyway", "dev.migrate.benchmarks.api.FlywayApi");
		add("flyway-api", "Flyway.configure()...migrate() from a main, migrations from a directory",
				(set, work) -> with(flywayApi, "filesystem:" + set.flywayDirectory()));
		List<String> liquibaseApi = javaCommand("api-liquibase", "dev.migrate.benchmarks.api.LiquibaseApi");
		add("liquibase-api", "Liquibase's update command from a main, changelog.xml including one "
				+ "formatted-SQL file per revision", (set, work) -> with(liquibaseApi, set.liquibaseDirectory().toString()));
		addBoot("boot", "boot-app", "Spring Boot app without a migration tool (JDBC starter, driver, select 1 runner)");
		addBoot("boot-actuator", "boot-app-actuator", "the same with spring-boot-starter-actuator");
		addBoot("migrate-boot", "boot-migrate", "the same with migrate-spring-boot-starter");
		addBoot("migrate-boot-actuator", "boot-migrate-actuator", "the same with migrate's starter and actuator");
		addBoot("boot-starter-floor", "boot-starter-floor", "the same with the smallest starter that checks the database "
				+ "at start (one auto-configuration, one runner, one query): what any such starter costs");
		addBoot("flyway-boot", "boot-flyway", "the same with spring-boot-starter-flyway");
		addBoot("liquibase-boot", "boot-liquibase", "the same with spring-boot-starter-liquibase");
	}

	/**
	 * Write migrate's revision index of a directory, with migrate's own writer in a process (the
	 * classpath of the migrate API program holds it), as an application's build would.
	 */
	void writeIndex(Path directory) throws IOException, InterruptedException {
		List<String> command = javaCommand("api-migrate", "dev.migrate.revision.RevisionIndexWriter");
		command.add(directory.toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("Writing the revision index of " + directory + " failed: " + output);
		}
	}

	Program get(String name) {
		Program program = this.programs.get(name);
		if (program == null) {
			throw new IllegalArgumentException("Unknown program '" + name + "'; known: " + this.programs.keySet());
		}
		return program;
	}

	private void add(String name, String description, Program.Commands commands) {
		boolean migrates = !name.equals("psql") && !name.equals("jdbc") && !name.startsWith("boot");
		this.programs.put(name, new Program(name, description, migrates, commands));
	}

	/** Every program, in the order of the tables. */
	List<Program> all() {
		return List.copyOf(this.programs.values());
	}

	private void addBoot(String name, String module, String description) throws IOException {
		List<String> command = javaCommand(module, null);
		add(name, description, (set, work) -> {
			List<String> boot = new ArrayList<>(command);
			int classpath = boot.indexOf("-cp") + 1;
			boot.set(classpath, boot.get(classpath) + File.pathSeparator + set.jar());
			boot.add(BOOT_MAIN);
			boot.add("--migrate.locations=classpath:bench/migrate");
			boot.add("--spring.flyway.locations=classpath:bench/flyway");
			boot.add("--spring.liquibase.change-log=classpath:bench/liquibase/changelog.xml");
			return boot;
		});
	}

	/** {@code java -cp <module's jar and classpath> [main]}. */
	private List<String> javaCommand(String module, String mainClass) throws IOException {
		Path target = this.projectRoot.resolve("benchmarks").resolve(module).resolve("target");
		Path classpathFile = target.resolve("classpath.txt");
		requireFile(classpathFile);
		Path jar;
		try (Stream<Path> files = Files.list(target)) {
			jar = files
				.filter((file) -> file.getFileName().toString().startsWith("migrate-benchmarks-")
						&& file.getFileName().toString().endsWith(".jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No jar in " + target + ": build with benchmarks/run.sh"));
		}
		String dependencies = Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
		String classpath = jar + (dependencies.isEmpty() ? "" : File.pathSeparator + dependencies);
		List<String> command = new ArrayList<>(List.of(this.java, "-cp", classpath));
		if (mainClass != null) {
			command.add(mainClass);
		}
		return command;
	}

	private static List<String> with(List<String> command, String... arguments) {
		List<String> result = new ArrayList<>(command);
		result.addAll(List.of(arguments));
		return result;
	}

	private static void requireFile(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(file + " is missing: build with benchmarks/run.sh (it packages the "
					+ "benchmark programs and the CLI first)");
		}
	}

}
