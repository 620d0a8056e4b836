package dev.migrate.schema;

import java.util.List;

/**
 * Two schemas as SQL scripts, for a round trip: the schemas in scope to read, {@code a} the
 * current schema, {@code b} the desired one.
 */
record SchemaPair(String name, List<String> schemas, String a, String b) {

	static SchemaPair of(String name, String a, String b) {
		return new SchemaPair(name, List.of(), a, b);
	}

	SchemaPair reversed() {
		return new SchemaPair(this.name + " (reversed)", this.schemas, this.b, this.a);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
