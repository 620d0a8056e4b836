package dev.migrate.command;

import java.io.PrintWriter;
import java.util.List;

import dev.migrate.MigrationStatus;
import dev.migrate.Migrator;
import dev.migrate.shadow.DriftCheck;
import dev.migrate.shadow.ShadowDatabase;

/**
 * {@code check --drift}: what {@link CheckCommand} checks, then the revisions the database
 * records as applied are replayed into a shadow database and the live schema is compared with
 * theirs. Prints each difference ({@code table "account": column "nickname" exists in the
 * database but no revision creates it}) and returns {@link ExitStatus#PROBLEMS} on drift, or
 * {@code No drift: ...}.
 */
public record DriftCheckCommand() implements MigrateCommand {

	@Override
	public int run(CommandContext context) {
		int status = new CheckCommand().run(context);
		Migrator migrator = context.migrator();
		PrintWriter out = context.out();
		if (migrator.status("heads").state() == MigrationStatus.State.UNKNOWN_REVISION) {
			out.println("Drift not checked: the database records revisions these revisions do not include");
			out.flush();
			return ExitStatus.PROBLEMS;
		}
		List<String> drift;
		try (ShadowDatabase shadow = context.openShadow("check --drift")) {
			drift = DriftCheck.run(migrator, migrator.dataSource(), shadow);
		}
		if (drift.isEmpty()) {
			out.println("No drift: the database schema is what its applied revisions create");
			out.flush();
			return status;
		}
		drift.forEach(out::println);
		out.flush();
		return ExitStatus.PROBLEMS;
	}

	@Override
	public boolean needsDatabase() {
		return true;
	}

}
