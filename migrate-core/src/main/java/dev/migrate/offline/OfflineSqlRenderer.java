package dev.migrate.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.plan.Direction;
import dev.migrate.plan.Plan;
import dev.migrate.plan.Step;
import dev.migrate.plan.VersionChange;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionScript;
import dev.migrate.sql.SqlStatement;
import dev.migrate.table.HistoryTableSql;
import dev.migrate.table.TableNames;
import dev.migrate.table.VersionTableSql;

/**
 * Renders a {@link Plan} as a PostgreSQL script (offline SQL), in the shape of
 * Alembic's offline output: every step introduced by a {@code -- Running ...} comment, followed
 * by its statements, its version-table changes and its history row.
 *
 * <p>
 * By default each revision runs in its own {@code BEGIN; ... COMMIT;}, together with the rows
 * that record it. With a single transaction the whole script is one {@code BEGIN; ... COMMIT;}.
 * A non-transactional revision's statements always run outside any transaction (in a single
 * transaction they are preceded by {@code COMMIT;}), then its rows are written in a transaction
 * of their own. A plan starting from base first creates the version and history tables.
 * Statements end with {@code ;} and are separated by blank lines; the output depends only on the
 * plan and the table names.
 */
public final class OfflineSqlRenderer {

	private final VersionTableSql versionTable;

	private final HistoryTableSql historyTable;

	private final boolean singleTransaction;

	/**
	 * Create a renderer that gives each revision its own transaction.
	 * @param names the version and history table names
	 */
	public OfflineSqlRenderer(TableNames names) {
		this(names, false);
	}

	/**
	 * Create a renderer.
	 * @param names the version and history table names
	 * @param singleTransaction whether to wrap the whole script in one transaction instead of one
	 * per revision
	 */
	public OfflineSqlRenderer(TableNames names, boolean singleTransaction) {
		this.versionTable = new VersionTableSql(names);
		this.historyTable = new HistoryTableSql(names);
		this.singleTransaction = singleTransaction;
	}

	/**
	 * Render the plan.
	 * @param plan the plan
	 * @return the script, ending with a newline
	 * @throws MigrateException {@link ErrorCode#OFFLINE_UNSUPPORTED} when a step runs a Java
	 * revision, {@link ErrorCode#IRREVERSIBLE} when a downgrade step has no downgrade; checked
	 * before anything is rendered
	 */
	public String render(Plan plan) {
		List<List<SqlStatement>> statements = new ArrayList<>();
		for (Step step : plan.steps()) {
			statements.add(statementsOf(step));
		}
		List<String> blocks = new ArrayList<>();
		if (plan.isEmpty()) {
			blocks.add("-- Nothing to do: the plan has no steps");
			return render(blocks);
		}
		if (this.singleTransaction) {
			blocks.add("BEGIN;");
		}
		if (plan.headsBefore().isEmpty()) {
			this.versionTable.createSchemaIfNotExists().ifPresent((sql) -> blocks.add(sql + ";"));
			blocks.add(this.versionTable.createIfNotExists() + ";");
			blocks.add(this.historyTable.createIfNotExists() + ";");
		}
		for (int i = 0; i < plan.steps().size(); i++) {
			renderStep(plan.steps().get(i), statements.get(i), blocks);
		}
		if (this.singleTransaction) {
			blocks.add("COMMIT;");
		}
		return render(blocks);
	}

	private void renderStep(Step step, List<SqlStatement> statements, List<String> blocks) {
		blocks.add("-- " + step.describe());
		boolean transactional = step.direction() == Direction.STAMP || revisionOf(step).transactional();
		if (!transactional && this.singleTransaction) {
			blocks.add("COMMIT;");
		}
		if (transactional && !this.singleTransaction) {
			blocks.add("BEGIN;");
		}
		for (SqlStatement statement : statements) {
			if (!statement.sql().isBlank()) {
				blocks.add(terminate(statement.sql()));
			}
		}
		if (!transactional) {
			blocks.add("BEGIN;");
		}
		for (VersionChange change : step.versionChanges()) {
			blocks.add(versionChange(change));
		}
		Revision revision = step.revision();
		blocks.add(this.historyTable.insert((revision != null) ? revision.id() : null,
				step.direction().name().toLowerCase(Locale.ROOT), (revision != null) ? revision.message() : null,
				(revision != null) ? revision.checksum() : null, null));
		if (!this.singleTransaction) {
			blocks.add("COMMIT;");
		}
	}

	private List<SqlStatement> statementsOf(Step step) {
		if (step.direction() == Direction.STAMP) {
			return List.of();
		}
		Revision revision = revisionOf(step);
		RevisionScript script = (step.direction() == Direction.UPGRADE) ? revision.upgrade() : revision.downgrade();
		if (script == null) {
			throw new MigrateException(ErrorCode.IRREVERSIBLE,
					"Revision " + revision.id() + " (" + revision.source() + ") has no downgrade",
					"Add a '-- downgrade' section (an empty one is an explicit no-op), or render a range that "
							+ "stops above " + revision.id());
		}
		if (script instanceof RevisionScript.Java java) {
			String type = java.revision().getClass().getName();
			throw new MigrateException(ErrorCode.OFFLINE_UNSUPPORTED,
					"Revision " + revision.id() + " is a Java revision (" + type
							+ ") and cannot be rendered as offline SQL",
					"Run this revision online (not as offline SQL), or render a from:to range that stops before it "
							+ "and another that starts after it");
		}
		return ((RevisionScript.Sql) script).statements();
	}

	/** The revision an upgrade or downgrade step runs (only a stamp to base has none). */
	private static Revision revisionOf(Step step) {
		return Objects.requireNonNull(step.revision(), () -> "the " + step.direction() + " step has a revision");
	}

	private String versionChange(VersionChange change) {
		if (change instanceof VersionChange.Insert insert) {
			return this.versionTable.insert(insert.revision());
		}
		if (change instanceof VersionChange.Delete delete) {
			return this.versionTable.delete(delete.revision());
		}
		VersionChange.Update update = (VersionChange.Update) change;
		return this.versionTable.update(update.from(), update.to());
	}

	/**
	 * Append the semicolon; on a line of its own when the statement's last line has a
	 * {@code --} comment that would otherwise swallow it.
	 */
	static String terminate(String sql) {
		String text = sql.stripTrailing();
		String lastLine = text.substring(text.lastIndexOf('\n') + 1);
		return lastLine.contains("--") ? text + "\n;" : text + ";";
	}

	private static String render(List<String> blocks) {
		return String.join("\n\n", blocks) + "\n";
	}

}
