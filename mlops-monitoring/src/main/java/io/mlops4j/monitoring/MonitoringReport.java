package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.MlopsException;
import io.mlops4j.monitoring.internal.HtmlReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The results of one monitoring run, and the HTML report drawn from them: one row per circuit with
 * its status colour, metrics and drift, sortable by any column; per circuit, a PNG of forecast vs
 * actual over the period and one PNG per feature of baseline vs current proportions in the
 * baseline's decile bins, and the drift statistics per feature.
 *
 * @param title the report's title, such as {@code Performance 2026-10}
 * @param generatedAt when the run happened
 * @param performance per-circuit performance; may be empty
 * @param drift per-circuit drift; may be empty
 * @param patches proposed retraining patches; may be empty
 */
public record MonitoringReport(
    String title,
    Instant generatedAt,
    List<CircuitPerformance> performance,
    List<CircuitDrift> drift,
    List<RetrainingPatch> patches) {
  /** Checks and copies the fields. */
  public MonitoringReport {
    requireNonNull(title, "title");
    requireNonNull(generatedAt, "generatedAt");
    performance = List.copyOf(performance);
    drift = List.copyOf(drift);
    patches = List.copyOf(patches);
  }

  /**
   * Returns the worst status of any circuit.
   *
   * @return OK if there are no circuits
   */
  public Status worstStatus() {
    Status worst = Status.OK;
    for (CircuitPerformance p : performance) {
      worst = worst.worst(p.status());
    }
    for (CircuitDrift d : drift) {
      worst = worst.worst(d.status());
    }
    return worst;
  }

  /**
   * Writes the report into a folder atomically: everything is written into a temporary folder
   * beside it, which then replaces the folder by renames (the old folder aside, the new one in
   * place), so readers see the old report or the new one, never half of one; between the two
   * renames there is briefly no folder. Not safe against another process writing the same folder at
   * the same time. Charts are drawn headless.
   *
   * @param dir the report folder, holding {@code index.html}, {@code plots/{plant}/{circuit}/} and
   *     {@code patches/{plant}/{circuit}.patch} afterwards; it must be missing, empty or hold only
   *     a previous report, since it is replaced as a whole
   * @return the {@code index.html} written
   * @throws MlopsException if the folder holds anything but a previous report (nothing is written
   *     then), or cannot be written (the previous report, if any, is left in place)
   */
  public Path write(Path dir) {
    return HtmlReport.write(this, requireNonNull(dir, "dir"));
  }
}
