package dev.migrate.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.sample.RevisionFiles.RevisionFile;
import dev.migrate.test.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * End-to-end tests of the packaged sample: real {@code java -jar} processes against a real
 * PostgreSQL, migrating with the starter.
 *
 * <p>
 * They need {@code target/sample-app.jar}, so they run after {@code package}, only with the
 * Maven profile {@code e2e-pending}: {@code mvn -pl sample-app -Pe2e-pending verify}.
 */
class SampleEndToEndTests {

	@RegisterExtension
	static final PostgresDatabase db = new PostgresDatabase();

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	private static final Pattern RUNNING_UPGRADE = Pattern.compile("Running upgrade (.*) -> ([0-9a-f]+), ");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<SampleProcess> processes = new ArrayList<>();

	private Path logs;

	@BeforeEach
	void freshDatabase(TestInfo test) throws IOException {
		db.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
		this.logs = Files.createDirectories(Path.of("target", "e2e", test.getTestMethod().orElseThrow().getName()));
	}

	@AfterEach
	void stopProcesses() throws InterruptedException {
		for (SampleProcess process : this.processes) {
			process.process().destroy();
		}
		for (SampleProcess process : this.processes) {
			if (!process.process().waitFor(30, TimeUnit.SECONDS)) {
				process.process().destroyForcibly();
			}
		}
	}

