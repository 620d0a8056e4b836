package dev.migrate.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;

/**
 * Runs command lines against a data source and settings, capturing what they print; new
 * revisions get a fixed create date and ids from a queue (random ones when it is empty).
 */
final class CommandHarness {

	/** The create date of revisions written by commands run here. */
	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T17:03:42Z"), ZoneOffset.UTC);

	private final DataSource dataSource;

	private final MigrateSettings settings;

	private final Deque<String> ids = new ArrayDeque<>();

	CommandHarness(DataSource dataSource, MigrateSettings settings) {
		this.dataSource = dataSource;
		this.settings = settings;
	}

	/** A harness whose data source points at a port where nothing listens. */
	static CommandHarness withoutDatabase(MigrateSettings settings) {
		PGSimpleDataSource nowhere = new PGSimpleDataSource();
		nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
		return new CommandHarness(nowhere, settings);
	}

	/** Queue ids for the next revisions written. */
	CommandHarness ids(String... ids) {
		this.ids.addAll(List.of(ids));
		return this;
	}

	Result run(String commandLine) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandContext context = CommandContext.builder(this.settings)
			.migrator(() -> Migrator.create(this.dataSource, this.settings))
			.out(new PrintWriter(out))
			.err(new PrintWriter(err))
			.clock(CLOCK)
			.revisionIds(() -> this.ids.isEmpty() ? CommandContext.randomRevisionId() : this.ids.poll())
			.database(() -> "the test database")
			.build();
		int status = CommandRunner.run(commandLine, context);
		return new Result(status, out.toString(), err.toString());
	}

	/** A text file from the test classpath. */
	static String resource(String name) {
		try (InputStream in = CommandHarness.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalArgumentException("No resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Copy revision files of the test classpath directory into a directory. */
	static Path copyRevisions(String resourceDir, Path target, String... fileNames) {
		try {
			Files.createDirectories(target);
			for (String fileName : fileNames) {
				Files.writeString(target.resolve(fileName), resource(resourceDir + "/" + fileName));
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What a command printed and returned. */
	record Result(int status, String out, String err) {

		List<String> lines() {
			return this.out.lines().toList();
		}

	}

}
