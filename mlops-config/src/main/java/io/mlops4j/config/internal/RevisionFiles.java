package io.mlops4j.config.internal;

/** The files of one revision of a repository: a git commit or a working tree. */
public interface RevisionFiles {
  /**
   * Reads a file.
   *
   * @param path a '/'-separated path relative to the repository root
   * @return its bytes, or null if the revision has no such file
   */
  byte[] read(String path);

  /**
   * Returns the name of a file at this revision, as shown in problems.
   *
   * @param path a '/'-separated path relative to the repository root
   * @return e.g. {@code config/plants/P001/C001.yml@1a2b3c4}
   */
  String label(String path);
}
