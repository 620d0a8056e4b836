/**
 * The autogenerate engine: read a PostgreSQL catalog, diff two catalogs, and write the
 * revision SQL with hazards and safer forms.
 *
 * <h2>API</h2>
 * <pre>
 * SchemaCatalog current = CatalogReader.read(connection, List.of(), Set.of("migrate_version", "migrate_history"));
 * SchemaCatalog desired = CatalogReader.read(shadowConnection, List.of(), Set.of(...));
 * List&lt;SchemaChange&gt; changes = SchemaDiff.between(current, desired);   // empty: no changes
 * RevisionScripts scripts = RevisionScripts.render(changes);
 * scripts.upgrade(); scripts.downgrade();                                   // transactional revision
 * if (scripts.hasNonTransactionalPart()) {                                  // second revision, chained after,
 *     scripts.nonTransactionalUpgrade(); scripts.nonTransactionalDowngrade(); // "-- transactional: false"
 * }
 * SchemaDiff.describeDrift(SchemaDiff.between(liveCatalog, shadowCatalog)); // the drift check's lines
 * </pre>
 * <ul>
 * <li>{@link dev.migrate.schema.CatalogReader} reads the schemas in scope (given, else the
 * connection's current schema), leaving out extension members and the excluded tables; names are
 * schema-qualified only when several schemas are in scope or the object is in another schema.</li>
 * <li>{@link dev.migrate.schema.SchemaCatalog} is the immutable model (records); compare two
 * with {@code withoutColumnOrder()} when column order does not matter.</li>
 * <li>{@link dev.migrate.schema.SchemaDiff#between} gives ordered
 * {@link dev.migrate.schema.SchemaChange steps}, each with upgrade and exact inverse downgrade
 * statements, hazards for both, whether it runs outside a transaction, and whether it is only a
 * consequence of another difference.</li>
 * <li>{@link dev.migrate.schema.RevisionScripts} renders the sections, {@code -- hazard:}
 * comments above statements.</li>
 * </ul>
 */
@NullMarked
package dev.migrate.schema;

import org.jspecify.annotations.NullMarked;
