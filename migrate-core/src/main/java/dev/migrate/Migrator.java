package dev.migrate;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migrate.engine.Awaiter;
import dev.migrate.engine.Engine;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.LoadedRevisions;
import dev.migrate.revision.Revision;

/**
 * The entry point of migrate: applies, reverts and inspects revisions on one PostgreSQL
 * database. Thread-safe; build one with {@link #create(DataSource, MigrateSettings)}.
 *
 * <p>
 * Writes ({@link #upgrade}, {@link #downgrade}, {@link #stamp}, {@link #acceptChecksums}) first
 * read the state without a lock and return at once when there is nothing to do; otherwise they
 * take the migration's advisory lock on one dedicated connection, read and plan again, run and
 * unlock. Reads never take the lock and never create the tables. A listener receives
 * {@link MigrationEvent}s in order on the calling thread; a write that returns on the fast path,
 * or fails validation before the lock, sends only {@link MigrationEvent.RunFinished}.
 */
public final class Migrator {

	private final MigrateSettings settings;

	private final Engine engine;

	private final DataSource dataSource;

	private Migrator(MigrateSettings settings, Engine engine, DataSource dataSource) {
		this.settings = settings;
		this.engine = engine;
		this.dataSource = dataSource;
	}

	/**
	 * Create a migrator, loading and validating the revisions now.
	 * @param dataSource where the database is
	 * @param settings where revisions are and where state is kept
	 * @return the migrator
	 * @throws MigrateException when the revisions cannot be loaded or do not form a valid graph
	 */
	public static Migrator create(DataSource dataSource, MigrateSettings settings) {
		return create(dataSource, settings, MigrationListener.NONE);
	}

	/**
	 * Create a migrator that reports progress to a listener, loading and validating the
	 * revisions now.
	 * @param dataSource where the database is
	 * @param settings where revisions are and where state is kept
	 * @param listener receives the events of every run
	 * @return the migrator
	 * @throws MigrateException when the revisions cannot be loaded or do not form a valid graph
	 */
	public static Migrator create(DataSource dataSource, MigrateSettings settings, MigrationListener listener) {
		Objects.requireNonNull(dataSource, "'dataSource' must not be null");
		Objects.requireNonNull(settings, "'settings' must not be null");
		Objects.requireNonNull(listener, "'listener' must not be null");
		return new Migrator(settings, Engine.create(dataSource, settings, listener), dataSource);
	}

	/**
	 * Create a migrator from revisions loaded beforehand (for example on another thread while an
	 * application starts), validating their graph now. The locations and Java revisions of the
	 * settings are not read again.
	 * @param dataSource where the database is
	 * @param settings where state is kept
	 * @param listener receives the events of every run
	 * @param revisions every revision, as {@link dev.migrate.revision.RevisionLoader#load} returns them
	 * @return the migrator
	 * @throws MigrateException when the revisions do not form a valid graph
	 */
	public static Migrator create(DataSource dataSource, MigrateSettings settings, MigrationListener listener,
			List<Revision> revisions) {
		Objects.requireNonNull(dataSource, "'dataSource' must not be null");
		Objects.requireNonNull(settings, "'settings' must not be null");
		Objects.requireNonNull(listener, "'listener' must not be null");
		Objects.requireNonNull(revisions, "'revisions' must not be null");
		return new Migrator(settings, Engine.create(dataSource, settings, listener, revisions), dataSource);
	}

	/**
	 * Create a migrator from revisions loaded beforehand with
	 * {@link dev.migrate.revision.RevisionLoader#loadAll}: their graph is validated now, unless
	 * their revision index vouches for it (it is then built when first needed). The locations and
	 * Java revisions of the settings are not read again.
	 * @param dataSource where the database is
	 * @param settings where state is kept
	 * @param listener receives the events of every run
	 * @param revisions every revision
	 * @return the migrator
	 * @throws MigrateException when the revisions do not form a valid graph
	 */
	public static Migrator create(DataSource dataSource, MigrateSettings settings, MigrationListener listener,
			LoadedRevisions revisions) {
		Objects.requireNonNull(dataSource, "'dataSource' must not be null");
		Objects.requireNonNull(settings, "'settings' must not be null");
		Objects.requireNonNull(listener, "'listener' must not be null");
		Objects.requireNonNull(revisions, "'revisions' must not be null");
		return new Migrator(settings, Engine.create(dataSource, settings, listener, revisions), dataSource);
	}

	/** The settings this migrator was created with. */
	public MigrateSettings settings() {
		return this.settings;
	}

	/** The data source of the database this migrator works on. */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/** The validated revision graph (built on first use when a revision index vouched for it). */
	public RevisionGraph graph() {
		return this.engine.graph();
	}

	/**
	 * Whether this build has a revision, answered without building the graph for the heads a
	 * revision index vouches for.
	 * @param revision a full revision id
	 * @return whether a revision has this id
	 */
	public boolean knows(String revision) {
		return this.engine.knows(revision);
	}

	/**
	 * Upgrade the database to a target ({@code head}, {@code heads}, an id or prefix, {@code +N},
	 * {@code <id>+N}...), under the migration lock.
	 * @param target the target
	 * @return what was done
	 * @throws MigrateException when validation, the lock or a revision fails
	 */
	public MigrationResult upgrade(String target) {
		return this.engine.upgrade(target);
	}

