package dev.migrate.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.autoconfigure.MigrateProperties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@code docker/compose.yml}, {@code docker/compose.migrate-job.yml} and
 * {@code docker/Dockerfile} by reading them (no Docker engine needed): services,
 * healthchecks, dependencies, and that every environment variable the containers get is one
 * the application reads.
 */
class ComposeFileTests {

	/** The {@code migrate.*} properties the starter declares in its configuration metadata. */
	private static final Set<String> MIGRATE_PROPERTIES = migrateProperties();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:[^}]*)?}");

	private static final Path ROOT = Path.of(System.getenv().getOrDefault("MIGRATE_PROJECT_ROOT", ".."));

	private static final Path DOCKER = ROOT.resolve("docker");

	private final Map<String, Object> compose = yaml(DOCKER.resolve("compose.yml"));

	private final Map<String, Object> migrateJob = yaml(DOCKER.resolve("compose.migrate-job.yml"));

	@Test
	void definesPostgresTheAppAndTheMigrateJob() {
		assertThat(services(this.compose)).containsOnlyKeys("postgres", "app", "migrate");
	}

	@Test
	void postgresIsPgvectorWithAHealthcheck() {
		Map<String, Object> postgres = service(this.compose, "postgres");
		assertThat(postgres.get("image")).isEqualTo("pgvector/pgvector:pg17");
		assertThat(healthcheck(postgres)).startsWith("CMD pg_isready ");
		assertThat(map(postgres, "environment")).containsKeys("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD");
	}

	@Test
	void appRunsThreeReplicasOnceThePostgresIsHealthy() {
		Map<String, Object> app = service(this.compose, "app");
		assertThat(map(map(app, "depends_on"), "postgres")).containsEntry("condition", "service_healthy");
		assertThat(map(app, "deploy")).containsEntry("replicas", 3);
		assertThat(list(app, "ports")).containsExactly("8080-8082:8080");
	}

	@Test
	void appHealthcheckAsksForReadinessWithCurlThatTheImageInstalls() throws IOException {
		String healthcheck = healthcheck(service(this.compose, "app"));
		assertThat(healthcheck).isEqualTo("CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health/readiness");
		assertThat(runtimeStage()).anyMatch((line) -> line.contains("apt-get install") && line.contains(" curl"));
	}

	@Test
	void appAndMigrateJobBuildTheDockerfileFromTheRepositoryRoot() {
		for (String name : List.of("app", "migrate")) {
			Map<String, Object> build = map(service(this.compose, name), "build");
			assertThat(build).containsEntry("context", "..").containsEntry("dockerfile", "docker/Dockerfile");
			assertThat(DOCKER.resolve("..").resolve("docker/Dockerfile")).isRegularFile();
		}
	}

	@Test
	void databaseSettingsPointAtThePostgresService() {
		Map<String, Object> postgres = map(service(this.compose, "postgres"), "environment");
		for (String name : List.of("app", "migrate")) {
			Map<String, Object> environment = map(service(this.compose, name), "environment");
			URI url = URI.create(((String) environment.get("DATABASE_URL")).substring("jdbc:".length()));
			assertThat(url.getScheme()).isEqualTo("postgresql");
			assertThat(url.getHost()).isEqualTo("postgres");
			assertThat(url.getPort()).isEqualTo(5432);
			assertThat(url.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
			assertThat(environment).containsEntry("DATABASE_USER", postgres.get("POSTGRES_USER"))
				.containsEntry("DATABASE_PASSWORD", postgres.get("POSTGRES_PASSWORD"));
		}
	}

	@Test
	void appSetsEveryVariableApplicationYmlReads() throws IOException {
		Set<String> read = applicationYmlPlaceholders();
		assertThat(read).containsExactlyInAnyOrder("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD");
		assertThat(map(service(this.compose, "app"), "environment")).containsKeys(read.toArray(String[]::new));
		assertThat(map(service(this.compose, "migrate"), "environment")).containsKeys(read.toArray(String[]::new));
	}

	@Test
	void everyVariableTheContainersGetIsOneTheApplicationReads() throws IOException {
		Set<String> read = applicationYmlPlaceholders();
		List<Map<String, Object>> environments = List.of(map(service(this.compose, "app"), "environment"),
				map(service(this.compose, "migrate"), "environment"), map(service(this.migrateJob, "app"), "environment"));
		for (Map<String, Object> environment : environments) {
			for (String name : environment.keySet()) {
				if (!read.contains(name)) {
					assertThat(boundProperties(name, environment.get(name)))
						.as("%s is neither read by application.yml nor bound to a migrate.* property", name)
						.hasSize(1);
				}
			}
		}
	}

	@Test
	void migrateJobExitsAfterMigratingAndIsBehindAProfile() {
		Map<String, Object> migrate = service(this.compose, "migrate");
		assertThat(list(migrate, "profiles")).containsExactly("migrate-job");
		Map<String, Object> environment = map(migrate, "environment");
		assertThat(environment).containsEntry("MIGRATE_EXIT_AFTER_MIGRATE", "true");
		assertThat(boundProperties("MIGRATE_EXIT_AFTER_MIGRATE", "true")).containsExactly("migrate.exit-after-migrate");
		assertThat(bind(environment).isExitAfterMigrate()).isTrue();
		assertThat(bind(environment).getMode()).isEqualTo(MigrateProperties.Mode.UPGRADE);
		assertThat(map(map(migrate, "depends_on"), "postgres")).containsEntry("condition", "service_healthy");
		assertThat(migrate).doesNotContainKeys("ports", "deploy");
	}

	@Test
	void migrateJobOverrideMakesTheAppWaitForTheJobAndOnlyValidate() {
		assertThat(services(this.migrateJob)).containsOnlyKeys("app");
		Map<String, Object> app = service(this.migrateJob, "app");
		assertThat(map(map(app, "depends_on"), "migrate")).containsEntry("condition", "service_completed_successfully");
		assertThat(map(app, "environment")).containsEntry("MIGRATE_MODE", "validate");
		assertThat(boundProperties("MIGRATE_MODE", "validate")).containsExactly("migrate.mode");
		assertThat(bind(map(app, "environment")).getMode()).isEqualTo(MigrateProperties.Mode.VALIDATE);
	}

	@Test
	void appReplicasMigrateAtBootWithTheStarterDefaults() {
		Map<String, Object> environment = map(service(this.compose, "app"), "environment");
		assertThat(bind(environment).getMode()).isEqualTo(MigrateProperties.Mode.UPGRADE);
		assertThat(bind(environment).isExitAfterMigrate()).isFalse();
	}

	@Test
	void migratePropertiesComeFromTheStarterMetadata() {
		assertThat(MIGRATE_PROPERTIES).contains("migrate.mode", "migrate.exit-after-migrate", "migrate.command",
				"migrate.lock.timeout", "migrate.url");
	}

	@Test
	void runtimeStageRunsAsANonRootUser() throws IOException {
		List<String> users = runtimeStage().stream()
			.filter((line) -> line.startsWith("USER "))
			.map((line) -> line.substring("USER ".length()).strip())
			.toList();
		assertThat(users).hasSize(1);
		String user = users.get(0).split(":")[0];
		assertThat(user).isNotIn("root", "0");
	}

	@Test
	void dockerfileBuildsWithMavenAndRunsOnAJreWithContainerFlags() throws IOException {
		List<String> lines = dockerfile();
		assertThat(lines).filteredOn((line) -> line.startsWith("FROM "))
			.containsExactly("FROM maven:3.9-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre");
		assertThat(lines).contains("RUN mvn -B -q -pl sample-app -am package -DskipTests",
				"COPY --from=build /workspace/sample-app/target/sample-app.jar /app/app.jar");
		assertThat(runtimeStage()).contains(
				"ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-XX:+ExitOnOutOfMemoryError\", \"-jar\", \"/app/app.jar\"]");
	}

	@Test
	void dockerfileCopiesEveryModulePomBeforeTheSources() throws IOException {
		List<String> lines = dockerfile();
		int sources = lines.indexOf("COPY . .");
		assertThat(sources).isPositive();
		Set<String> copied = new TreeSet<>();
		for (String line : lines.subList(0, sources)) {
			Matcher matcher = Pattern.compile("COPY ([a-z-]+)/pom\\.xml \\1/").matcher(line);
			if (matcher.matches()) {
				copied.add(matcher.group(1));
			}
		}
		assertThat(lines.subList(0, sources)).contains("COPY pom.xml ./");
		assertThat(copied).containsExactlyInAnyOrderElementsOf(modules());
	}

	private static Set<String> modules() throws IOException {
		Matcher matcher = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
		Set<String> modules = new TreeSet<>();
		while (matcher.find()) {
			modules.add(matcher.group(1));
		}
		assertThat(modules).contains("sample-app");
		return modules;
	}

	/** The {@code migrate.*} properties an environment variable binds to, by Spring Boot's relaxed binding. */
	private static List<String> boundProperties(String name, Object value) {
		SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(name, value));
		List<String> bound = new ArrayList<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.from(environment)) {
			for (String property : MIGRATE_PROPERTIES) {
				if (source.getConfigurationProperty(ConfigurationPropertyName.of(property)) != null) {
					bound.add(property);
				}
			}
		}
		return bound;
	}

	/** The {@code migrate.*} properties a container environment sets, bound as the application binds them. */
	private static MigrateProperties bind(Map<String, Object> environment) {
		SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
		return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate("migrate", MigrateProperties.class);
	}

	private static Set<String> migrateProperties() {
		Set<String> names = new TreeSet<>();
		try {
			Enumeration<URL> metadata = ComposeFileTests.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json");
			JsonMapper json = JsonMapper.builder().build();
			for (URL url : Collections.list(metadata)) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : json.readTree(in).path("properties")) {
						String name = property.get("name").asString();
						if (name.startsWith("migrate.")) {
							names.add(name);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return names;
	}

	private static Set<String> applicationYmlPlaceholders() throws IOException {
		String yml = Files.readString(ROOT.resolve("sample-app/src/main/resources/application.yml"));
		Set<String> names = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(yml);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static List<String> dockerfile() throws IOException {
		return Files.readAllLines(DOCKER.resolve("Dockerfile")).stream().map(String::strip).toList();
	}

	private static List<String> runtimeStage() throws IOException {
		List<String> lines = dockerfile();
		int last = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("FROM ")) {
				last = i;
			}
		}
		return lines.subList(last, lines.size());
	}

	private static String healthcheck(Map<String, Object> service) {
		return String.join(" ", list(map(service, "healthcheck"), "test"));
	}

	private static Map<String, Object> services(Map<String, Object> compose) {
		return map(compose, "services");
	}

	private static Map<String, Object> service(Map<String, Object> compose, String name) {
		return map(services(compose), name);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		assertThat(parent).containsKey(key);
		assertThat(parent.get(key)).isInstanceOf(Map.class);
		return (Map<String, Object>) parent.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Map<String, Object> parent, String key) {
		assertThat(parent).containsKey(key);
		assertThat(parent.get(key)).isInstanceOf(List.class);
		return (List<String>) parent.get(key);
	}

	private static Map<String, Object> yaml(Path path) {
		try (Reader reader = Files.newBufferedReader(path)) {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + path.toAbsolutePath(), ex);
		}
	}

}
