package dev.migrate.autoconfigure.command;

import java.util.List;
import java.util.function.Supplier;

import dev.migrate.shadow.SchemaScript;

/**
 * The desired schema of {@code revision --autogenerate} without {@code --to}: the schema of the
 * application's entity model (see {@link JpaDesiredSchema}).
 */
interface EntityModelSchema extends Supplier<List<SchemaScript>> {

}
