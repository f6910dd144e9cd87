package org.baton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Baton in a JVM of its own on a test's home directory, for tests that kill it with SIGKILL and
 * start it again: nothing of the test's own application context is shared with it.
 */
public final class BatonProcess implements AutoCloseable {

  public static final String ADMIN_TOKEN = "kill-test-admin-token-0123456789";

  private final Path home;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> started = new ArrayList<>();

  public BatonProcess(Path home) throws Exception {
    this.home = home;
    this.port = freePort();
  }

  public int port() {
    return port;
  }

  /** Starts Baton without the demo, with these settings too, and waits until it is ready. */
  public Process start(String name, List<String> settings) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                BatonApplication.class.getName(),
                "--baton.home=" + home,
                "--server.port=" + port,
                "--baton.demo=false",
                "--baton.admin-token=" + ADMIN_TOKEN,
                "--baton.advice.reminder-initial-delay=PT24H",
                "--logging.level.root=WARN"));
    command.addAll(settings);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve(name + ".log").toFile())
            .start();
    started.add(process);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(
                                    URI.create(
                                        "http://localhost:" + port + "/actuator/health/readiness"))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
    return process;
  }

  /** SIGKILL: no shutdown hook, nothing finished, its PostgreSQL orphaned. */
  public void kill(Process process) throws Exception {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    started.remove(process);
  }

  /** Calls the API as the admin token. */
  public HttpResponse<String> call(String method, String path, String type, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The running Baton's embedded database, as its owner (port from the pid file). */
  public Connection database() throws Exception {
    Path pid;
    try (var files = Files.walk(home)) {
      pid =
          files
              .filter(f -> f.getFileName().toString().equals("postmaster.pid"))
              .findFirst()
              .orElseThrow();
    }
    String dbPort = Files.readAllLines(pid).get(3).strip();
    Properties credentials = new Properties();
    try (var in = Files.newInputStream(home.resolve("postgres/credentials.properties"))) {
      credentials.load(in);
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + dbPort + "/baton",
        "postgres",
        credentials.getProperty("owner-password"));
  }

  /** SIGTERM to whatever still runs: the context stops its PostgreSQL. */
  @Override
  public void close() throws Exception {
    for (Process process : started) {
      process.destroy();
      process.waitFor(60, TimeUnit.SECONDS);
    }
    started.clear();
  }

  public static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
