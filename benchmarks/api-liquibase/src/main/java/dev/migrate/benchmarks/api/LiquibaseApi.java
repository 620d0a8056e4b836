package dev.migrate.benchmarks.api;

import java.nio.file.Path;
import java.util.Map;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Liquibase's Java API from a plain {@code main}: the {@code update} command with
 * {@code changelog.xml} of the directory given as the only argument, on the database of
 * {@code DATABASE_URL}, {@code DATABASE_USER} and {@code DATABASE_PASSWORD}.
 */
public final class LiquibaseApi {

	private LiquibaseApi() {
	}

	public static void main(String[] args) throws Exception {
		try (DirectoryResourceAccessor resources = new DirectoryResourceAccessor(Path.of(args[0]))) {
			Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), resources),
					() -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
						.addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, System.getenv("DATABASE_URL"))
						.addArgumentValue(DbUrlConnectionArgumentsCommandStep.USERNAME_ARG, System.getenv("DATABASE_USER"))
						.addArgumentValue(DbUrlConnectionArgumentsCommandStep.PASSWORD_ARG,
								System.getenv("DATABASE_PASSWORD"))
						.addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, "changelog.xml")
						.execute());
		}
	}

}
