package dev.migrate.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.test.PostgresDatabase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * JUnit extension that starts the packaged sample ({@code java -jar target/sample-app.jar}) as
 * child processes against a test database, waits for them, and stops them after each test.
 *
 * <p>
 * Each process listens on a port the system picks ({@code --server.port=0}, read back from the
 * log) and writes its output to {@code target/e2e/<test>/<name>.log}. When a test fails, the
 * output of every process it started is printed. Processes still running after a test are
 * stopped (SIGTERM, then killed after 30s), and killed when the test JVM exits.
 */
final class SampleProcesses implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

	/** How long a process may take to become ready or to exit: generous, for loaded CI machines. */
	static final Duration TIMEOUT = Duration.ofMinutes(3);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "sample-processes-killer"));
	}

	private final PostgresDatabase database;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<SampleProcess> started = new ArrayList<>();

	private Path logs;

	SampleProcesses(PostgresDatabase database) {
		this.database = database;
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.logs = Files.createDirectories(Path.of("target", "e2e", context.getRequiredTestMethod().getName()));
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		for (SampleProcess process : this.started) {
			System.err.printf("%n---- %s (%s), %s ----%n%s", process.name(), process.state(), process.log(),
					process.output());
		}
		throw failure;
	}

	@Override
	public void afterEach(ExtensionContext context) throws InterruptedException {
		try {
			for (SampleProcess process : this.started) {
				process.process().destroy();
			}
			for (SampleProcess process : this.started) {
				if (!process.process().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
					process.process().destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
				}
			}
		}
		finally {
			for (SampleProcess process : this.started) {
				process.process().destroyForcibly();
				RUNNING.remove(process.process());
			}
			this.started.clear();
		}
	}

	/**
	 * Start the sample jar against the test database.
	 * @param name the process's name in messages and its log file's name
	 * @param arguments extra application arguments, e.g. {@code --migrate.mode=validate}
	 * @return the running process
	 */
	SampleProcess start(String name, String... arguments) throws IOException {
		return start(name, List.of(), arguments);
	}

	/**
	 * Start the sample jar against the test database with JVM options.
	 * @param name the process's name in messages and its log file's name
	 * @param jvmOptions JVM options, e.g. {@code -Dspring.aot.enabled=true}
	 * @param arguments extra application arguments, e.g. {@code --migrate.mode=validate}
	 * @return the running process
	 */
	SampleProcess start(String name, List<String> jvmOptions, String... arguments) throws IOException {
		Path jar = Path.of(System.getProperty("sample.jar", "target/sample-app.jar"));
		assertThat(jar).as("the packaged sample (mvn package builds it)").isRegularFile();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=0"));
		command.addAll(List.of(arguments));
		Path log = this.logs.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("DATABASE_URL", this.database.url());
		builder.environment().put("DATABASE_USER", this.database.user());
		builder.environment().put("DATABASE_PASSWORD", this.database.password());
		SampleProcess process = new SampleProcess(name, builder.start(), log);
		RUNNING.add(process.process());
		this.started.add(process);
		return process;
	}

	/**
	 * Start the sample jar and wait for it to exit.
	 * @param name the process's name
	 * @param arguments extra application arguments
	 * @return the exited process
	 */
	SampleProcess run(String name, String... arguments) throws IOException, InterruptedException {
		SampleProcess process = start(name, arguments);
		if (!process.process().waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			fail(name + " did not exit within " + TIMEOUT + "; output:\n" + process.output());
		}
		return process;
	}

	/**
	 * Wait until a process's readiness probe answers 200.
	 * @param process the process
	 * @return the base URI of the process
	 */
	URI awaitReady(SampleProcess process) throws InterruptedException {
		Instant deadline = Instant.now().plus(TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!process.process().isAlive()) {
				fail(process.name() + " exited with " + process.process().exitValue() + "; output:\n"
						+ process.output());
			}
			URI base = process.baseUri();
			if (base != null && status(base.resolve("/actuator/health/readiness")) == 200) {
				return base;
			}
			Thread.sleep(250);
		}
		return fail(process.name() + " not ready within " + TIMEOUT + "; output:\n" + process.output());
	}

	private int status(URI uri) throws InterruptedException {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
			return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** A started sample process and its output. */
	record SampleProcess(String name, Process process, Path log) {

		/** The base URI once the web server has started, else {@code null}. */
		URI baseUri() {
			Matcher matcher = PORT.matcher(output());
			return matcher.find() ? URI.create("http://127.0.0.1:" + matcher.group(1)) : null;
		}

		/** Everything the process wrote so far. */
		String output() {
			try {
				return Files.readString(this.log);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		int exitValue() {
			return this.process.exitValue();
		}

		String state() {
			return this.process.isAlive() ? "running" : "exit code " + this.process.exitValue();
		}

	}

}
