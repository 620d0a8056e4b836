package dev.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;


/**
 * Runs the command line in-process with a given environment, capturing standard output and
 * standard error.
 */
final class CliRunner {

	private final Map<String, String> environment = new HashMap<>();

	CliRunner env(String name, String value) {
		this.environment.put(name, value);
		return this;
	}

	Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = new MigrateCli(this.environment).run(args, new PrintWriter(out), new PrintWriter(err));
		return new Result(status, out.toString(), err.toString());
	}

	/** What a run printed and returned. */
	record Result(int status, String out, String err) {

		java.util.List<String> lines() {
			return this.out.lines().toList();
		}

	}

}
