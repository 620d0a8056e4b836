package dev.migrate.autoconfigure;

import dev.migrate.Vocabulary;

/**
 * The words of an instance of {@code migrate.instances}: its own properties under
 * {@code migrate.instances.<name>.}, the ones it shares with the default instance as
 * {@code migrate.*}, and commands as calls on its {@link dev.migrate.Migrator} (command mode
 * and the endpoint's write operations act on the default instance only).
 */
final class InstanceVocabulary implements Vocabulary {

	private static final String MIGRATOR = "Migrator.";

	private final String name;

	private final String prefix;

	InstanceVocabulary(String name) {
		this.name = name;
		this.prefix = SpringBootVocabulary.INSTANCES + "." + name + ".";
	}

	@Override
	public String setting(Setting setting) {
		return switch (setting) {
			case LOCATIONS -> this.prefix + "locations";
			case SCHEMA -> this.prefix + "schema";
			case VERSION_TABLE -> this.prefix + "version-table";
			case HISTORY_TABLE -> this.prefix + "history-table";
			case CONNECTION -> this.prefix + "url/username/password (or " + this.prefix + "data-source)";
			case URL -> this.prefix + "url (or the DataSource bean of " + this.prefix + "data-source)";
			default -> SpringBootVocabulary.INSTANCE.setting(setting);
		};
	}

	/**
	 * The call on the instance's migrator, e.g.
	 * {@code MigrateInstances.find("analytics").orElseThrow().migrator().upgrade("heads")}.
	 */
	@Override
	public String command(Command command) {
		String call = Vocabulary.java().command(command);
		if (!call.startsWith(MIGRATOR)) {
			return call;
		}
		return "MigrateInstances.find(\"" + this.name + "\").orElseThrow().migrator()."
				+ call.substring(MIGRATOR.length());
	}

	@Override
	public String toString() {
		return "SpringBootVocabulary.instance(\"" + this.name + "\")";
	}

}
