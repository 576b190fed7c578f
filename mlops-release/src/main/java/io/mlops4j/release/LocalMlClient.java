package io.mlops4j.release;

import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.internal.LocalStore;
import java.util.List;

/**
 * The embedded local backend: every target (dev, test, prod, shared) side by side in one store
 * directory, metadata in SQLite, artifacts content-addressed by SHA-256, jobs run on this machine
 * through a {@link JobRunner}. Safe for concurrent use by threads and by separate processes on the
 * same store. Create it with {@link MlClients#local}.
 */
public final class LocalMlClient implements MlClient {
  private final LocalStore store;

  LocalMlClient(LocalStore store) {
    this.store = store;
  }

  @Override
  public MlWorkspace workspace(String name) {
    return store.workspace(name);
  }

  @Override
  public MlRegistry registry(String name) {
    return store.registry(name);
  }

  @Override
  public TargetsConfig targets() {
    return store.targets();
  }

  /**
   * Lists the most recent entries of the audit trail: every state change, with who made it, when,
   * and the state before and after.
   *
   * @param limit the most entries to return
   * @return the entries, newest first
   */
  public List<AuditEntry> listAuditEntries(int limit) {
    return store.listAudit(limit);
  }

  @Override
  public void close() {
    store.close();
  }
}
