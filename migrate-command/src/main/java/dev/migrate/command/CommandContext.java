package dev.migrate.command;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.MigrateSettings;
import dev.migrate.Migrator;
import dev.migrate.shadow.SchemaScript;
import dev.migrate.shadow.ShadowDatabase;

/**
 * What commands run against and write to: the settings, the {@link Migrator} (created on first
 * use, so that commands that only write files never load it), the output for results and the
 * error output for failures. Build one with {@link #builder(MigrateSettings)} or
 * {@link #of(Migrator, PrintWriter, PrintWriter)}.
 */
public final class CommandContext {

	private final MigrateSettings settings;

	private final Supplier<Migrator> migratorFactory;

	private final PrintWriter out;

	private final PrintWriter err;

	private final Clock clock;

	private final Supplier<String> revisionIds;

	private final Supplier<@Nullable String> database;

	private final @Nullable Supplier<ShadowDatabase> shadow;

	private final @Nullable Supplier<List<SchemaScript>> desiredSchema;

	private @Nullable Migrator migrator;

	private CommandContext(Builder builder) {
		this.settings = builder.settings;
		this.migratorFactory = Objects.requireNonNull(builder.migrator, "'migrator' must be set");
		this.out = Objects.requireNonNull(builder.out, "'out' must be set");
		this.err = Objects.requireNonNull(builder.err, "'err' must be set");
		this.clock = builder.clock;
		this.revisionIds = builder.revisionIds;
		this.database = builder.database;
		this.shadow = builder.shadow;
		this.desiredSchema = builder.desiredSchema;
	}

	/**
	 * A context for an existing migrator, using its settings.
	 * @param migrator the migrator
	 * @param out where results go
	 * @param err where failures go
	 * @return the context
	 */
	public static CommandContext of(Migrator migrator, PrintWriter out, PrintWriter err) {
		return builder(migrator.settings()).migrator(() -> migrator).out(out).err(err).build();
	}

	/**
	 * A builder for a context with these settings.
	 * @param settings the settings (locations for {@code revision} and {@code merge})
	 * @return the builder
	 */
	public static Builder builder(MigrateSettings settings) {
		return new Builder(settings);
	}

	/** A new 12-digit hexadecimal revision id, as Alembic generates them. */
	static String randomRevisionId() {
		byte[] bytes = new byte[6];
		RevisionIdRandom.INSTANCE.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	MigrateSettings settings() {
		return this.settings;
	}

	/** The migrator, created on first use. */
	Migrator migrator() {
		Migrator migrator = this.migrator;
		if (migrator == null) {
			migrator = this.migratorFactory.get();
			this.migrator = migrator;
		}
		return migrator;
	}

	/** Where results go. */
	public PrintWriter out() {
		return this.out;
	}

	/** Where failures go. */
	public PrintWriter err() {
		return this.err;
	}

	Clock clock() {
		return this.clock;
	}

	String newRevisionId() {
		return this.revisionIds.get();
	}

	/** The database as shown by {@code current -v}, without credentials; {@code null} when unknown. */
	@Nullable String database() {
		return this.database.get();
	}

	/**
	 * Open the shadow database the front end offers.
	 * @param command the command that needs it, for the message when there is none
	 * @return the shadow database, to close after use
	 */
	ShadowDatabase openShadow(String command) {
		if (this.shadow == null) {
			throw new MigrateException(ErrorCode.CONFIGURATION,
					command + " needs a shadow database, and this caller gives none",
					"Run it with the migrate CLI or the application's command mode, or give the CommandContext one "
							+ "with CommandContext.Builder.shadow(...)");
		}
		return this.shadow.get();
	}

	/**
	 * Where the desired schema comes from when {@code revision --autogenerate} is given no
	 * {@code --to} (an entity model), or {@code null}.
	 */
	@Nullable Supplier<List<SchemaScript>> desiredSchema() {
		return this.desiredSchema;
	}

	/** Builder for {@link CommandContext}. */
	public static final class Builder {

		private final MigrateSettings settings;

		private @Nullable Supplier<Migrator> migrator;

		private @Nullable PrintWriter out;

		private @Nullable PrintWriter err;

		private Clock clock = Clock.systemDefaultZone();

		private Supplier<String> revisionIds = CommandContext::randomRevisionId;

		private Supplier<@Nullable String> database = () -> null;

		private @Nullable Supplier<ShadowDatabase> shadow;

		private @Nullable Supplier<List<SchemaScript>> desiredSchema;

		private Builder(MigrateSettings settings) {
			this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
		}

		/** How to create the migrator when a command first needs it. */
		public Builder migrator(Supplier<Migrator> migrator) {
			this.migrator = Objects.requireNonNull(migrator, "'migrator' must not be null");
			return this;
		}

		/** Where results go. */
		public Builder out(PrintWriter out) {
			this.out = Objects.requireNonNull(out, "'out' must not be null");
			return this;
		}

		/** Where failures go. */
		public Builder err(PrintWriter err) {
			this.err = Objects.requireNonNull(err, "'err' must not be null");
			return this;
		}

		/** The clock for {@code create_date} of new revisions (its zone is the one written). */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
			return this;
		}

		/** Where ids of new revisions come from (default: 12 random hexadecimal digits). */
		public Builder revisionIds(Supplier<String> revisionIds) {
			this.revisionIds = Objects.requireNonNull(revisionIds, "'revisionIds' must not be null");
			return this;
		}

		/** The database as {@code current -v} shows it; must not include a password. */
		public Builder database(Supplier<@Nullable String> database) {
			this.database = Objects.requireNonNull(database, "'database' must not be null");
			return this;
		}

		/**
		 * How {@code revision --autogenerate} and {@code check --drift} open their shadow database,
		 * e.g. {@code () -> ShadowDatabase.temporary(dataSource, connector, vocabulary)}.
		 */
		public Builder shadow(Supplier<ShadowDatabase> shadow) {
			this.shadow = Objects.requireNonNull(shadow, "'shadow' must not be null");
			return this;
		}

		/**
		 * Where the desired schema comes from when {@code revision --autogenerate} is given no
		 * {@code --to}, e.g. the create script of a JPA persistence unit.
		 */
		public Builder desiredSchema(Supplier<List<SchemaScript>> desiredSchema) {
			this.desiredSchema = Objects.requireNonNull(desiredSchema, "'desiredSchema' must not be null");
			return this;
		}

		/** Build the context. */
		public CommandContext build() {
			return new CommandContext(this);
		}

	}

	/**
	 * Where new revision ids come from, made on first use: seeding a {@link SecureRandom} takes
	 * time every command that writes no revision would pay.
	 */
	private static final class RevisionIdRandom {

		static final SecureRandom INSTANCE = new SecureRandom();

	}

}
