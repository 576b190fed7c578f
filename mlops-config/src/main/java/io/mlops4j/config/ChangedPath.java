package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * One changed file, as {@code git diff --name-status} reports it.
 *
 * @param status {@code A} added, {@code M} modified, {@code D} deleted, {@code R} renamed
 * @param oldPath the path before the change (for added files, the same as {@code newPath})
 * @param newPath the path after the change (for deleted files, the same as {@code oldPath})
 */
public record ChangedPath(char status, String oldPath, String newPath) {
  public ChangedPath {
    requireNonNull(oldPath, "oldPath");
    requireNonNull(newPath, "newPath");
    if ("AMDR".indexOf(status) < 0) {
      throw new IllegalArgumentException("status must be one of A, M, D, R, was " + status);
    }
  }

  /**
   * Parses the lines of {@code git diff --name-status} (tab-separated; {@code R100} and {@code
   * C100} scores allowed). A line holding only a path counts as modified.
   *
   * @param lines the lines; blank lines are skipped
   * @return the changed paths
   * @throws ConfigException naming the line that cannot be parsed
   */
  public static List<ChangedPath> parseNameStatus(List<String> lines) {
    List<ChangedPath> paths = new ArrayList<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\t");
      char status = Character.toUpperCase(parts[0].charAt(0));
      if (parts.length == 1) {
        paths.add(new ChangedPath('M', parts[0], parts[0]));
      } else if (parts.length == 2 && "AMD".indexOf(status) >= 0 && parts[0].length() == 1) {
        paths.add(new ChangedPath(status, parts[1], parts[1]));
      } else if (parts.length == 3 && (status == 'R' || status == 'C')) {
        paths.add(new ChangedPath(status == 'C' ? 'A' : 'R', parts[1], parts[2]));
      } else {
        problems.add(
            new ConfigProblem(
                "changed paths",
                i + 1,
                1,
                "",
                "cannot parse '"
                    + io.mlops4j.config.internal.Text.printable(line)
                    + "'; expected 'STATUS<TAB>PATH' (A, M, D) or 'RNNN<TAB>OLD<TAB>NEW'"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return paths;
  }
}
