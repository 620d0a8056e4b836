package dev.migrate.autoconfigure;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.DurationStyle;

import dev.migrate.MigrateSettings;

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
		SPECIFIED.put("migrate.shadow-url", null);
		SPECIFIED.put("migrate.instances", null);
	}

	@Test
	void defaultsAreTheCoresConstantsInThePropertiesAndTheMetadata() throws Exception {
		MigrateProperties defaults = new MigrateProperties();
		assertThat(defaults.getLocations()).containsExactly(MigrateSettings.DEFAULT_LOCATION);
		assertThat(defaults.getVersionTable()).isEqualTo(MigrateSettings.DEFAULT_VERSION_TABLE);
		assertThat(defaults.getHistoryTable()).isEqualTo(MigrateSettings.DEFAULT_HISTORY_TABLE);
		assertThat(defaults.getLock().getTimeout()).isEqualTo(MigrateSettings.DEFAULT_LOCK_TIMEOUT);
		assertThat(defaults.getDdl().getLockTimeout()).isEqualTo(MigrateSettings.DEFAULT_DDL_LOCK_TIMEOUT);
		assertThat(defaults.getDdl().getLockRetries()).isEqualTo(MigrateSettings.DEFAULT_DDL_LOCK_RETRIES);
		Map<String, JsonNode> metadata = propertiesByName();
		DurationStyle style = DurationStyle.SIMPLE;
		assertThat(metadata.get("migrate.locations").get("defaultValue").get(0).asString())
			.isEqualTo(MigrateSettings.DEFAULT_LOCATION);
		assertThat(metadata.get("migrate.version-table").get("defaultValue").asString())
			.isEqualTo(MigrateSettings.DEFAULT_VERSION_TABLE);
		assertThat(metadata.get("migrate.history-table").get("defaultValue").asString())
			.isEqualTo(MigrateSettings.DEFAULT_HISTORY_TABLE);
		assertThat(style.parse(metadata.get("migrate.lock.timeout").get("defaultValue").asString()))
			.isEqualTo(MigrateSettings.DEFAULT_LOCK_TIMEOUT);
		assertThat(style.parse(metadata.get("migrate.ddl.lock-timeout").get("defaultValue").asString()))
			.isEqualTo(MigrateSettings.DEFAULT_DDL_LOCK_TIMEOUT);
		assertThat(metadata.get("migrate.ddl.lock-retries").get("defaultValue").asInt())
			.isEqualTo(MigrateSettings.DEFAULT_DDL_LOCK_RETRIES);
	}

	private Map<String, JsonNode> propertiesByName() throws Exception {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		try (InputStream in = getClass().getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			JsonNode metadata = JsonMapper.builder().build().readTree(in);
			for (JsonNode property : metadata.get("properties")) {
				properties.put(property.get("name").asString(), property);
			}
		}
		return properties;
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

	@Test
	void healthIndicatorSwitchIsDocumented() throws Exception {
		JsonNode property = entry(metadata().get("properties"), "management.health.migrations.enabled");
		assertThat(property.path("type").asString()).isEqualTo("java.lang.Boolean");
		assertThat(property.path("defaultValue").asBoolean()).isTrue();
		assertThat(property.path("description").asString()).startsWith("Whether to enable the migrations health");
	}

	@Test
	void targetAndLocationsHaveValueHintsAndAcceptAnyValue() throws Exception {
		JsonNode hints = metadata().get("hints");
		assertThat(values(entry(hints, "migrate.target"))).containsExactly("heads", "head", "base");
		assertThat(values(entry(hints, "migrate.locations"))).contains("classpath:", "filesystem:");
		for (String name : new String[] { "migrate.target", "migrate.locations" }) {
			assertThat(entry(hints, name).get("providers").get(0).get("name").asString()).isEqualTo("any");
		}
	}

	@Test
	void everyModeAndPhaseHasADescription() throws Exception {
		JsonNode hints = metadata().get("hints");
		assertThat(values(entry(hints, "migrate.mode"))).containsExactly("upgrade", "validate", "await", "off");
		assertThat(values(entry(hints, "migrate.phase"))).containsExactly("runner", "eager");
		for (String name : new String[] { "migrate.mode", "migrate.phase" }) {
			for (JsonNode value : entry(hints, name).get("values")) {
				assertThat(value.path("description").asString()).as("%s=%s", name, value.get("value").asString())
					.isNotBlank()
					.endsWith(".");
			}
		}
		for (MigrateProperties.Mode mode : MigrateProperties.Mode.values()) {
			assertThat(values(entry(hints, "migrate.mode"))).contains(mode.name().toLowerCase(java.util.Locale.ROOT));
		}
		for (MigrateProperties.Phase phase : MigrateProperties.Phase.values()) {
			assertThat(values(entry(hints, "migrate.phase"))).contains(phase.name().toLowerCase(java.util.Locale.ROOT));
		}
	}

	private JsonNode metadata() throws Exception {
		try (InputStream in = getClass().getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

	private static JsonNode entry(JsonNode entries, String name) {
		for (JsonNode entry : entries) {
			if (entry.get("name").asString().equals(name)) {
				return entry;
			}
		}
		throw new AssertionError("No metadata entry " + name);
	}

	private static java.util.List<String> values(JsonNode hint) {
		java.util.List<String> values = new java.util.ArrayList<>();
		hint.get("values").forEach((value) -> values.add(value.get("value").asString()));
		return values;
	}

}
