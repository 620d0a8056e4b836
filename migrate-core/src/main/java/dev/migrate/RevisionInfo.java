package dev.migrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata of a {@link JavaRevision}: the same fields as the header of a SQL revision
 * file.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RevisionInfo {

	/** Id of the revision: 1-32 characters, none of {@code @ - + :}. */
	String id();

	/** Ids of the revisions this one follows: none for a base, two or more for a merge point. */
	String[] downRevision() default {};

	/**
	 * Branch labels this revision declares (the {@code branch_labels} header): names usable as
	 * targets ({@code billing@head}); revisions above it inherit them.
	 */
	String[] branchLabels() default {};

	/**
	 * Revisions (ids) or branch labels this revision depends on (the {@code depends_on} header):
	 * applied before it and kept while it is applied, without merging it with them.
	 */
	String[] dependsOn() default {};

	/** Short description shown in history and logs. */
	String message() default "";

	/** Whether the revision runs inside a transaction together with its version-table change. */
	boolean transactional() default true;

}
