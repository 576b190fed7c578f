package io.mlops4j.config.internal;

import io.mlops4j.config.ConfigException;
import io.mlops4j.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** File access for config trees. */
public final class ConfigFiles {
  /** The master list's file name. */
  public static final String MASTER = "plants_circuits.yml";

  private ConfigFiles() {}

  /**
   * Finds the config directory under a root.
   *
   * @param root a repository root or a config directory
   * @return the directory holding the master list
   * @throws ConfigException if there is none
   */
  public static Path configDir(Path root) {
    if (Files.isRegularFile(root.resolve("config").resolve(MASTER))) {
      return root.resolve("config");
    }
    if (Files.isRegularFile(root.resolve(MASTER))) {
      return root;
    }
    throw new ConfigException(
        List.of(new ConfigProblem(root.toString(), 0, 0, "", ConfigErrors.noConfigDir(root))));
  }

  /**
   * Reads a file of at most {@link SafeYaml#MAX_BYTES}.
   *
   * @param file the file
   * @param problems receives why it could not be read
   * @return its bytes, or null
   */
  public static byte[] read(Path file, List<ConfigProblem> problems) {
    try {
      long size = Files.size(file);
      if (size > SafeYaml.MAX_BYTES) {
        problems.add(
            new ConfigProblem(
                file.toString(),
                0,
                0,
                "",
                "file is "
                    + size
                    + " bytes; configuration files are limited to "
                    + SafeYaml.MAX_BYTES
                    + " bytes"));
        return null;
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      problems.add(new ConfigProblem(file.toString(), 0, 0, "", "file does not exist"));
      return null;
    } catch (IOException e) {
      problems.add(
          new ConfigProblem(
              file.toString(), 0, 0, "", ConfigErrors.unreadable(file.toString(), e.toString())));
      return null;
    }
  }
}
