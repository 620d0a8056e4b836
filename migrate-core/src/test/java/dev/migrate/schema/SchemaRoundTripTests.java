package dev.migrate.schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.migrate.test.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip on real PostgreSQL for the whole corpus: the sample application's history,
 * hand-written pairs covering every object kind, and generated schemas from fixed seeds.
 */
class SchemaRoundTripTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private static ScratchDatabases databases;

	private static RoundTrip roundTrip;

	@BeforeAll
	static void databases() {
		databases = new ScratchDatabases(db);
		roundTrip = new RoundTrip(db, databases);
	}

	@AfterAll
	static void dropDatabases() {
		databases.close();
		RoundTrip.TIMINGS.forEach((activity, nanos) -> System.out.printf("round trips: %-20s %6d ms%n", activity,
				nanos / 1_000_000));
	}

	static List<SchemaPair> corpus() {
		List<SchemaPair> pairs = new ArrayList<>();
		pairs.addAll(SampleAppPairs.pairs());
		pairs.addAll(HandWrittenPairs.pairs());
		pairs.addAll(GeneratedSchemas.pairs());
		return pairs;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void upgradeGivesTheDesiredSchemaAndDowngradeGivesTheCurrentOneBack(SchemaPair pair) throws SQLException {
		roundTrip.check(pair);
	}

	@org.junit.jupiter.api.Test
	void corpusHasAtLeastFortyPairs() {
		assertThat(corpus()).hasSizeGreaterThanOrEqualTo(40);
	}

}
