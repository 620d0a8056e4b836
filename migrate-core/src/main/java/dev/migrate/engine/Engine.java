package dev.migrate.engine;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.ErrorCode;
import dev.migrate.HistoryEntry;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.MigrationListener;
import dev.migrate.MigrationResult;
import dev.migrate.MigrationStatus;
import dev.migrate.Vocabulary.Command;
import dev.migrate.Vocabulary.Setting;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.offline.OfflineSqlRenderer;
import dev.migrate.plan.Plan;
import dev.migrate.plan.Planner;
import dev.migrate.plan.Step;
import dev.migrate.revision.LoadedRevisions;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionLoader;
import dev.migrate.table.TableNames;

/**
 * The engine behind {@link dev.migrate.Migrator}, which is the API to use: this class is public
 * only so that the façade in another package can reach it.
 */
public final class Engine {

	private static final Logger logger = LoggerFactory.getLogger("dev.migrate.runtime");

	private static final String HEADS = "heads";

	private final MigrateSettings settings;

	private final MigrationListener listener;

	private final LoadedRevisions revisions;

	private final TableNames names;

	private final Connections connections;

	private final StateReader reader;

	private final MigrationRun run;

	private final OnFirstUse<GraphParts> graphParts;

	private Engine(DataSource dataSource, MigrateSettings settings, MigrationListener listener,
			LoadedRevisions revisions) {
		this.settings = settings;
		this.listener = listener;
		this.revisions = revisions;
		this.names = TableNames.of(settings.schema(), settings.versionTable(), settings.historyTable(),
				settings.vocabulary());
		this.connections = new Connections(dataSource, settings);
		this.reader = new StateReader(this.names);
		this.run = new MigrationRun(settings, this.names, this.connections, listener);
		this.graphParts = new OnFirstUse<>(() -> new GraphParts(RevisionGraph.of(this.revisions.revisions()),
				this.settings, this.names, this.connections, this.listener));
		if (revisions.indexedHeads() == null && !revisions.revisions().isEmpty()) {
			parts();
		}
	}

	/**
	 * Load and validate the revisions, and create the engine. When a revision index vouches for
	 * the revisions (see {@link RevisionLoader#loadAll}), their graph was validated when the index
	 * was written, and it is built when first needed.
	 * @param dataSource where the database is
	 * @param settings the settings
	 * @param listener receives the events of every run
	 * @return the engine
	 * @throws MigrateException when the revisions or the table names are invalid
	 */
	public static Engine create(DataSource dataSource, MigrateSettings settings, MigrationListener listener) {
		return create(dataSource, settings, listener, RevisionLoader.loadAll(settings.locations(),
				settings.classLoader(), settings.javaRevisions(), settings.vocabulary()));
	}

	/**
	 * Create the engine from revisions loaded beforehand, validating their graph.
	 * @param dataSource where the database is
	 * @param settings the settings (their locations and Java revisions are not read)
	 * @param listener receives the events of every run
	 * @param revisions the revisions
	 * @return the engine
	 * @throws MigrateException when the graph or the table names are invalid
	 */
	public static Engine create(DataSource dataSource, MigrateSettings settings, MigrationListener listener,
			List<Revision> revisions) {
		return create(dataSource, settings, listener, LoadedRevisions.of(revisions));
	}

	/**
	 * Create the engine from revisions loaded beforehand; their graph is validated now unless
	 * their revision index vouches for it.
	 * @param dataSource where the database is
	 * @param settings the settings (their locations and Java revisions are not read)
	 * @param listener receives the events of every run
	 * @param revisions the revisions
	 * @return the engine
	 * @throws MigrateException when the graph or the table names are invalid
	 */
	public static Engine create(DataSource dataSource, MigrateSettings settings, MigrationListener listener,
			LoadedRevisions revisions) {
		return new Engine(dataSource, settings, listener, revisions);
	}

	/** The validated revision graph, built now if it was not yet. */
	public RevisionGraph graph() {
		return parts().graph;
	}

	/** Whether the revision graph was built (for tests of the path that does without it). */
	boolean graphBuilt() {
		return this.graphParts.made();
	}

	/** See {@link dev.migrate.Migrator#headIds()}. */
	public List<String> headIds() {
		List<String> heads = this.revisions.indexedHeads();
		return (heads != null) ? heads : graph().heads();
	}

	/** See {@link dev.migrate.Migrator#knows(String)}. */
	public boolean knows(String revision) {
		List<String> heads = this.revisions.indexedHeads();
		return (heads != null && heads.contains(revision)) || graph().contains(revision);
	}

	private GraphParts parts() {
		return this.graphParts.get();
	}

