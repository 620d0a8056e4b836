package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** What the numbers were measured on: the report's heading, and the load average as it goes. */
final class Machine {

	private Machine() {
	}

	static String describe(Server server, Options options) throws IOException, SQLException {
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
			.filter((line) -> line.startsWith("model name"))
			.findFirst()
			.map((line) -> line.substring(line.indexOf(':') + 1).strip())
			.orElse("unknown CPU");
		String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream()
			.filter((line) -> line.startsWith("MemTotal"))
			.findFirst()
			.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GB")
			.orElse("?");
		return "## Benchmarks" + (options.quick() ? " (quick mode: a smoke check, not numbers to quote)" : "") + "\n\n"
				+ ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "; "
				+ Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + "; Java "
				+ System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "); PostgreSQL "
				+ server.version() + " on " + server.environment("x").get("PGHOST") + "; load average " + loadAverage()
				+ " at the start; migrate's revisions "
				+ (options.withIndex() ? "with" : "without") + " their revision index (migrate.index).\n\n";
	}

	/** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
	static String loadAverage() throws IOException {
		String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
		return fields[0] + ", " + fields[1] + ", " + fields[2];
	}

	static double load1() throws IOException {
		return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
	}

}
