package dev.migrate.autoconfigure.command;

import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceUnitInfo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.shadow.SchemaScript;

/**
 * The desired schema of {@code revision --autogenerate} without {@code --to} when the
 * application uses JPA: the create script the persistence provider (Hibernate) generates from
 * the entities of the application's persistence unit, with the application's JPA properties
 * (naming strategies included), written to a script only: the database is not touched.
 */
final class JpaDesiredSchema implements EntityModelSchema {

	private static final String SCHEMA_GENERATION = "jakarta.persistence.schema-generation.";

	private final ObjectProvider<AbstractEntityManagerFactoryBean> factories;

	JpaDesiredSchema(ObjectProvider<AbstractEntityManagerFactoryBean> factories) {
		this.factories = factories;
	}

	@Override
	public List<SchemaScript> get() {
		List<AbstractEntityManagerFactoryBean> factories = this.factories.orderedStream().toList();
		if (factories.size() != 1) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					"revision --autogenerate without --to takes the desired schema from the JPA entities, but the "
							+ "application has " + factories.size() + " entity manager factories",
					"Pass the desired schema with --to FILE[,FILE...]");
		}
		AbstractEntityManagerFactoryBean factory = factories.get(0);
		PersistenceUnitInfo unit = factory.getPersistenceUnitInfo();
		PersistenceProvider provider = factory.getPersistenceProvider();
		if (unit == null || provider == null) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					"The entity manager factory '" + factory.getPersistenceUnitName() + "' is not container-managed, "
							+ "so its create script cannot be generated",
					"Pass the desired schema with --to FILE[,FILE...]");
		}
		StringWriter script = new StringWriter();
		provider.generateSchema(unit, properties(factory.getJpaPropertyMap(), script));
		String source = "the create script of JPA persistence unit '" + unit.getPersistenceUnitName() + "'";
		return List.of(SchemaScript.of(source, script.toString()));
	}

	static Map<String, Object> properties(Map<String, Object> application, StringWriter script) {
		Map<String, Object> properties = new HashMap<>();
		application.forEach((key, value) -> {
			if (!key.startsWith(SCHEMA_GENERATION) && !key.startsWith("javax.persistence.schema-generation.")
					&& !key.startsWith("hibernate.hbm2ddl.")) {
				properties.put(key, value);
			}
		});
		properties.put(SCHEMA_GENERATION + "database.action", "none");
		properties.put(SCHEMA_GENERATION + "scripts.action", "create");
		properties.put(SCHEMA_GENERATION + "scripts.create-target", script);
		properties.put(SCHEMA_GENERATION + "create-source", "metadata");
		properties.put("hibernate.hbm2ddl.delimiter", ";");
		properties.put("hibernate.format_sql", "false");
		return properties;
	}

}
