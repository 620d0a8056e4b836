package dev.migrate.schema;

import java.util.Set;

/**
 * Quotes PostgreSQL identifiers the way {@code quote_ident} does: only when the name is not a
 * plain lower-case identifier or is a keyword PostgreSQL does not accept as a bare name, so
 * generated SQL reads like hand-written SQL.
 */
final class Identifiers {

	/** PostgreSQL's keywords that {@code quote_ident} quotes (every category but unreserved). */
	private static final Set<String> KEYWORDS = Set.of(("all analyse analyze and any array as asc asymmetric "
			+ "authorization between bigint binary bit boolean both case cast char character check coalesce collate "
			+ "collation column concurrently constraint create cross current_catalog current_date current_role "
			+ "current_schema current_time current_timestamp current_user dec decimal default deferrable desc "
			+ "distinct do else end except exists extract false fetch float for foreign freeze from full grant "
			+ "greatest group grouping having ilike in initially inner inout int integer intersect interval into is "
			+ "isnull join lateral leading least left like limit localtime localtimestamp national natural nchar "
			+ "none normalize not notnull null nullif numeric offset on only or order out outer overlaps overlay "
			+ "placing position precision primary real references returning right row select session_user setof "
			+ "similar smallint some substring symmetric table tablesample then time timestamp to trailing treat "
			+ "trim true union unique user using values varchar variadic verbose when where window with "
			+ "xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot "
			+ "xmlserialize xmltable")
		.split(" "));

	private Identifiers() {
	}

	static String quote(String name) {
		if (isPlain(name)) {
			return name;
		}
		return '"' + name.replace("\"", "\"\"") + '"';
	}

	private static boolean isPlain(String name) {
		if (name.isEmpty() || KEYWORDS.contains(name)) {
			return false;
		}
		char first = name.charAt(0);
		if (!((first >= 'a' && first <= 'z') || first == '_')) {
			return false;
		}
		for (int i = 1; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
				return false;
			}
		}
		return true;
	}

	static String literal(String value) {
		if (value == null) {
			return "NULL";
		}
		return '\'' + value.replace("'", "''") + '\'';
	}

}
