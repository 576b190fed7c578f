package io.mlops4j.release;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link RegistrationWorker} in its own JVM and reads what it acknowledges, on a thread of
 * its own so that lines written just before a kill are not lost.
 */
final class WorkerProcess implements AutoCloseable {
  private static final String END = "\u0000end";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Thread reader;

  WorkerProcess(Path store, String model, int count, String id) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                RegistrationWorker.class.getName(),
                store.toString(),
                model,
                Integer.toString(count),
                id)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    process.getOutputStream().close();
    reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              } finally {
                lines.add(END);
              }
            },
            "worker-output-" + id);
    reader.setDaemon(true);
    reader.start();
  }

  /** Reads the next line, or null at the end of the output; fails after 60 s of silence. */
  String readLine() throws InterruptedException {
    String line = lines.poll(60, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("worker printed nothing for 60 s");
    }
    if (line.equals(END)) {
      lines.add(END);
      return null;
    }
    return line;
  }

  /** Reads every remaining acknowledged version, until the output ends. */
  List<Integer> readVersions() throws InterruptedException {
    List<Integer> versions = new ArrayList<>();
    for (String line = readLine(); line != null; line = readLine()) {
      if (line.startsWith("registered ")) {
        versions.add(Integer.parseInt(line.substring("registered ".length())));
      }
    }
    return versions;
  }

  /** Kills the process as {@code kill -9} does and waits until it is gone. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** Waits up to the given time for the process to end by itself; true if it did. */
  boolean waitFor(long micros) throws InterruptedException {
    return process.waitFor(micros, TimeUnit.MICROSECONDS);
  }

  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    reader.join(10_000);
  }
}
