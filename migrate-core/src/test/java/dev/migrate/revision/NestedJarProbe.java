package dev.migrate.revision;

import java.net.URL;
import java.util.Enumeration;
import java.util.List;

/**
 * The main class of the Spring Boot fat jar built by {@link RevisionLoaderNestedJarTests}:
 * prints the classpath roots of {@code db/revisions} and the revisions loaded from them.
 */
public final class NestedJarProbe {

	private NestedJarProbe() {
	}

	public static void main(String[] args) throws Exception {
		ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
		Enumeration<URL> roots = classLoader.getResources("db/revisions");
		while (roots.hasMoreElements()) {
			System.out.println("root " + roots.nextElement());
		}
		for (Revision revision : RevisionLoader.load(List.of("classpath:db/revisions"), classLoader, List.of())) {
			System.out.println("revision " + revision.id() + " " + revision.source());
		}
	}

}
