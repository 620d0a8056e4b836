package dev.migrate.autoconfigure.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of the test PostgreSQL that can turn into a black hole: from then on it
 * keeps every connection open, accepts new ones, and swallows all bytes without answering, as a
 * database behind a network partition does. Lets tests make the real database "go away" without
 * a quick refusal.
 */
final class BlackHoleProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean swallowing;

	BlackHoleProxy(String targetHost, int targetPort) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		daemon(this::acceptLoop, "proxy-accept");
	}

	/** The proxy's port on the loopback address. */
	int port() {
		return this.server.getLocalPort();
	}

	/** A JDBC URL like {@code url} that goes through this proxy. */
	String proxied(String url) {
		return url.replaceFirst("//[^/]+/", "//127.0.0.1:" + port() + "/");
	}

	/** From now on, answer nothing. */
	void swallow() {
		this.swallowing = true;
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.sockets.add(client);
				if (this.swallowing) {
					daemon(() -> pump(client, null), "proxy-swallow");
					continue;
				}
				Socket upstream = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(upstream);
				daemon(() -> pump(client, upstream), "proxy-up");
				daemon(() -> pump(upstream, client), "proxy-down");
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try {
			InputStream in = from.getInputStream();
			OutputStream out = (to != null) ? to.getOutputStream() : null;
			int read;
			while ((read = in.read(buffer)) >= 0) {
				if (!this.swallowing && out != null) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
		}
		catch (IOException ex) {
			// a side closed
		}
	}

	private static void daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
