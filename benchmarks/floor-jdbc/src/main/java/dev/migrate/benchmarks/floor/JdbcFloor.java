package dev.migrate.benchmarks.floor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor the tools are compared with: what a program does with nothing but the JDBC driver.
 * {@code apply <directory>} runs each {@code .sql} file of the directory, in name order, as one
 * transaction ({@code setAutoCommit(false)}, the file's statements in one {@code execute},
 * {@code commit()}); {@code select1} connects and runs {@code select 1}. The database comes from
 * {@code DATABASE_URL}, {@code DATABASE_USER} and {@code DATABASE_PASSWORD}.
 */
public final class JdbcFloor {

	private JdbcFloor() {
	}

	public static void main(String[] args) throws IOException, SQLException {
		try (Connection connection = DriverManager.getConnection(System.getenv("DATABASE_URL"),
				System.getenv("DATABASE_USER"), System.getenv("DATABASE_PASSWORD"))) {
			if (args.length == 2 && args[0].equals("apply")) {
				apply(connection, Path.of(args[1]));
			}
			else if (args.length == 1 && args[0].equals("select1")) {
				selectOne(connection);
			}
			else {
				throw new IllegalArgumentException("Usage: JdbcFloor apply <directory> | select1");
			}
		}
	}

	private static void apply(Connection connection, Path directory) throws IOException, SQLException {
		List<Path> files;
		try (Stream<Path> listed = Files.list(directory)) {
			files = listed.filter((path) -> path.getFileName().toString().endsWith(".sql")).sorted().toList();
		}
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			for (Path file : files) {
				statement.execute(Files.readString(file, StandardCharsets.UTF_8));
				connection.commit();
			}
		}
	}

	private static void selectOne(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("select 1")) {
			result.next();
		}
	}

}