	/**
	 * The heads of the database when it is exactly where the revision index says the revisions
	 * lead: at the graph's heads, with the recorded checksums of the indexed revisions (unless
	 * checksums are not validated). With no revisions at all, no index is needed: the database
	 * is where they lead when it has no version row and records no applied checksum. Answered
	 * with two short queries, without building the graph.
	 * @return the heads, or {@code null} when no index vouches for the revisions or the
	 * database is elsewhere (the full check then decides)
	 */
	private @Nullable Set<String> atIndexedHeads() {
		List<String> heads = this.revisions.indexedHeads();
		// without an index the revisions were built already, so asking for them costs nothing
		boolean none = heads == null && this.revisions.revisions().isEmpty();
		if (!none && (heads == null || heads.isEmpty())) {
			return null;
		}
		StateReader.RecordedDigest recorded = this.connections.read("reading the version table",
				this.reader::readDigest);
		Set<String> found = Set.copyOf(recorded.heads());
		Set<String> expected = none ? Set.of() : Set.copyOf(Objects.requireNonNull(heads));
		if (found.size() != recorded.heads().size() || !found.equals(expected)) {
			return null;
		}
		// indexed heads come with their digest; no revisions record no checksum
		String digest = none ? null : Objects.requireNonNull(this.revisions.indexedDigest());
		if (this.settings.validateChecksums() && !Objects.equals(digest, recorded.digest())) {
			return null;
		}
		return found;
	}

	/** See {@link dev.migrate.Migrator#upgrade(String)}. */
	public MigrationResult upgrade(String target) {
		if (HEADS.equals(target)) {
			long start = System.nanoTime();
			Set<String> heads = atIndexedHeads();
			if (heads != null) {
				return this.run.nothingToDo(heads, start);
			}
		}
		return this.run.run("upgrade", target, (state) -> planUpgrade(state, target, true));
	}

	/** See {@link dev.migrate.Migrator#downgrade(String)}. */
	public MigrationResult downgrade(String target) {
		return this.run.run("downgrade", target, (state) -> {
			GraphParts parts = parts();
			parts.validator.checkRows(state);
			if (this.settings.validateChecksums()) {
				parts.validator.checkChecksums(state);
			}
			return parts.planner.downgrade(state.headSet(), target);
		});
	}

	/** See {@link dev.migrate.Migrator#stamp(List, boolean)}. */
	public MigrationResult stamp(List<String> targets, boolean purge) {
		List<String> copy = List.copyOf(targets);
		return this.run.run("stamp", String.join(" ", copy) + (purge ? " (purge)" : ""),
				(state) -> parts().planner.stamp(state.headSet(), copy, purge));
	}

	/**
	 * Plan an upgrade: unknown rows fail (or, when allowed, give an empty plan with a warning),
	 * the planner checks the rows and resolves the target, then edited applied revisions fail.
	 * When the version table holds exactly the graph's heads and the target is {@code heads}
	 * (what every instance checks at startup), the plan is empty without asking the planner:
	 * those rows are known and cannot overlap.
	 */
	private Plan planUpgrade(DatabaseState state, String target, boolean warn) {
		GraphParts parts = parts();
		if (HEADS.equals(target) && isAtEveryHead(state)) {
			Set<String> heads = state.headSet();
			if (this.settings.validateChecksums()) {
				parts.validator.checkChecksums(state);
			}
			return new Plan(List.of(), heads, heads);
		}
		List<String> unknown = parts.validator.unknownRows(state);
		if (!unknown.isEmpty() && this.settings.allowUnknownRevisions()) {
			if (warn) {
				logger.warn("The database is at revision(s) {} which this build does not know (probably applied "
						+ "by a newer version); nothing is upgraded because of {}", unknown,
						this.settings.vocabulary().setting(Setting.ALLOW_UNKNOWN_REVISIONS));
			}
			return new Plan(List.of(), state.headSet(), state.headSet());
		}
		parts.validator.checkRows(state);
		Plan plan = parts.planner.upgrade(state.headSet(), target);
		if (this.settings.validateChecksums()) {
			parts.validator.checkChecksums(state);
		}
		return plan;
	}

	private boolean isAtEveryHead(DatabaseState state) {
		List<String> heads = graph().heads();
		return !heads.isEmpty() && state.heads().size() == heads.size() && state.heads().containsAll(heads);
	}

	/** See {@link dev.migrate.Migrator#current()}. */
	public List<String> current() {
		return this.connections.read("reading the version table", (connection) -> {
			boolean[] exist = this.reader.tablesExist(connection);
			return exist[0] ? this.reader.heads(connection) : List.<String>of();
		});
	}

