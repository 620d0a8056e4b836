package dev.migrate.autoconfigure;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the generated configuration metadata (IDE completion) holds exactly the
 * {@code migrate.*} properties of the specification, each with a description and its default.
 */
class MigratePropertiesMetadataTests {

	/** The properties of SPEC §7 with their documented defaults ({@code null}: no default). */
	private static final Map<String, String> SPECIFIED = new LinkedHashMap<>();

	static {
		SPECIFIED.put("migrate.enabled", "true");
		SPECIFIED.put("migrate.mode", "upgrade");
		SPECIFIED.put("migrate.phase", "runner");
		SPECIFIED.put("migrate.locations", "classpath:db/revisions");
		SPECIFIED.put("migrate.target", "heads");
		SPECIFIED.put("migrate.schema", null);
		SPECIFIED.put("migrate.version-table", "migrate_version");
		SPECIFIED.put("migrate.history-table", "migrate_history");
		SPECIFIED.put("migrate.lock.timeout", "10m");
		SPECIFIED.put("migrate.ddl.lock-timeout", "5s");
		SPECIFIED.put("migrate.ddl.lock-retries", "10");
		SPECIFIED.put("migrate.network-timeout", "12h");
		SPECIFIED.put("migrate.validate-checksums", "true");
		SPECIFIED.put("migrate.allow-unknown-revisions", "false");
		SPECIFIED.put("migrate.exit-after-migrate", "false");
		SPECIFIED.put("migrate.command", null);
		SPECIFIED.put("migrate.url", null);
		SPECIFIED.put("migrate.username", null);
		SPECIFIED.put("migrate.password", null);
		SPECIFIED.put("migrate.connect-retries", "0");
		SPECIFIED.put("migrate.connect-retry-interval", "10s");
		SPECIFIED.put("migrate.endpoint.timeout", "5s");
		SPECIFIED.put("migrate.endpoint.write-role", "MIGRATE_ADMIN");
		SPECIFIED.put("migrate.endpoint.unsafe-allow-anonymous-writes", "false");
	}

	@Test
	void metadataListsEverySpecifiedPropertyWithDescriptionAndDefault() throws Exception {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		try (InputStream in = getClass().getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
			JsonNode metadata = JsonMapper.builder().build().readTree(in);
			for (JsonNode property : metadata.get("properties")) {
				String name = property.get("name").asString();
				if (name.startsWith("migrate.")) {
					properties.put(name, property);
				}
			}
		}
		assertThat(new TreeSet<>(properties.keySet())).isEqualTo(new TreeSet<>(SPECIFIED.keySet()));
		SPECIFIED.forEach((name, expectedDefault) -> {
			JsonNode property = properties.get(name);
			assertThat(property.path("description").asString()).as("description of %s", name)
				.isNotBlank()
				.endsWith(".")
				.doesNotStartWith("The ")
				.doesNotStartWith("A ");
			JsonNode defaultValue = property.get("defaultValue");
			if (expectedDefault == null) {
				assertThat(defaultValue).as("default of %s", name).isNull();
			}
			else {
				String actual = defaultValue.isArray() ? defaultValue.get(0).asString() : defaultValue.asString();
				assertThat(actual).as("default of %s", name).isEqualTo(expectedDefault);
			}
		});
		assertThat(properties.get("migrate.enabled").path("description").asString()).startsWith("Whether");
		assertThat(properties.get("migrate.locations").path("description").asString())
			.startsWith("Comma-separated list");
	}

}