	/**
	 * Downgrade the database to a target ({@code -1}, {@code base}, an id...), under the
	 * migration lock.
	 * @param target the target
	 * @return what was done
	 * @throws MigrateException when validation, the lock or a revision fails
	 */
	public MigrationResult downgrade(String target) {
		return this.engine.downgrade(target);
	}

	/**
	 * Set the version table to the targets without running any revision, under the migration
	 * lock.
	 * @param targets the revisions to stamp ({@code base} to clear)
	 * @param purge whether to empty the version table first (no check of its rows)
	 * @return what was done
	 */
	public MigrationResult stamp(List<String> targets, boolean purge) {
		return this.engine.stamp(targets, purge);
	}

	/** The version-table rows, sorted; empty when the table does not exist (it is never created). */
	public List<String> current() {
		return this.engine.current();
	}

	/** The history rows, newest first; empty when the table does not exist. */
	public List<HistoryEntry> history() {
		return this.engine.history();
	}

	/** The heads of the revision graph, sorted by id. */
	public List<Revision> heads() {
		return this.engine.heads();
	}

	/**
	 * The ids of the graph's heads, sorted: the version table's rows once every revision is
	 * applied. Answered from the revision index, without building the graph, when it vouches for
	 * the revisions.
	 * @return the ids
	 */
	public List<String> headIds() {
		return this.engine.headIds();
	}

	/**
	 * The revisions {@link #upgrade(String)} would run for a target, in order, read without the
	 * lock.
	 * @param target the target
	 * @return the pending revisions
	 */
	public List<Revision> pending(String target) {
		return this.engine.pending(target);
	}

	/**
	 * Validate the database against a target without writing anything.
	 * @param target the target
	 * @throws MigrateException {@code PENDING_REVISIONS}, {@code CHECKSUM_MISMATCH},
	 * {@code UNKNOWN_REVISION_IN_DATABASE} or {@code MULTIPLE_HEADS} when the database is not at
	 * the target
	 */
	public void check(String target) {
		this.engine.check(target);
	}

	/**
	 * Where the database stands against a target, without the lock. Problems of the database
	 * state are reported in the status, not thrown.
	 * @param target the target
	 * @return the status
	 */
	public MigrationStatus status(String target) {
		return this.engine.status(target);
	}

	/**
	 * The INVALID indexes ({@code pg_index.indisvalid} false, left by an interrupted
	 * {@code CREATE INDEX CONCURRENTLY} or {@code REINDEX CONCURRENTLY}) in the schema of the
	 * version table and the schemas of the connection's {@code search_path}, read without the
	 * lock. Indexes being built at the moment are not listed.
	 * @return their schema-qualified names, sorted
	 */
	public List<String> invalidIndexes() {
		return this.engine.invalidIndexes();
	}

	/**
	 * Wait, without the lock and without writing, until another process (an instance or a job
	 * that migrates) brings the database to a target: what an init container or a replica that
	 * does not migrate does before it starts.
	 * @param target the target, e.g. {@code heads}
	 * @param timeout how long to wait at most
	 * @return the status once the database is at the target
	 * @throws MigrateException {@code AWAIT_TIMEOUT} when the timeout passes; the failure of
	 * {@link #check(String)} at once when waiting cannot help (edited revisions, several heads,
	 * an unknown revision unless allowed)
	 */
	public MigrationStatus await(String target, Duration timeout) {
		return await(target, timeout, (status) -> {
		});
	}

	/**
	 * Wait until the database is at a target, as {@link #await(String, Duration)}, showing each
	 * status read to an observer (e.g. to publish the pending count).
	 * @param target the target
	 * @param timeout how long to wait at most
	 * @param progress sees each status read, on the calling thread
	 * @return the status once the database is at the target
	 */
	public MigrationStatus await(String target, Duration timeout, Consumer<MigrationStatus> progress) {
		Objects.requireNonNull(target, "'target' must not be null");
		Objects.requireNonNull(timeout, "'timeout' must not be null");
		Objects.requireNonNull(progress, "'progress' must not be null");
		return new Awaiter(this::status, this::check, this.settings.allowUnknownRevisions(),
				this.settings.vocabulary())
			.await(target, timeout, progress);
	}

	/**
	 * Accept the current checksums of edited applied revisions, recording an
	 * {@code accept_checksum} history row for each.
	 * @param revisions the revision ids (empty: every applied revision whose checksum differs)
	 */
	public void acceptChecksums(List<String> revisions) {
		this.engine.acceptChecksums(revisions);
	}

	/**
	 * The SQL an upgrade would run, without a database.
	 * @param from the starting revision, or {@code null} for base (the script then creates the
	 * tables)
	 * @param target the target
	 * @return the SQL script
	 */
	public String upgradeSql(@Nullable String from, String target) {
		return this.engine.upgradeSql(from, target);
	}

	/**
	 * The SQL a downgrade would run, without a database.
	 * @param from the starting revision ({@code null} is refused: an offline downgrade must say
	 * where the database is)
	 * @param target the target
	 * @return the SQL script
	 */
	public String downgradeSql(@Nullable String from, String target) {
		return this.engine.downgradeSql(from, target);
	}

	/**
	 * The SQL a stamp would run, without a database.
	 * @param from the starting revision, or {@code null} for base
	 * @param targets the revisions to stamp
	 * @return the SQL script
	 */
	public String stampSql(@Nullable String from, List<String> targets) {
		return this.engine.stampSql(from, targets);
	}

}
