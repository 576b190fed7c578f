package io.mlops4j.config;

/** How a circuit to train changed in a pull request. */
public enum ChangeKind {
  /** The circuit is new: its file was added, or it was newly listed in the master list. */
  ADDED,
  /** The circuit's config file changed in a way that changes the resolved config. */
  MODIFIED;

  /**
   * Returns the lowercase name used in reports: {@code added} or {@code modified}.
   *
   * @return the report name
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
