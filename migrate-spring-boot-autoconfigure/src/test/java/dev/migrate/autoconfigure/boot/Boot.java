package dev.migrate.autoconfigure.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrate.test.PostgresDatabase;

/**
 * Helpers for full boots of {@link TestApplication}: arguments, starting in the background while
 * the startup runner blocks, HTTP calls, and child JVMs.
 */
final class Boot {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Boot() {
	}

	/** Command-line arguments for the test database plus {@code properties} ({@code key=value}). */
	static String[] arguments(PostgresDatabase db, String... properties) {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(),
				"--spring.datasource.username=" + db.user(), "--spring.datasource.password=" + db.password(),
				"--spring.main.banner-mode=off", "--server.port=0"));
		Arrays.stream(properties).map((property) -> "--" + property).forEach(arguments::add);
		return arguments.toArray(String[]::new);
	}

	/**
	 * Start an application on another thread: {@code run} only returns once the runners are
	 * done, while the web server answers before.
	 */
	static Started start(SpringApplication application, String... arguments) {
		CompletableFuture<Integer> port = new CompletableFuture<>();
		application.addListeners(new PortListener(port));
		CompletableFuture<ConfigurableApplicationContext> context = CompletableFuture
			.supplyAsync(() -> application.run(arguments));
		context.whenComplete((result, failure) -> {
			if (failure != null) {
				port.completeExceptionally(failure);
			}
		});
		return new Started(port, context);
	}

	/** A GET request. */
	static HttpResponse<String> get(int port, String path) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
	}

	/** A POST request with a JSON body. */
	static HttpResponse<String> post(int port, String path, String body) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	/**
	 * Run {@link TestApplication} in a child JVM with the test class path.
	 * @param arguments the application arguments
	 * @return the exit code and the output (stdout and stderr)
	 */
	static ChildResult runChild(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(TestApplication.class.getName());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
			try {
				return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("The child JVM did not exit within 120 s:\n" + output.getNow(""));
		}
		return new ChildResult(process.exitValue(), output.get(10, TimeUnit.SECONDS));
	}

	/** A child JVM's exit code and output. */
	record ChildResult(int exitCode, String output) {
	}

	/** An application started in the background. */
	record Started(CompletableFuture<Integer> port, CompletableFuture<ConfigurableApplicationContext> context) {

		int awaitPort() throws Exception {
			return this.port.get(180, TimeUnit.SECONDS);
		}

		ConfigurableApplicationContext awaitContext() throws Exception {
			return this.context.get(180, TimeUnit.SECONDS);
		}

	}

	private static final class PortListener implements ApplicationListener<WebServerInitializedEvent> {

		private final CompletableFuture<Integer> port;

		PortListener(CompletableFuture<Integer> port) {
			this.port = port;
		}

		@Override
		public void onApplicationEvent(WebServerInitializedEvent event) {
			this.port.complete(event.getWebServer().getPort());
		}

	}

}
