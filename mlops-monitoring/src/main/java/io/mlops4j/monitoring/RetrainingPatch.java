package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.ConfigException;
import io.mlops4j.config.ConfigLoader;
import io.mlops4j.config.InvalidInputException;
import io.mlops4j.config.MlopsException;
import io.mlops4j.monitoring.internal.MonitoringErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A proposal to retrain a circuit on newer data: a unified diff of its config file that changes
 * only {@code training.cutoff_date} (comments, quoting and formatting kept), ready for {@code git
 * apply} and a pull request. The patched file is checked with {@link ConfigLoader} before the patch
 * is made.
 *
 * @param circuit the circuit whose file is patched
 * @param file the circuit file, relative to the root the patch applies in (as in {@code a/} and
 *     {@code b/} of the diff)
 * @param oldCutoff the current cutoff date
 * @param newCutoff the proposed cutoff date
 * @param reason why retraining is proposed
 * @param diff the unified diff
 */
public record RetrainingPatch(
    CircuitRef circuit,
    String file,
    LocalDate oldCutoff,
    LocalDate newCutoff,
    String reason,
    String diff) {
  private static final Pattern CUTOFF =
      Pattern.compile("^(\\s+cutoff_date:\\s*[\"']?)(\\d{4}-\\d{2}-\\d{2})([\"']?.*)$");
  private static final int CONTEXT = 3;

  /** Checks the fields. */
  public RetrainingPatch {
    requireNonNull(circuit, "circuit");
    requireNonNull(file, "file");
    requireNonNull(oldCutoff, "oldCutoff");
    requireNonNull(newCutoff, "newCutoff");
    requireNonNull(reason, "reason");
    requireNonNull(diff, "diff");
  }

  /**
   * Tells whether monitoring results call for retraining: high drift or critical performance.
   *
   * @param performance the performance status, or OK if not assessed
   * @param drift the drift severity, or NONE if not assessed
   * @return true if retraining is recommended
   */
  public static boolean recommended(Status performance, DriftSeverity drift) {
    return performance == Status.CRITICAL || drift == DriftSeverity.HIGH;
  }

  /**
   * Creates the patch of a circuit's config file.
   *
   * @param root the repository root (or config directory) the circuit was loaded from
   * @param circuit the circuit
   * @param newCutoff the proposed cutoff date, normally the last complete date of data
   * @param reason why, for the patch header
   * @return the patch
   * @throws MlopsException if the file cannot be read, has no {@code cutoff_date} line, or no
   *     longer validates once patched
   */
  public static RetrainingPatch create(
      Path root, CircuitConfig circuit, LocalDate newCutoff, String reason) {
    Path configDir = ConfigLoader.configDir(root);
    Path path = configDir.resolve(circuit.relativePath());
    String relative =
        root.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()).toString();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MlopsException(MonitoringErrors.io("read circuit config", path), e);
    }
    String[] lines = text.split("\n", -1);
    int at = cutoffLine(lines);
    if (at < 0) {
      throw new InvalidInputException(MonitoringErrors.noCutoffLine(relative));
    }
    Matcher m = CUTOFF.matcher(lines[at]);
    if (!m.matches()) {
      throw new InvalidInputException(MonitoringErrors.noCutoffLine(relative));
    }
    String patchedLine = m.group(1) + newCutoff + m.group(3);
    String[] patched = lines.clone();
    patched[at] = patchedLine;
    String patchedText = String.join("\n", patched);
    try {
      new ConfigLoader()
          .parseCircuit(
              path.toString(), patchedText.getBytes(StandardCharsets.UTF_8), circuit.ref());
    } catch (ConfigException e) {
      throw new InvalidInputException(MonitoringErrors.patchInvalid(relative, e.getMessage()), e);
    }
    return new RetrainingPatch(
        circuit.ref(),
        relative,
        circuit.training().cutoffDate(),
        newCutoff,
        reason,
        diff(relative, lines, at, patchedLine));
  }

  private static int cutoffLine(String[] lines) {
    boolean inTraining = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
        inTraining = line.startsWith("training:");
      } else if (inTraining && CUTOFF.matcher(line).matches()) {
        return i;
      }
    }
    return -1;
  }

  private static String diff(String file, String[] lines, int at, String replacement) {
    // A trailing newline leaves an empty last element that is not a line of its own.
    int count =
        lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    int first = Math.max(0, at - CONTEXT);
    int last = Math.min(count - 1, at + CONTEXT);
    List<String> out = new ArrayList<>();
    out.add("--- a/" + file);
    out.add("+++ b/" + file);
    int length = last - first + 1;
    out.add("@@ -" + (first + 1) + "," + length + " +" + (first + 1) + "," + length + " @@");
    for (int i = first; i <= last; i++) {
      if (i == at) {
        out.add("-" + lines[i]);
        out.add("+" + replacement);
      } else {
        out.add(" " + lines[i]);
      }
    }
    return String.join("\n", out) + "\n";
  }

  /**
   * Writes the patch as {@code {plant}/{circuit}.patch} into a directory. The name comes from the
   * circuit's validated ids, so it stays inside the directory and differs for every circuit.
   *
   * @param dir the directory; created if missing
   * @return the file written
   * @throws MlopsException if it cannot be written
   */
  public Path write(Path dir) {
    Path target =
        dir.resolve(circuit.plant().value()).resolve(circuit.circuit().value() + ".patch");
    try {
      Files.createDirectories(target.getParent());
      Files.writeString(
          target,
          "Retrain with cutoff_date "
              + newCutoff
              + " (was "
              + oldCutoff
              + "): "
              + reason
              + "\n\n"
              + diff,
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MlopsException(MonitoringErrors.io("write retraining patch", target), e);
    }
    return target;
  }
}
