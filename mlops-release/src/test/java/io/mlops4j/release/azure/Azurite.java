package io.mlops4j.release.azure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Azurite's blob service, started on a free localhost port from the installation {@code .ci/run}
 * makes ({@code .ci/azurite/node_modules/.bin/azurite-blob}). When it is not installed the tests
 * that need it fail under CI ({@code CI=true}) or when {@code -Dmlops.azurite.required=true}, and
 * are skipped otherwise, with a message saying how to install it.
 */
final class Azurite implements AutoCloseable {
  /** Azurite's well-known development account. */
  static final String ACCOUNT = "devstoreaccount1";

  /** Azurite's well-known development key (public, documented, not a secret). */
  static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private final Process process;
  private final int port;

  private Azurite(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The account URL, {@code http://127.0.0.1:PORT/devstoreaccount1}. */
  String accountUrl() {
    return "http://127.0.0.1:" + port + "/" + ACCOUNT;
  }

  /** Starts Azurite, or skips or fails the calling test when it is not installed. */
  static Azurite start(Path location) throws IOException, InterruptedException {
    Path root = Path.of(System.getProperty("mlops.repo.root", "..")).toAbsolutePath().normalize();
    boolean required =
        "true".equalsIgnoreCase(System.getenv("CI"))
            || Boolean.getBoolean("mlops.azurite.required");
    return start(root, required, location);
  }

  /**
   * Starts Azurite from a repository's {@code .ci/azurite}; when it is missing, fails if required
   * (CI), else aborts the test (skipped) with the command that installs it.
   */
  static Azurite start(Path root, boolean required, Path location)
      throws IOException, InterruptedException {
    Path bin = root.resolve(".ci/azurite/node_modules/.bin/azurite-blob");
    if (!Files.isExecutable(bin)) {
      String how =
          "Azurite is not installed at "
              + bin
              + "; run: npm install --prefix "
              + root.resolve(".ci/azurite");
      if (required) {
        throw new IllegalStateException(how);
      }
      Assumptions.abort(how);
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Files.createDirectories(location);
    Process process =
        new ProcessBuilder(
                List.of(
                    bin.toString(),
                    "--blobHost",
                    "127.0.0.1",
                    "--blobPort",
                    Integer.toString(port),
                    "--location",
                    location.toString(),
                    "--skipApiVersionCheck",
                    "--loose",
                    "--silent"))
            .redirectErrorStream(true)
            .redirectOutput(location.resolve("azurite.log").toFile())
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Azurite exited with "
                + process.exitValue()
                + "; see "
                + location.resolve("azurite.log"));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new Azurite(process, port);
      } catch (IOException notYet) {
        process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("Azurite did not listen on port " + port + " within 60 s");
  }

  @Override
  public void close() {
    // Wait for the exit: Azurite writes its metadata on SIGTERM, which would otherwise race the
    // deletion of its folder (a @TempDir) by the test.
    List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : all) {
      try {
        handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        handle.destroyForcibly();
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        handle.destroyForcibly();
      }
    }
  }
}
