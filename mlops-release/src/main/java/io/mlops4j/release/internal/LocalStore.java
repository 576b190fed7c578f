package io.mlops4j.release.internal;

import io.mlops4j.config.Target;
import io.mlops4j.config.TargetKind;
import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.AssetRef;
import io.mlops4j.release.AuditEntry;
import io.mlops4j.release.JobRunner;
import io.mlops4j.release.Model;
import io.mlops4j.release.PollSettings;
import io.mlops4j.release.RegistryException;
import io.mlops4j.release.RegistryException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The local store: one directory holding the SQLite database, the artifacts and job files. */
public final class LocalStore implements AutoCloseable {
  private final Path root;
  private final TargetsConfig targets;
  private final Clock clock;
  private final Sqlite sqlite;
  private final ArtifactStore artifacts;
  private final Json json = new Json();
  private final Audit audit;
  private final LocalJobs jobs;
  private final Map<String, LocalTarget> opened = new ConcurrentHashMap<>();

  /**
   * Opens the store, creating or migrating it.
   *
   * @param root the store's directory
   * @param targets the targets it serves
   * @param runner runs jobs
   * @param poll backoff for waiting on jobs
   * @param clock the time source
   */
  public LocalStore(
      Path root, TargetsConfig targets, JobRunner runner, PollSettings poll, Clock clock) {
    this.root = root;
    this.targets = targets;
    this.clock = clock;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new RegistryException(Reason.FAILED, "open local store " + root, e.toString(), e);
    }
    this.sqlite = new Sqlite(root.resolve("store.db"));
    this.artifacts = new ArtifactStore(root.resolve("artifacts"));
    this.audit =
        new Audit(
            clock,
            System.getProperty("user.name", "unknown")
                + "@"
                + hostName()
                + " pid "
                + ProcessHandle.current().pid());
    this.jobs = new LocalJobs(this, root.resolve("jobs"), runner, poll);
  }

  /**
   * Returns a local workspace target.
   *
   * @param name the logical name
   * @return the workspace
   */
  public LocalTarget workspace(String name) {
    return open(targets.get(name, TargetKind.WORKSPACE));
  }

  /**
   * Returns a local registry target.
   *
   * @param name the logical name
   * @return the registry
   */
  public LocalTarget registry(String name) {
    return open(targets.get(name, TargetKind.REGISTRY));
  }

  /** A registry to share into: a name that is not a registry is an invalid request. */
  LocalTarget registryTarget(String name) {
    try {
      return registry(name);
    } catch (io.mlops4j.config.ConfigException e) {
      throw new RegistryException(Reason.VALIDATION, "share to " + name, e.getMessage(), e);
    }
  }

  private LocalTarget open(Target target) {
    if (!target.isLocal()) {
      throw new RegistryException(
          Reason.VALIDATION,
          "open target " + target.name(),
          target.name()
              + " is an Azure target ("
              + target.azure().name()
              + "); this client serves the local store only");
    }
    return opened.computeIfAbsent(
        target.name(), name -> new LocalTarget(this, name, target.kind()));
  }

  /**
   * Returns the targets served.
   *
   * @return the targets
   */
  public TargetsConfig targets() {
    return targets;
  }

  Model resolveModel(LocalTarget workspace, AssetRef ref, String operation) {
    if (!ref.workspaceId().isEmpty()) {
      throw new RegistryException(
          Reason.VALIDATION, operation, "the local store cannot resolve ARM ids: " + ref);
    }
    LocalTarget owner = ref.inRegistry() ? registry(ref.registry()) : workspace;
    return owner.resolveLocalModel(ref.name(), Integer.parseInt(ref.version()), operation);
  }

  void resolveEnvironment(LocalTarget workspace, AssetRef ref, String operation) {
    if (!ref.workspaceId().isEmpty()) {
      throw new RegistryException(
          Reason.VALIDATION, operation, "the local store cannot resolve ARM ids: " + ref);
    }
    LocalTarget owner = ref.inRegistry() ? registry(ref.registry()) : workspace;
    if (!owner.hasEnvironment(ref.name(), ref.version())) {
      throw new RegistryException(
          Reason.NOT_FOUND,
          operation,
          "environment "
              + ref.name()
              + " version "
              + ref.version()
              + " does not exist in "
              + owner.name());
    }
  }

  String refOf(LocalTarget target, AssetRef ref) {
    return target.name() + "/" + ref;
  }

  /**
   * Lists the newest audit entries.
   *
   * @param limit the most entries
   * @return newest first
   */
  public List<AuditEntry> listAudit(int limit) {
    return sqlite.read(
        "list audit",
        connection -> {
          try (PreparedStatement st =
              connection.prepareStatement(
                  "SELECT id, at, actor, action, target, entity, before, after FROM audit"
                      + " ORDER BY id DESC LIMIT ?")) {
            st.setInt(1, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                entries.add(
                    new AuditEntry(
                        rs.getLong(1),
                        Instant.parse(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)));
              }
            }
            return entries;
          }
        });
  }

  Sqlite sqlite() {
    return sqlite;
  }

  ArtifactStore artifacts() {
    return artifacts;
  }

  Json json() {
    return json;
  }

  Audit audit() {
    return audit;
  }

  Clock clock() {
    return clock;
  }

  LocalJobs jobs() {
    return jobs;
  }

  Path root() {
    return root;
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  @Override
  public void close() {
    jobs.close();
    sqlite.close();
  }
}
