package io.mlops4j.config.internal;

import io.mlops4j.config.ConfigProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files of a working tree. */
public final class DirectoryFiles implements RevisionFiles {
  private final Path root;

  /**
   * Creates the view.
   *
   * @param root the repository root
   */
  public DirectoryFiles(Path root) {
    this.root = root;
  }

  @Override
  public byte[] read(String path) {
    Path file = root.resolve(path);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<ConfigProblem> problems = new ArrayList<>();
    byte[] content = ConfigFiles.read(file, problems);
    if (content == null) {
      throw new io.mlops4j.config.ConfigException(problems);
    }
    return content;
  }

  @Override
  public String label(String path) {
    return root.resolve(path).toString();
  }
}
