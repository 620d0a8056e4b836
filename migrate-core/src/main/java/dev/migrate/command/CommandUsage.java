package dev.migrate.command;

/**
 * The usage text of the commands, printed by {@code help} where there is no richer help (the
 * application's command mode).
 */
final class CommandUsage {

	static final String TEXT = """
			Commands (Alembic's, run against this application's database and revisions):
			  current [-v]                            the revision(s) the database is at
			  history [-v] [-i] [-r start:end]        the revisions, newest first (-i marks the current ones)
			  heads [-v]                              the heads of the revision graph
			  branches [-v]                           the branch points and what builds on them
			  show <rev>                              one revision in detail (also: show current, show heads)
			  upgrade <target> [--sql]                apply revisions up to <target>: head, heads, <id>, +N
			  downgrade <target> [--sql]              revert revisions down to <target>: -1, base, <id>
			                                          (with --sql give a range <from>:<to>)
			  stamp <target>... [--purge] [--sql]     set the version table without running revisions
			  check                                   exit 1 if revisions are pending, there are several heads,
			                                          applied revisions were edited or the database is at an
			                                          unknown revision
			  check --drift                           also replay the applied revisions into a shadow database
			                                          and exit 1 if the schema differs from what they create
			  accept-checksum [<rev>...]              accept the edited files of applied revisions as they are
			                                          now (all edited ones when no <rev> is given)
			  revision -m MSG [--head H] [--splice] [--non-transactional] [--rev-id ID] [--dir DIR]
			                                          write a new empty revision file
			  revision --autogenerate -m MSG [--to FILE[,FILE...]] [--rev-id ID] [--dir DIR]
			                                          write the revision that turns the database (at its heads)
			                                          into the schema of FILEs (schema.sql, pg_dump
			                                          --schema-only) or, without --to, of the JPA entities
			  merge -m MSG heads|<rev>... [--rev-id ID] [--dir DIR]
			                                          write a revision merging the given revisions
			  help                                    this text
			Exit status: 0 ok, 1 check found problems, 2 usage error, 3 failure.
			""";

	private CommandUsage() {
	}

}
