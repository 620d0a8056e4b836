package dev.migrate.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.Vocabulary;
import dev.migrate.Vocabulary.Setting;

/**
 * The way out of {@code insufficient_privilege} (SQLSTATE {@code 42501}): the object the role
 * lacks privileges on, read from the server's message ({@code permission denied for table
 * migrate_version}, {@code must be owner of table account}), and the advice to grant them or
 * run migrations with a role that has them.
 */
final class InsufficientPrivilege {

	/** SQLSTATE of {@code insufficient_privilege}. */
	static final String SQL_STATE = "42501";

	private static final Pattern PERMISSION_DENIED = Pattern.compile("permission denied for (\\S+ .+)");

	private static final Pattern MUST_BE_OWNER = Pattern.compile("must be owner of (\\S+ .+)");

	private InsufficientPrivilege() {
	}

	/** Whether the error is {@code insufficient_privilege}. */
	static boolean is(ServerError error) {
		return SQL_STATE.equals(error.sqlState());
	}

	/**
	 * What to do about the error.
	 * @param error an {@code insufficient_privilege} error
	 * @param vocabulary how the caller names the connection setting
	 * @return e.g. {@code The role migrations run as lacks privileges on table migrate_version:
	 * grant them to it, or run migrations with a privileged role (<the connection setting>)}
	 */
	static String action(ServerError error, Vocabulary vocabulary) {
		String message = error.message().strip();
		Matcher owner = MUST_BE_OWNER.matcher(message);
		String lacks;
		String grant;
		if (owner.matches()) {
			lacks = "does not own " + owner.group(1) + ", and only its owner may do this";
			grant = "make it the owner (or a member of the owning role)";
		}
		else {
			Matcher denied = PERMISSION_DENIED.matcher(message);
			if (denied.matches()) {
				lacks = "lacks privileges on " + denied.group(1);
				grant = "grant them to it";
			}
			else {
				lacks = "lacks a privilege this needs (" + message + ")";
				grant = "grant it";
			}
		}
		return "The database role migrations run as " + lacks + ": " + grant
				+ ", or run migrations with a privileged role (" + vocabulary.setting(Setting.CONNECTION) + ")";
	}

}
