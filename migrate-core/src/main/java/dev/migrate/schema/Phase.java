package dev.migrate.schema;

/**
 * The order steps run in: what depends on an object is dropped before it and created after it.
 * Downgrades run the inverse steps in the reverse order.
 */
enum Phase {

	/** Comments that go with an object dropped later (the downgrade puts them back). */
	COMMENT_REMOVALS,

	DROP_TRIGGERS,

	/** Before views: indexes of a materialized view are recreated after it on the downgrade. */
	DROP_INDEXES,

	DROP_VIEWS,

	DROP_FOREIGN_KEYS,

	DROP_CONSTRAINTS,

	CREATE_SCHEMAS,

	CREATE_EXTENSIONS,

	CREATE_TYPES,

	CREATE_SEQUENCES,

	/** Routines whose signature or result type changes are dropped before they are created again. */
	DROP_REPLACED_ROUTINES,

	/** Routines in languages whose bodies are not checked against tables at creation (plpgsql, C). */
	CREATE_ROUTINES,

	DISOWN_SEQUENCES,

	ALTER_COLUMNS,

	/** SQL-language routines go before the tables their bodies name (the downgrade creates them after). */
	DROP_SQL_ROUTINES,

	DROP_TABLES,

	CREATE_TABLES,

	OWN_SEQUENCES,

	/** SQL-language routines, whose bodies name tables that must exist. */
	CREATE_SQL_ROUTINES,

	ADD_CONSTRAINTS,

	ADD_FOREIGN_KEYS,

	CREATE_VIEWS,

	CREATE_INDEXES,

	CREATE_TRIGGERS,

	COMMENTS,

	DROP_ROUTINES,

	DROP_SEQUENCES,

	DROP_TYPES,

	DROP_EXTENSIONS,

	DROP_SCHEMAS

}