	@Test
	void threeProcessesStartingAtOnceApplyEveryRevisionOnceAndServeSearch() throws Exception {
		List<SampleProcess> replicas = List.of(start("replica-1"), start("replica-2"), start("replica-3"));
		for (SampleProcess replica : replicas) {
			awaitReady(replica);
		}
		Map<String, Integer> upgrades = new TreeMap<>();
		for (SampleProcess replica : replicas) {
			Matcher matcher = RUNNING_UPGRADE.matcher(replica.output());
			while (matcher.find()) {
				upgrades.merge(matcher.group(2), 1, Integer::sum);
			}
		}
		Map<String, Integer> once = new TreeMap<>();
		RevisionFiles.inUpgradeOrder().forEach((file) -> once.put(file.id(), 1));
		assertThat(upgrades).isEqualTo(once);
		assertThat(successfulUpgrades()).isEqualTo(once);
		assertThat(versionRows()).containsExactly("bed1700ec8c8");
		for (SampleProcess replica : replicas) {
			JsonNode migrations = getJson(replica, "/actuator/migrations");
			assertThat(migrations.get("status").asString()).isEqualTo("UP_TO_DATE");
			assertThat(migrations.get("current").get(0).asString()).isEqualTo("bed1700ec8c8");
			assertThat(migrations.get("pending").size()).isZero();
		}
		for (String title : DocumentRepositoryTests.CORPUS) {
			HttpResponse<String> created = this.http.send(HttpRequest.newBuilder(replicas.get(0).uri("/documents"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						this.json.writeValueAsString(Map.of("title", title, "body", title))))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
		JsonNode hits = getJson(replicas.get(2), "/documents/search?q=alps+hiking&limit=3");
		assertThat(hits.size()).isEqualTo(3);
		assertThat(hits.get(0).get("title").asString()).isEqualTo("Hiking trails in the Alps during summer");
		assertThat(hits.get(0).get("distance").asDouble()).isLessThanOrEqualTo(hits.get(1).get("distance").asDouble());
		JsonNode l2 = getJson(replicas.get(1), "/documents/search?q=migrations+in+kubernetes&metric=l2&limit=1");
		assertThat(l2.get(0).get("title").asString()).isEqualTo("Running database migrations in a Kubernetes init container");
	}

	@Test
	void downgradeToBaseAndUpgradeAgainLeaveTheSameSchema() throws Exception {
		assertThat(run("upgrade-1", "--migrate.exit-after-migrate=true").exitValue()).isZero();
		List<String> upgraded = catalog();
		assertThat(upgraded).contains("extension vector").anyMatch((line) -> line.contains("documents_embedding_hnsw_idx"));
		assertThat(versionRows()).containsExactly("bed1700ec8c8");
		assertThat(run("downgrade", "--migrate.command=downgrade base").exitValue()).isZero();
		assertThat(versionRows()).isEmpty();
		assertThat(catalog()).noneMatch((line) -> line.contains("documents") || line.contains("tags"))
			.doesNotContain("extension vector");
		assertThat(run("upgrade-2", "--migrate.exit-after-migrate=true").exitValue()).isZero();
		assertThat(catalog()).isEqualTo(upgraded);
		assertThat(versionRows()).containsExactly("bed1700ec8c8");
	}

	@Test
	void validateModeWithPendingRevisionsExitsNonZeroAndWritesNothing() throws Exception {
		SampleProcess validate = run("validate", "--migrate.mode=validate");
		assertThat(validate.exitValue()).isNotZero();
		String output = validate.output();
		assertThat(output).containsIgnoringCase("pending");
		RevisionFile base = RevisionFiles.inUpgradeOrder().get(0);
		assertThat(output).contains(base.id());
		assertThat(catalog()).isEmpty();
	}

	private SampleProcess start(String name, String... arguments) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path jar = Path.of(System.getProperty("sample.jar", "target/sample-app.jar"));
		assertThat(jar).as("the packaged sample (run mvn package first)").isRegularFile();
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port));
		command.addAll(List.of(arguments));
		Path log = this.logs.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("DATABASE_URL", db.url());
		builder.environment().put("DATABASE_USER", db.user());
		builder.environment().put("DATABASE_PASSWORD", db.password());
		SampleProcess process = new SampleProcess(name, builder.start(), port, log);
		this.processes.add(process);
		return process;
	}

	private SampleProcess run(String name, String... arguments) throws Exception {
		SampleProcess process = start(name, arguments);
		if (!process.process().waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			fail(name + " did not exit within " + STARTUP_TIMEOUT + "; output:\n" + process.output());
		}
		return process;
	}

	private void awaitReady(SampleProcess replica) throws Exception {
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!replica.process().isAlive()) {
				fail(replica.name() + " exited with " + replica.exitValue() + "; output:\n" + replica.output());
			}
			try {
				HttpResponse<String> response = this.http.send(
						HttpRequest.newBuilder(replica.uri("/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(250);
		}
		fail(replica.name() + " not ready within " + STARTUP_TIMEOUT + "; output:\n" + replica.output());
	}

	private JsonNode getJson(SampleProcess replica, String path) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(replica.uri(path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private List<String> versionRows() throws Exception {
		List<String> rows = new ArrayList<>();
		try (Connection connection = db.connect();
				var rs = connection.createStatement().executeQuery("SELECT version_num FROM migrate_version")) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

	private Map<String, Integer> successfulUpgrades() throws Exception {
		Map<String, Integer> upgrades = new TreeMap<>();
		try (Connection connection = db.connect();
				var rs = connection.createStatement()
					.executeQuery("SELECT revision, count(*) FROM migrate_history"
							+ " WHERE direction = 'upgrade' AND success GROUP BY revision")) {
			while (rs.next()) {
				upgrades.put(rs.getString(1), rs.getInt(2));
			}
		}
		return upgrades;
	}

	/** The schema without migrate's own tables. */
	private List<String> catalog() throws Exception {
		try (Connection connection = db.connect()) {
			return Catalog.dump(connection).stream().filter((line) -> !line.contains("migrate_")).toList();
		}
	}

	private record SampleProcess(String name, Process process, int port, Path log) {

		URI uri(String path) {
			return URI.create("http://localhost:" + this.port + path);
		}

		String output() {
			try {
				return Files.readString(this.log);
			}
			catch (IOException ex) {
				return "(cannot read " + this.log + ": " + ex.getMessage() + ")";
			}
		}

		int exitValue() {
			return this.process.exitValue();
		}

	}

}
