package dev.migrate.engine;

import java.util.List;

import javax.sql.DataSource;

import dev.migrate.HistoryEntry;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationResult;
import dev.migrate.MigrationStatus;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;

/**
 * The engine behind {@link dev.migrate.Migrator}. Internal: use {@code Migrator}.
 */
public final class Engine {

	private Engine() {
	}

	/** Load the revisions and create the engine. */
	public static Engine create(DataSource dataSource, MigrateSettings settings, MigrationListener listener) {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** The validated revision graph. */
	public RevisionGraph graph() {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** See {@link dev.migrate.Migrator#upgrade(String)}. */
	public MigrationResult upgrade(String target) {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** See {@link dev.migrate.Migrator#downgrade(String)}. */
	public MigrationResult downgrade(String target) {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** See {@link dev.migrate.Migrator#stamp(List, boolean)}. */
	public MigrationResult stamp(List<String> targets, boolean purge) {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** See {@link dev.migrate.Migrator#current()}. */
	public List<String> current() {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** See {@link dev.migrate.Migrator#history()}. */
	public List<HistoryEntry> history() {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** See {@link dev.migrate.Migrator#heads()}. */
	public List<Revision> heads() {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** See {@link dev.migrate.Migrator#pending(String)}. */
	public List<Revision> pending(String target) {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** See {@link dev.migrate.Migrator#check(String)}. */
	public void check(String target) {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** See {@link dev.migrate.Migrator#status(String)}. */
	public MigrationStatus status(String target) {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** See {@link dev.migrate.Migrator#acceptChecksums(List)}. */
	public void acceptChecksums(List<String> revisions) {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** See {@link dev.migrate.Migrator#upgradeSql(String, String)}. */
	public String upgradeSql(String from, String target) {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** See {@link dev.migrate.Migrator#downgradeSql(String, String)}. */
	public String downgradeSql(String from, String target) {
		throw new UnsupportedOperationException("engine under construction");
	}

	/** See {@link dev.migrate.Migrator#stampSql(String, List)}. */
	public String stampSql(String from, List<String> targets) {
		throw new UnsupportedOperationException("engine under construction");
	}

}