	/** See {@link dev.migrate.Migrator#history()}. */
	public List<HistoryEntry> history() {
		HistoryReader history = new HistoryReader(this.names);
		return this.connections.read("reading the history table", (connection) -> {
			boolean[] exist = this.reader.tablesExist(connection);
			return exist[1] ? history.newestFirst(connection) : List.<HistoryEntry>of();
		});
	}

	/** See {@link dev.migrate.Migrator#heads()}. */
	public List<Revision> heads() {
		RevisionGraph graph = graph();
		return graph.heads().stream().map(graph::get).sorted(Comparator.comparing(Revision::id)).toList();
	}

	/** See {@link dev.migrate.Migrator#pending(String)}. */
	public List<Revision> pending(String target) {
		if (HEADS.equals(target) && atIndexedHeads() != null) {
			return List.of();
		}
		DatabaseState state = this.connections.read("reading the version table", this.reader::read);
		return revisionsOf(planUpgrade(state, target, false));
	}

	static List<Revision> revisionsOf(Plan plan) {
		List<Revision> revisions = new ArrayList<>(plan.steps().size());
		for (Step step : plan.steps()) {
			revisions.add(step.revision());
		}
		return revisions;
	}

	/** See {@link dev.migrate.Migrator#check(String)}. */
	public void check(String target) {
		if (HEADS.equals(target) && atIndexedHeads() != null) {
			return;
		}
		DatabaseState state = this.connections.read("reading the version table", this.reader::read);
		Plan plan = planUpgrade(state, target, true);
		if (!plan.isEmpty()) {
			List<String> ids = revisionsOf(plan).stream().map(Revision::id).toList();
			throw new MigrateException(ErrorCode.PENDING_REVISIONS,
					"The database is not at " + target + ": " + ids.size() + " revision(s) pending: "
							+ graph().describe(ids) + " (current: "
							+ (state.heads().isEmpty() ? "base" : String.join(", ", state.heads())) + ")",
					"Upgrade the database: " + this.settings.vocabulary().command(Command.upgrade(target)));
		}
	}

	/** See {@link dev.migrate.Migrator#status(String)}. */
	public MigrationStatus status(String target) {
		return parts().statusReporter.status(target);
	}

	/** See {@link dev.migrate.Migrator#invalidIndexes()}. */
	public List<String> invalidIndexes() {
		return this.connections.read("looking for INVALID indexes", (connection) -> {
			Set<String> schemas = new LinkedHashSet<>();
			schemas.add(Connections.schemaOf(connection, this.names.schema()));
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT unnest(current_schemas(false))")) {
				while (rs.next()) {
					schemas.add(rs.getString(1));
				}
			}
			return InvalidIndexes.in(connection, schemas);
		});
	}

	/** See {@link dev.migrate.Migrator#acceptChecksums(List)}. */
	public void acceptChecksums(List<String> revisions) {
		parts().checksumAcceptor.accept(List.copyOf(revisions));
	}

	/** See {@link dev.migrate.Migrator#upgradeSql(String, String)}. */
	public String upgradeSql(@Nullable String from, String target) {
		return renderer().render(parts().planner.offlineUpgrade(range(from, target)));
	}

	/** See {@link dev.migrate.Migrator#downgradeSql(String, String)}. */
	public String downgradeSql(@Nullable String from, String target) {
		return renderer().render(parts().planner.offlineDowngrade(range(from, target)));
	}

	/** See {@link dev.migrate.Migrator#stampSql(String, List)}. */
	public String stampSql(@Nullable String from, List<String> targets) {
		if (targets.size() == 1) {
			return renderer().render(parts().planner.offlineStamp(range(from, targets.get(0))));
		}
		Set<String> start = (from != null) ? parts().planner.resolver().resolve(from, Set.of()) : Set.of();
		return renderer().render(parts().planner.stamp(start, targets, false));
	}

	private static String range(@Nullable String from, String target) {
		return (from != null) ? from + ":" + target : target;
	}

	private OfflineSqlRenderer renderer() {
		return new OfflineSqlRenderer(this.names, this.settings.singleTransaction());
	}

	/** What needs the revision graph, built together when it is first needed. */
	private static final class GraphParts {

		private final RevisionGraph graph;

		private final Planner planner;

		private final StateValidator validator;

		private final StatusReporter statusReporter;

		private final ChecksumAcceptor checksumAcceptor;

		GraphParts(RevisionGraph graph, MigrateSettings settings, TableNames names, Connections connections,
				MigrationListener listener) {
			this.graph = graph;
			this.planner = new Planner(graph, settings.vocabulary());
			this.validator = new StateValidator(graph, this.planner, settings.vocabulary(), settings.versionTable());
			this.statusReporter = new StatusReporter(settings, graph, names, connections, this.validator);
			this.checksumAcceptor = new ChecksumAcceptor(settings, graph, names, connections, listener, this.validator);
		}

	}

}
