package io.mlops4j.release.internal;

import io.mlops4j.release.BatchDeployment;
import io.mlops4j.release.Job;
import io.mlops4j.release.JobContext;
import io.mlops4j.release.JobInputs;
import io.mlops4j.release.JobRunner;
import io.mlops4j.release.JobStatus;
import io.mlops4j.release.Model;
import io.mlops4j.release.PollSettings;
import io.mlops4j.release.RegistryException;
import io.mlops4j.release.RegistryException.Reason;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs local jobs on a thread pool, with their state in the store and their files on disk. */
final class LocalJobs implements AutoCloseable {
  private final LocalStore store;
  private final Path dir;
  private final JobRunner runner;
  private final PollSettings poll;
  private final long pid = ProcessHandle.current().pid();
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

  /** Notified whenever a job of this process ends, so waiters need not poll for those. */
  private final Object ended = new Object();

  private final ExecutorService executor;

  LocalJobs(LocalStore store, Path dir, JobRunner runner, PollSettings poll) {
    this.store = store;
    this.dir = dir;
    this.runner = runner;
    this.poll = poll;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "mlops-local-job-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  Job submit(LocalTarget workspace, BatchDeployment deployment, JobInputs inputs) {
    String id = "batchjob-" + UUID.randomUUID();
    Instant now = store.clock().instant();
    String endpoint = deployment.spec().endpoint();
    String name = deployment.spec().name();
    Job job = new Job(id, endpoint, name, inputs, JobStatus.QUEUED, -1, "", now, Instant.EPOCH);
    store
        .sqlite()
        .write(
            "invoke " + workspace.name() + "/" + endpoint + "/" + name,
            connection -> {
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "INSERT INTO jobs (id, target, endpoint, deployment, inputs, status, owner_pid,"
                          + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                st.setString(1, id);
                st.setString(2, workspace.name());
                st.setString(3, endpoint);
                st.setString(4, name);
                st.setString(5, store.json().write(inputs));
                st.setString(6, JobStatus.QUEUED.name());
                st.setLong(7, pid);
                st.setString(8, now.toString());
                st.executeUpdate();
              }
              store
                  .audit()
                  .record(
                      connection, "job.submit", workspace.name(), id, "", store.json().write(job));
              return null;
            });
    executor.execute(() -> run(workspace, deployment, job));
    return job;
  }

  private void run(LocalTarget workspace, BatchDeployment deployment, Job job) {
    Path jobDir = dir.resolve(job.id());
    int exitCode = -1;
    String error = "";
    JobStatus status;
    try {
      Files.createDirectories(jobDir.resolve("outputs"));
      if (cancelRequested(job.id())) {
        finish(workspace.name(), job.id(), JobStatus.CANCELED, -1, "cancelled before it started");
        return;
      }
      setStatus(workspace.name(), job.id(), JobStatus.RUNNING);
      try (PrintWriter log =
          new PrintWriter(
              Files.newBufferedWriter(
                  jobDir.resolve("log.txt"),
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND),
              true)) {
        Model model =
            store.resolveModel(workspace, deployment.spec().model(), "run job " + job.id());
        Path modelDir = store.artifacts().get(model.artifactDigest(), jobDir.resolve("model"));
        log.println(
            "[mlops] job "
                + job.id()
                + " on "
                + job.endpoint()
                + "/"
                + job.deployment()
                + " with model "
                + deployment.spec().model());
        try {
          exitCode =
              runner.run(
                  new JobContext(
                      job.id(),
                      deployment,
                      modelDir,
                      jobDir.resolve("outputs"),
                      job.inputs(),
                      log,
                      () -> cancelRequested(job.id())));
        } catch (Exception e) {
          error = e.getMessage() == null ? e.toString() : e.getMessage();
          log.println("[mlops] job failed: " + error);
        }
        log.println("[mlops] exit code " + exitCode);
      }
      if (cancelRequested(job.id())) {
        status = JobStatus.CANCELED;
      } else if (error.isEmpty() && exitCode == 0) {
        status = JobStatus.COMPLETED;
      } else {
        status = JobStatus.FAILED;
        error = error.isEmpty() ? "runner exited with code " + exitCode : error;
      }
    } catch (IOException | RuntimeException e) {
      status = JobStatus.FAILED;
      error = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    finish(workspace.name(), job.id(), status, exitCode, error);
  }

  private void setStatus(String target, String id, JobStatus status) {
    store
        .sqlite()
        .write(
            "update job " + id,
            connection -> {
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "UPDATE jobs SET status = ? WHERE id = ? AND target = ?"
                          + " AND status IN ('QUEUED', 'RUNNING')")) {
                st.setString(1, status.name());
                st.setString(2, id);
                st.setString(3, target);
                if (st.executeUpdate() == 0) {
                  return null; // ended already, by a cancel or a check of its owner: final
                }
              }
              store
                  .audit()
                  .record(
                      connection,
                      "job.status",
                      target,
                      id,
                      "",
                      store.json().write(Map.of("status", status.name())));
              return null;
            });
  }

  private void finish(String target, String id, JobStatus status, int exitCode, String error) {
    store
        .sqlite()
        .write(
            "finish job " + id,
            connection -> {
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "UPDATE jobs SET status = ?, exit_code = ?, error = ?, ended_at = ? WHERE id = ?"
                          + " AND target = ? AND status IN ('QUEUED', 'RUNNING')")) {
                st.setString(1, status.name());
                st.setInt(2, exitCode);
                st.setString(3, error);
                st.setString(4, store.clock().instant().toString());
                st.setString(5, id);
                st.setString(6, target);
                if (st.executeUpdate() == 0) {
                  return null; // ended already: an ended job never changes
                }
              }
              store
                  .audit()
                  .record(
                      connection,
                      "job.finish",
                      target,
                      id,
                      "",
                      store
                          .json()
                          .write(
                              Map.of(
                                  "status", status.name(), "exit_code", exitCode, "error", error)));
              return null;
            });
    synchronized (ended) {
      ended.notifyAll();
    }
  }

  Job get(String target, String id) {
    String operation = "getJob " + target + "/" + id;
    Job job =
        store
            .sqlite()
            .read(operation, connection -> find(connection, target, id))
            .orElseThrow(
                () ->
                    new RegistryException(
                        Reason.NOT_FOUND, operation, "job " + id + " does not exist in " + target));
    if (!job.status().isTerminal()) {
      long owner = ownerPid(target, id);
      if (owner != pid
          && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false) == false) {
        finish(
            target,
            id,
            JobStatus.FAILED,
            -1,
            "the process that ran the job (pid " + owner + ") ended before the job finished");
        return get(target, id);
      }
    }
    return job;
  }

  Job await(String target, String id, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration wait = poll.initial();
    while (true) {
      Job job = get(target, id);
      if (job.status().isTerminal()) {
        return job;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new RegistryException(
            Reason.TIMEOUT,
            "waitForJob " + target + "/" + id,
            "job is still " + job.status() + " after " + describe(timeout));
      }
      try {
        // Woken when a job of this process ends; the backoff bounds the wait for jobs owned by
        // another process, whose end is only visible in the store.
        synchronized (ended) {
          ended.wait(Math.max(1, Math.min(wait.toMillis(), TimeUnit.NANOSECONDS.toMillis(left))));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException(Reason.FAILED, "waitForJob " + id, "interrupted", e);
      }
      wait = poll.next(wait);
    }
  }

  /** Says how long a wait was: milliseconds below 10 s, so a short timeout never reads "0 s". */
  private static String describe(Duration timeout) {
    return timeout.compareTo(Duration.ofSeconds(10)) < 0
        ? timeout.toMillis() + " ms"
        : timeout.toSeconds() + " s";
  }

  Job cancel(String target, String id) {
    Job job = get(target, id);
    if (job.status().isTerminal()) {
      return job;
    }
    cancelled.add(id);
    store
        .sqlite()
        .write(
            "cancelJob " + target + "/" + id,
            connection -> {
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "UPDATE jobs SET cancel_requested = 1 WHERE id = ? AND target = ?")) {
                st.setString(1, id);
                st.setString(2, target);
                st.executeUpdate();
              }
              store
                  .audit()
                  .record(
                      connection,
                      "job.cancel",
                      target,
                      id,
                      store.json().write(Map.of("status", job.status().name())),
                      store.json().write(Map.of("cancel_requested", true)));
              return null;
            });
    return get(target, id);
  }

  String logs(String target, String id) {
    get(target, id);
    Path log = dir.resolve(id).resolve("log.txt");
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new RegistryException(Reason.FAILED, "getJobLogs " + id, e.toString(), e);
    }
  }

  private boolean cancelRequested(String id) {
    if (cancelled.contains(id)) {
      return true;
    }
    boolean requested =
        store
            .sqlite()
            .read(
                "check cancel " + id,
                connection -> {
                  try (PreparedStatement st =
                      connection.prepareStatement(
                          "SELECT cancel_requested FROM jobs WHERE id = ?")) {
                    st.setString(1, id);
                    try (ResultSet rs = st.executeQuery()) {
                      return rs.next() && rs.getInt(1) != 0;
                    }
                  }
                });
    if (requested) {
      cancelled.add(id);
    }
    return requested;
  }

  private long ownerPid(String target, String id) {
    return store
        .sqlite()
        .read(
            "job owner " + id,
            connection -> {
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "SELECT owner_pid FROM jobs WHERE id = ? AND target = ?")) {
                st.setString(1, id);
                st.setString(2, target);
                try (ResultSet rs = st.executeQuery()) {
                  return rs.next() ? rs.getLong(1) : pid;
                }
              }
            });
  }

  private java.util.Optional<Job> find(Connection connection, String target, String id)
      throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement(
            "SELECT endpoint, deployment, inputs, status, exit_code, error, created_at, ended_at"
                + " FROM jobs WHERE id = ? AND target = ?")) {
      st.setString(1, id);
      st.setString(2, target);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return java.util.Optional.empty();
        }
        String ended = rs.getString(8);
        return java.util.Optional.of(
            new Job(
                id,
                rs.getString(1),
                rs.getString(2),
                store.json().read(rs.getString(3), JobInputs.class),
                JobStatus.valueOf(rs.getString(4)),
                rs.getInt(5),
                rs.getString(6),
                Instant.parse(rs.getString(7)),
                ended.isEmpty() ? Instant.EPOCH : Instant.parse(ended)));
      }
    }
  }

  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(100, TimeUnit.MILLISECONDS)) {
        cancelled.addAll(runningIds());
        executor.awaitTermination(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }

  private Set<String> runningIds() {
    return store
        .sqlite()
        .read(
            "running jobs",
            connection -> {
              Set<String> ids = ConcurrentHashMap.newKeySet();
              try (PreparedStatement st =
                  connection.prepareStatement(
                      "SELECT id FROM jobs WHERE status IN ('QUEUED', 'RUNNING') AND owner_pid = ?")) {
                st.setLong(1, pid);
                try (ResultSet rs = st.executeQuery()) {
                  while (rs.next()) {
                    ids.add(rs.getString(1));
                  }
                }
              }
              return ids;
            });
  }
}
