package dev.migrate.revision;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.JavaRevision;
import dev.migrate.MigrateException;
import dev.migrate.RevisionInfo;

/**
 * Turns {@link JavaRevision} instances into {@link Revision Revisions}, from their
 * {@link RevisionInfo @RevisionInfo}.
 */
final class JavaRevisions {

	private JavaRevisions() {
	}

	/**
	 * Describe a Java revision.
	 * @param javaRevision the instance
	 * @return the revision, with source {@code java:<class name>} and no checksum; reversible
	 * when the class overrides {@link JavaRevision#downgrade(Connection)}
	 * @throws MigrateException with {@link ErrorCode#REVISION_FORMAT} when the annotation is
	 * missing or its ids are invalid
	 */
	static Revision toRevision(JavaRevision javaRevision) {
		Class<?> type = annotatedClass(javaRevision.getClass());
		String source = "java:" + ((type != null) ? type : javaRevision.getClass()).getName();
		if (type == null) {
			throw new MigrateException(ErrorCode.REVISION_FORMAT,
					source + ": Java revision has no @" + RevisionInfo.class.getSimpleName() + " annotation",
					"Annotate the class, e.g. @RevisionInfo(id = \"ae1027a6acf\", downRevision = \"1975ea83b712\", "
							+ "message = \"backfill account names\")");
		}
		RevisionInfo info = type.getAnnotation(RevisionInfo.class);
		String id = info.id();
		String problem = RevisionIds.problem(id);
		if (problem != null) {
			throw new MigrateException(ErrorCode.REVISION_FORMAT,
					source + ": @RevisionInfo id '" + id + "' " + problem, RevisionIds.RULE);
		}
		List<String> downRevisions = new ArrayList<>(info.downRevision().length);
		for (String downRevision : info.downRevision()) {
			String downProblem = RevisionIds.problem(downRevision);
			if (downProblem != null) {
				throw new MigrateException(ErrorCode.REVISION_FORMAT,
						source + ": @RevisionInfo downRevision '" + downRevision + "' " + downProblem,
						RevisionIds.RULE + "; give several down revisions as an array, e.g. "
								+ "downRevision = { \"ae1027a6acf\", \"27c6a30d7c24\" }");
			}
			if (downRevisions.contains(downRevision)) {
				throw new MigrateException(ErrorCode.REVISION_FORMAT,
						source + ": @RevisionInfo downRevision lists '" + downRevision + "' twice",
						"List each down revision once");
			}
			if (downRevision.equals(id)) {
				throw new MigrateException(ErrorCode.REVISION_FORMAT,
						source + ": revision '" + id + "' lists itself as its down revision",
						"Set downRevision to the id of the revision this one follows");
			}
			downRevisions.add(downRevision);
		}
		List<String> branchLabels = new ArrayList<>(info.branchLabels().length);
		for (String label : info.branchLabels()) {
			String labelProblem = RevisionIds.labelProblem(label);
			if (labelProblem != null || branchLabels.contains(label)) {
				throw new MigrateException(ErrorCode.REVISION_FORMAT,
						source + ": @RevisionInfo branchLabels '" + label + "' "
								+ ((labelProblem != null) ? labelProblem : "is listed twice"),
						RevisionIds.LABEL_RULE + "; list each label once");
			}
			branchLabels.add(label);
		}
		List<String> dependsOn = new ArrayList<>(info.dependsOn().length);
		for (String dependency : info.dependsOn()) {
			String dependencyProblem = RevisionIds.problem(dependency);
			if (dependencyProblem == null && (dependsOn.contains(dependency) || dependency.equals(id)
					|| downRevisions.contains(dependency))) {
				dependencyProblem = dependency.equals(id) ? "is the revision itself"
						: downRevisions.contains(dependency) ? "is also a down revision" : "is listed twice";
			}
			if (dependencyProblem != null) {
				throw new MigrateException(ErrorCode.REVISION_FORMAT,
						source + ": @RevisionInfo dependsOn '" + dependency + "' " + dependencyProblem,
						"Name other revisions by id or branch label, each once and not also in downRevision; "
								+ RevisionIds.RULE);
			}
			dependsOn.add(dependency);
		}
		RevisionScript downgrade = overridesDowngrade(javaRevision.getClass())
				? new RevisionScript.Java(javaRevision, false) : null;
		return new Revision(id, downRevisions, branchLabels, dependsOn, info.message(), null, info.transactional(), source, null,
				new RevisionScript.Java(javaRevision, true), downgrade);
	}

	/** The class carrying the annotation: the class itself or, for proxies, a superclass. */
	private static @Nullable Class<?> annotatedClass(Class<?> type) {
		for (Class<?> candidate = type; candidate != null && candidate != Object.class; candidate = candidate
			.getSuperclass()) {
			if (candidate.isAnnotationPresent(RevisionInfo.class)) {
				return candidate;
			}
		}
		return null;
	}

	private static boolean overridesDowngrade(Class<?> type) {
		try {
			return type.getMethod("downgrade", Connection.class).getDeclaringClass() != JavaRevision.class;
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("JavaRevision.downgrade(Connection) not found on " + type.getName(), ex);
		}
	}

}
