package dev.migrate.schema;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Quoting as PostgreSQL's {@code quote_ident}, and which type changes need no rewrite. */
class IdentifiersTests {

	@Test
	void plainLowerCaseNamesAreNotQuoted() {
		assertThat(Identifiers.quote("documents")).isEqualTo("documents");
		assertThat(Identifiers.quote("_t1")).isEqualTo("_t1");
	}

	@Test
	void keywordsUpperCaseAndOddCharactersAreQuoted() {
		assertThat(Identifiers.quote("select")).isEqualTo("\"select\"");
		assertThat(Identifiers.quote("user")).isEqualTo("\"user\"");
		assertThat(Identifiers.quote("Mixed")).isEqualTo("\"Mixed\"");
		assertThat(Identifiers.quote("1st")).isEqualTo("\"1st\"");
		assertThat(Identifiers.quote("a$b")).isEqualTo("\"a$b\"");
		assertThat(Identifiers.quote("quote\"d")).isEqualTo("\"quote\"\"d\"");
	}

	@Test
	void unreservedKeywordsAreNotQuoted() {
		assertThat(Identifiers.quote("name")).isEqualTo("name");
		assertThat(Identifiers.quote("comment")).isEqualTo("comment");
	}

	@Test
	void literalsDoubleSingleQuotes() {
		assertThat(Identifiers.literal("it's")).isEqualTo("'it''s'");
		assertThat(Identifiers.literal(null)).isEqualTo("NULL");
	}

	@Test
	void typeChangesWithoutRewrite() {
		assertThat(ColumnDiffer.binaryCoercible("character varying(50)", "character varying(100)")).isTrue();
		assertThat(ColumnDiffer.binaryCoercible("character varying(50)", "text")).isTrue();
		assertThat(ColumnDiffer.binaryCoercible("character varying(50)", "character varying")).isTrue();
		assertThat(ColumnDiffer.binaryCoercible("text", "character varying")).isTrue();
		assertThat(ColumnDiffer.binaryCoercible("numeric(10,2)", "numeric(12,2)")).isTrue();
		assertThat(ColumnDiffer.binaryCoercible("numeric(10,2)", "numeric")).isTrue();
	}

	@Test
	void typeChangesThatRewrite() {
		assertThat(ColumnDiffer.binaryCoercible("character varying(100)", "character varying(50)")).isFalse();
		assertThat(ColumnDiffer.binaryCoercible("text", "character varying(50)")).isFalse();
		assertThat(ColumnDiffer.binaryCoercible("numeric(10,2)", "numeric(12,4)")).isFalse();
		assertThat(ColumnDiffer.binaryCoercible("integer", "bigint")).isFalse();
		assertThat(ColumnDiffer.binaryCoercible("vector(3)", "vector(4)")).isFalse();
	}

	@Test
	void dumpsAreComparedWithoutColumnOrderOrVolatileLines() {
		String a = "--\n\\restrict abc\nSET x = 1;\nCREATE TABLE public.t (\n    a integer,\n    b text\n);\n";
		String b = "\\restrict xyz\nCREATE TABLE public.t (\n    b text,\n    a integer\n);\n-- Name: t\n";
		assertThat(SchemaDump.normalise(a)).isEqualTo(SchemaDump.normalise(b));
	}

}
