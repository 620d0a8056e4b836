package dev.migrate.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.migrate.HistoryEntry;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.graph.RevisionGraph;
import dev.migrate.revision.Revision;
import dev.migrate.sample.SampleProcesses.SampleProcess;
import dev.migrate.test.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the packaged sample: real {@code java -jar} processes of the repackaged
 * jar against a real PostgreSQL, migrating with the starter. They need
 * {@code target/sample-app.jar}, so the failsafe plugin runs them after {@code package}, in
 * {@code mvn verify}.
 */
class SampleEndToEndTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	@RegisterExtension
	final SampleProcesses processes = new SampleProcesses(db);

	private static final Pattern RUNNING_UPGRADE = Pattern.compile("Running upgrade .*? -> ([^,\\s]+)");

	private static final Pattern RUNNING_DOWNGRADE = Pattern.compile("Running downgrade ([^,\\s]+) -> ");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private Migrator migrator;

	private RevisionGraph graph;

	@BeforeEach
	void freshDatabase() {
		db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		this.migrator = Migrator.create(db.dataSource(), MigrateSettings.builder().build());
		this.graph = this.migrator.graph();
	}

	@Test
	void threeProcessesStartingAtOnceOnAFreshDatabaseApplyEveryRevisionOnceAndServeSearch() throws Exception {
		List<SampleProcess> replicas = List.of(this.processes.start("replica-1"), this.processes.start("replica-2"),
				this.processes.start("replica-3"));
		List<URI> uris = new ArrayList<>();
		for (SampleProcess replica : replicas) {
			uris.add(this.processes.awaitReady(replica));
		}
		List<String> logged = new ArrayList<>();
		for (SampleProcess replica : replicas) {
			List<String> upgrades = ids(RUNNING_UPGRADE, replica.output());
			assertThat(upgrades).as(replica.name()).isSortedAccordingTo(Comparator.comparingInt(this.graph::orderOf));
			logged.addAll(upgrades);
		}
		assertThat(logged).as("revisions logged as applied").containsExactlyInAnyOrderElementsOf(allIds());
		Map<String, Long> upgradeRows = this.migrator.history()
			.stream()
			.filter((entry) -> entry.direction().equals("upgrade") && entry.success())
			.collect(Collectors.groupingBy(HistoryEntry::revision, Collectors.counting()));
		assertThat(upgradeRows).as("successful upgrades in history")
			.isEqualTo(allIds().stream().collect(Collectors.toMap(Function.identity(), (id) -> 1L)));
		assertThat(this.migrator.current()).isEqualTo(this.graph.heads());
		for (URI uri : uris) {
			JsonNode migrations = getJson(uri.resolve("/actuator/migrations"));
			assertThat(migrations.get("status").asString()).isEqualTo("UP_TO_DATE");
			assertThat(migrations.get("current")).extracting(JsonNode::asString)
				.containsExactlyElementsOf(this.graph.heads());
			assertThat(migrations.get("pending")).isEmpty();
		}
		for (String title : DocumentRepositoryTests.CORPUS) {
			HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(uris.get(0).resolve("/documents"))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						this.json.writeValueAsString(Map.of("title", title, "body", title))))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
		JsonNode hits = getJson(uris.get(2).resolve("/documents/search?q=alps+hiking&limit=3"));
		assertThat(hits).hasSize(3);
		assertThat(hits.get(0).get("title").asString()).isEqualTo("Hiking trails in the Alps during summer");
		assertThat(hits.get(0).get("distance").asDouble()).isLessThanOrEqualTo(hits.get(1).get("distance").asDouble());
		assertThat(hits.get(1).get("distance").asDouble()).isLessThanOrEqualTo(hits.get(2).get("distance").asDouble());
		JsonNode l2 = getJson(uris.get(1).resolve("/documents/search?q=migrations+in+kubernetes&metric=l2&limit=1"));
		assertThat(l2.get(0).get("title").asString())
			.isEqualTo("Running database migrations in a Kubernetes init container");
	}

	@Test
	void startsFromTheAotGeneratedInitializerAndMigrates() throws Exception {
		SampleProcess aot = this.processes.start("aot", List.of("-Dspring.aot.enabled=true"));
		URI uri = this.processes.awaitReady(aot);
		assertThat(aot.output()).as("started from the AOT-generated initializer")
			.contains("Starting AOT-processed SampleApplication");
		assertThat(ids(RUNNING_UPGRADE, aot.output())).isEqualTo(allIds());
		assertThat(this.migrator.current()).isEqualTo(this.graph.heads());
		JsonNode migrations = getJson(uri.resolve("/actuator/migrations"));
		assertThat(migrations.get("status").asString()).isEqualTo("UP_TO_DATE");
		JsonNode health = getJson(uri.resolve("/actuator/health/readiness"));
		assertThat(health.get("status").asString()).isEqualTo("UP");
	}

	@Test
	void downgradeToBaseAndUpgradeAgainLeaveTheSameSchema() throws Exception {
		SampleProcess upgrade = this.processes.run("upgrade-1", "--migrate.exit-after-migrate=true");
		assertThat(upgrade.exitValue()).isZero();
		assertThat(ids(RUNNING_UPGRADE, upgrade.output())).isEqualTo(allIds());
		List<String> upgraded = schema();
		assertThat(upgraded).contains("extension vector").anyMatch((line) -> line.contains("documents_embedding_hnsw_idx"));
		assertThat(this.migrator.current()).isEqualTo(this.graph.heads());

		SampleProcess downgrade = this.processes.run("downgrade", "--migrate.command=downgrade base");
		assertThat(downgrade.exitValue()).isZero();
		assertThat(ids(RUNNING_DOWNGRADE, downgrade.output())).isEqualTo(reversed(allIds()));
		assertThat(this.migrator.current()).isEmpty();
		assertThat(schema()).isEmpty();

		SampleProcess again = this.processes.run("upgrade-2", "--migrate.exit-after-migrate=true");
		assertThat(again.exitValue()).isZero();
		assertThat(ids(RUNNING_UPGRADE, again.output())).isEqualTo(allIds());
		assertThat(schema()).isEqualTo(upgraded);
		assertThat(this.migrator.current()).isEqualTo(this.graph.heads());
	}

	@Test
	void validateModeWithPendingRevisionsExitsNonZeroNamingThemAndWritesNothing() throws Exception {
		// A database one deploy behind: the index is built, the two branches and the merge are not.
		String index = "6538672a90db";
		this.migrator.upgrade(index);
		List<String> before;
		try (Connection connection = db.connect()) {
			before = Catalog.dump(connection);
		}
		assertThat(this.migrator.pending("heads")).hasSize(3);

		SampleProcess validate = this.processes.run("validate", "--migrate.mode=validate");
		assertThat(validate.exitValue()).isNotZero();
		String output = validate.output();
		assertThat(output).contains("APPLICATION FAILED TO START", "PENDING_REVISIONS",
				"3 revision(s) pending", "(current: " + index + ")",
				"Upgrade the database: --migrate.command=\"upgrade heads\"");
		for (Revision revision : this.migrator.pending("heads")) {
			assertThat(output).contains(revision.id() + " (" + revision.source() + ")");
		}
		assertThat(output).doesNotContain("Running upgrade");
		try (Connection connection = db.connect()) {
			assertThat(Catalog.dump(connection)).isEqualTo(before);
		}
		assertThat(this.migrator.current()).containsExactly(index);
	}

	private List<String> allIds() {
		return this.graph.revisions().stream().map(Revision::id).toList();
	}

	private static List<String> reversed(List<String> ids) {
		List<String> reversed = new ArrayList<>(ids);
		Collections.reverse(reversed);
		return reversed;
	}

	private static List<String> ids(Pattern pattern, String output) {
		List<String> ids = new ArrayList<>();
		Matcher matcher = pattern.matcher(output);
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	private JsonNode getJson(URI uri) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	/** The schema without migrate's own tables. */
	private static List<String> schema() throws Exception {
		try (Connection connection = db.connect()) {
			return Catalog.dump(connection).stream().filter((line) -> !line.contains("migrate_")).toList();
		}
	}


	/**
	 * {@code revision --autogenerate} through the packaged jar: {@code db/schema.sql} matches what
	 * the revisions build, and a change to it becomes revisions that apply and leave nothing to
	 * generate.
	 */
	@Test
	void autogenerateAgainstTheSampleSchemaFile(@TempDir Path project) throws Exception {
		Path revisions = Files.createDirectories(project.resolve("revisions"));
		try (Stream<Path> sources = Files.list(Path.of("src/main/resources/db/revisions"))) {
			for (Path source : sources.toList()) {
				Files.copy(source, revisions.resolve(source.getFileName()));
			}
		}
		String locations = "--migrate.locations=filesystem:" + revisions;
		assertThat(this.processes.run("upgrade", locations, "--migrate.exit-after-migrate=true").exitValue()).isZero();
		Path schema = Path.of("db/schema.sql").toAbsolutePath();
		SampleProcess same = this.processes.run("same", locations,
				"--migrate.command=revision --autogenerate -m 'nothing' --to " + schema);
		assertThat(same.exitValue()).isZero();
		assertThat(same.output()).contains("\nNo changes in schema detected.\n");
		assertThat(revisions.toFile().list()).hasSize(7);

		Path changed = project.resolve("schema.sql");
		Files.writeString(changed, Files.readString(schema)
			.replace("\tword_count integer NOT NULL", "\tsummary text,\n\tword_count integer NOT NULL")
			.concat("\nCREATE INDEX documents_created_at_idx ON documents (created_at);\n"));
		SampleProcess generate = this.processes.run("generate", locations,
				"--migrate.command=revision --autogenerate -m 'add summary' --to " + changed);
		assertThat(generate.exitValue()).isZero();
		assertThat(generate.output()).contains("Detected table \"documents\": column \"summary\" added")
			.contains("Detected index \"documents_created_at_idx\" on \"documents\" added");
		List<Path> written;
		try (Stream<Path> files = Files.list(revisions)) {
			written = files.filter((file) -> file.getFileName().toString().contains("add_summary")).sorted().toList();
		}
		assertThat(written).hasSize(2);
		String all = Files.readString(written.get(0)) + Files.readString(written.get(1));
		assertThat(all).contains("ALTER TABLE documents ADD COLUMN summary text;")
			.contains("-- hazard: drops column \"summary\" and its data")
			.contains("-- transactional: false")
			.contains("CREATE INDEX CONCURRENTLY documents_created_at_idx ON documents USING btree (created_at);");

		assertThat(this.processes.run("apply", locations, "--migrate.exit-after-migrate=true").exitValue()).isZero();
		SampleProcess after = this.processes.run("after", locations,
				"--migrate.command=revision --autogenerate -m 'nothing' --to " + changed);
		assertThat(after.exitValue()).isZero();
		assertThat(after.output()).contains("\nNo changes in schema detected.\n");
		SampleProcess drift = this.processes.run("drift", locations, "--migrate.command=check --drift");
		assertThat(drift.exitValue()).isZero();
		assertThat(drift.output()).contains("No drift: the database schema is what its applied revisions create");
	}

}
