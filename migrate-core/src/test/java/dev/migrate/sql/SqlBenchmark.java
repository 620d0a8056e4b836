package dev.migrate.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures splitting, classifying and checksumming the SQL of 2,000 revision files of about
 * ten statements each, after warm-up. Not a test: run it with
 * {@code java -cp migrate-core/target/classes:migrate-core/target/test-classes dev.migrate.sql.SqlBenchmark}.
 */
final class SqlBenchmark {

	private static final int FILES = 2000;

	/** Keeps the JIT from dropping work whose result is otherwise unused. */
	private static volatile int sink;

	private SqlBenchmark() {
	}

	public static void main(String[] args) {
		List<String> files = new ArrayList<>(FILES);
		long characters = 0;
		for (int i = 0; i < FILES; i++) {
			String file = revision(i);
			files.add(file);
			characters += file.length();
		}
		for (int round = 0; round < 30; round++) {
			run(files);
		}
		int rounds = 20;
		long best = Long.MAX_VALUE;
		int statements = 0;
		for (int round = 0; round < rounds; round++) {
			long start = System.nanoTime();
			statements = run(files);
			best = Math.min(best, System.nanoTime() - start);
		}
		System.out.printf("%d files, %d statements, %d characters: best of %d rounds %.2f ms%n", FILES, statements,
				characters, rounds, best / 1_000_000.0);
	}

	private static int run(List<String> files) {
		int statements = 0;
		int nonTransactional = 0;
		for (int i = 0; i < files.size(); i++) {
			String file = files.get(i);
			int downgrade = file.indexOf("-- downgrade\n");
			List<SqlStatement> up = SqlSplitter.split(file.substring(0, downgrade), "file" + i, 7);
			List<SqlStatement> down = SqlSplitter.split(file.substring(downgrade + 13), "file" + i, 40);
			for (SqlStatement statement : up) {
				if (NonTransactionalStatements.find(statement).isPresent()) {
					nonTransactional++;
				}
			}
			if (SqlChecksum.of(up, down).length() != 64) {
				throw new IllegalStateException();
			}
			statements += up.size() + down.size();
		}
		sink = nonTransactional;
		return statements;
	}

	private static String revision(int i) {
		return """
				CREATE TABLE item_%1$d (
				    id bigserial PRIMARY KEY,
				    name text NOT NULL DEFAULT 'unnamed; really', -- the label
				    "Created At" timestamptz NOT NULL DEFAULT now(),
				    embedding vector(384)
				);
				CREATE INDEX item_%1$d_name ON item_%1$d (name);
				CREATE INDEX item_%1$d_embedding ON item_%1$d USING hnsw (embedding vector_cosine_ops);
				/* keep names unique */
				ALTER TABLE item_%1$d ADD CONSTRAINT item_%1$d_name_unique UNIQUE (name);
				CREATE FUNCTION item_%1$d_touch() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    NEW."Created At" := now();
				    RETURN NEW;
				END
				$$;
				CREATE TRIGGER item_%1$d_touch BEFORE UPDATE ON item_%1$d FOR EACH ROW EXECUTE FUNCTION item_%1$d_touch();
				INSERT INTO item_%1$d (name) VALUES ('a'), ('b'), (E'it\\'s');
				COMMENT ON TABLE item_%1$d IS 'Items, batch %1$d';
				GRANT SELECT ON item_%1$d TO PUBLIC;
				-- downgrade
				DROP TRIGGER item_%1$d_touch ON item_%1$d;
				DROP FUNCTION item_%1$d_touch();
				DROP TABLE item_%1$d;
				""".formatted(i);
	}

}
