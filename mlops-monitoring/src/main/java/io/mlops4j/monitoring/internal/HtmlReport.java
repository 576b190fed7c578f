package io.mlops4j.monitoring.internal;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.InvalidInputException;
import io.mlops4j.config.MlopsException;
import io.mlops4j.monitoring.CircuitDrift;
import io.mlops4j.monitoring.CircuitPerformance;
import io.mlops4j.monitoring.DriftSeverity;
import io.mlops4j.monitoring.FeatureDrift;
import io.mlops4j.monitoring.ForecastMetrics;
import io.mlops4j.monitoring.MonitoringReport;
import io.mlops4j.monitoring.RetrainingPatch;
import io.mlops4j.monitoring.Status;
import io.mlops4j.monitoring.ThresholdBreach;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Writes a {@link MonitoringReport} as HTML with PNG charts, atomically. */
public final class HtmlReport {
  private static final String STYLE =
      """
      body{font-family:DejaVu Sans,Arial,sans-serif;margin:24px;color:#222}
      table{border-collapse:collapse;margin:8px 0 24px}
      th,td{border:1px solid #ccc;padding:4px 8px;text-align:right;font-size:13px}
      th{background:#eee;cursor:pointer;user-select:none}
      td.text{text-align:left}
      tr.OK td.status{background:#c8e6c9}
      tr.WARNING td.status{background:#ffe082}
      tr.CRITICAL td.status{background:#ef9a9a}
      section{border-top:2px solid #ddd;padding-top:8px}
      img{display:inline-block;margin:4px;border:1px solid #ddd}
      pre{background:#f6f6f6;padding:8px}
      """;

  private static final String SCRIPT =
      """
      document.querySelectorAll('table.sortable th').forEach(function (th, column) {
        th.addEventListener('click', function () {
          var table = th.closest('table');
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var ascending = th.getAttribute('data-order') !== 'asc';
          table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('data-order'); });
          th.setAttribute('data-order', ascending ? 'asc' : 'desc');
          rows.sort(function (a, b) {
            var x = a.cells[column].getAttribute('data-value');
            var y = b.cells[column].getAttribute('data-value');
            var nx = parseFloat(x), ny = parseFloat(y);
            var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : String(x).localeCompare(String(y));
            return ascending ? c : -c;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
      window.addEventListener('load', function () {
        var images = document.images, loaded = 0;
        for (var i = 0; i < images.length; i++) {
          if (images[i].complete && images[i].naturalWidth > 0) { loaded++; }
        }
        document.body.setAttribute('data-images-loaded', loaded + '/' + images.length);
      });
      """;

  private static final String INDEX = "index.html";
  private static final Set<String> REPORT_ENTRIES = Set.of(INDEX, "plots", "patches");

  private HtmlReport() {}

  /**
   * Writes the report.
   *
   * @param report the report
   * @param dir the report folder
   * @return its index.html
   */
  public static Path write(MonitoringReport report, Path dir) {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null) {
      throw new InvalidInputException(
          MonitoringErrors.reportDirNotReplaceable(target, "is a root"));
    }
    checkReplaceable(target);
    Path staging = null;
    try {
      Files.createDirectories(parent);
      staging = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
      Files.createDirectories(staging.resolve("plots"));
      String html = render(report, staging);
      Files.writeString(staging.resolve("index.html"), html, StandardCharsets.UTF_8);
      for (RetrainingPatch patch : report.patches()) {
        patch.write(staging.resolve("patches"));
      }
      replace(staging, target);
      staging = null;
      return target.resolve("index.html");
    } catch (IOException | UncheckedIOException e) {
      throw new MlopsException(MonitoringErrors.io("write the monitoring report into", target), e);
    } finally {
      if (staging != null) {
        deleteQuietly(staging);
      }
    }
  }

  /**
   * Refuses to replace a folder that is not a previous report: replacing deletes the old folder, so
   * {@code --report .} or a folder of other files must never be taken for one.
   */
  private static void checkReplaceable(Path target) {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidInputException(
          MonitoringErrors.reportDirNotReplaceable(
              target, "exists and is not a folder (a file or a link)"));
    }
    List<String> names;
    try (Stream<Path> entries = Files.list(target)) {
      names = entries.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new MlopsException(MonitoringErrors.io("list the report folder", target), e);
    }
    if (names.isEmpty() || (names.contains(INDEX) && REPORT_ENTRIES.containsAll(names))) {
      return;
    }
    List<String> others = names.stream().filter(n -> !REPORT_ENTRIES.contains(n)).toList();
    throw new InvalidInputException(
        MonitoringErrors.reportDirNotReplaceable(
            target,
            others.isEmpty()
                ? "has no index.html, so it is not a report"
                : "holds "
                    + others.stream().limit(5).map(n -> "'" + n + "'").toList()
                    + (others.size() > 5 ? " and " + (others.size() - 5) + " more" : "")
                    + ", which a report does not"));
  }

  private static void replace(Path staging, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-old-");
      Files.delete(old);
      move(target, old);
    }
    try {
      move(staging, target);
    } catch (IOException e) {
      if (old != null) {
        try {
          move(old, target);
        } catch (IOException restore) {
          e.addSuppressed(restore);
        }
      }
      throw e;
    }
    if (old != null) {
      deleteQuietly(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary folder is harmless; the report itself is in place
    }
  }

  private static String render(MonitoringReport report, Path staging) throws IOException {
    Map<CircuitRef, CircuitPerformance> performance = new TreeMap<>();
    report.performance().forEach(p -> performance.put(p.circuit(), p));
    Map<CircuitRef, CircuitDrift> drift = new TreeMap<>();
    report.drift().forEach(d -> drift.put(d.circuit(), d));
    List<CircuitRef> circuits = new ArrayList<>(performance.keySet());
    drift.keySet().stream().filter(c -> !performance.containsKey(c)).forEach(circuits::add);
    circuits.sort(null);

    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(escape(report.title()))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style></head>\n<body data-status=\"")
        .append(report.worstStatus())
        .append("\">\n<h1>")
        .append(escape(report.title()))
        .append("</h1>\n<p>Generated ")
        .append(report.generatedAt())
        .append(" · ")
        .append(circuits.size())
        .append(" circuit(s) · worst status <b>")
        .append(report.worstStatus())
        .append("</b>. Click a column heading to sort.</p>\n");
    html.append("<table class=\"sortable\" id=\"circuits\"><thead><tr>");
    for (String heading :
        List.of(
            "plant",
            "circuit",
            "status",
            "MAE",
            "RMSE",
            "MAPE",
            "sMAPE",
            "R²",
            "bias",
            "rows",
            "unmatched",
            "drift",
            "max PSI",
            "max KS",
            "retrain")) {
      html.append("<th>").append(escape(heading)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (CircuitRef circuit : circuits) {
      CircuitPerformance p = performance.get(circuit);
      CircuitDrift d = drift.get(circuit);
      Status status = p == null ? Status.OK : p.status();
      if (d != null) {
        status = status.worst(d.status());
      }
      ForecastMetrics m = p == null ? null : p.overall();
      html.append("<tr class=\"circuit ").append(status).append("\">");
      text(html, circuit.plant().value(), "");
      html.append("<td class=\"text\" data-value=\"")
          .append(escape(circuit.circuit().value()))
          .append("\"><a href=\"#")
          .append(anchor(circuit))
          .append("\">")
          .append(escape(circuit.circuit().value()))
          .append("</a></td>");
      text(html, status.name(), "status", status.ordinal());
      number(html, m == null ? Double.NaN : m.mae());
      number(html, m == null ? Double.NaN : m.rmse());
      number(html, m == null ? Double.NaN : m.mape());
      number(html, m == null ? Double.NaN : m.smape());
      number(html, m == null ? Double.NaN : m.r2());
      number(html, m == null ? Double.NaN : m.bias());
      count(html, m == null ? -1 : m.rows());
      count(html, p == null ? -1 : p.unmatched());
      DriftSeverity severity = d == null ? null : d.severity();
      text(
          html,
          severity == null ? "" : severity.name(),
          "",
          severity == null ? -1 : severity.ordinal());
      number(
          html,
          d == null
              ? Double.NaN
              : d.features().stream()
                  .mapToDouble(f -> f.statistics().psi())
                  .max()
                  .orElse(Double.NaN));
      number(
          html,
          d == null
              ? Double.NaN
              : d.features().stream()
                  .mapToDouble(f -> f.statistics().ksStatistic())
                  .max()
                  .orElse(Double.NaN));
      boolean retrain = report.patches().stream().anyMatch(x -> patches(x, circuit));
      text(html, retrain ? "yes" : "", "");
      html.append("</tr>\n");
    }
    html.append("</tbody></table>\n");

    for (CircuitRef circuit : circuits) {
      html.append("<section id=\"")
          .append(anchor(circuit))
          .append("\"><h2>")
          .append(escape(circuit.toString()))
          .append("</h2>\n");
      CircuitPerformance p = performance.get(circuit);
      if (p != null) {
        html.append("<p>Performance ")
            .append(p.from())
            .append("..")
            .append(p.to())
            .append(": <b>")
            .append(p.status())
            .append("</b>");
        for (ThresholdBreach breach : p.breaches()) {
          html.append("<br>").append(escape(breach.status() + ": " + breach.describe()));
        }
        html.append("</p>\n");
        html.append(
            "<table><thead><tr><th>horizon step</th><th>rows</th><th>MAE</th><th>RMSE</th>"
                + "<th>MAPE</th><th>zero actuals</th><th>sMAPE</th><th>R²</th><th>bias</th></tr></thead><tbody>\n");
        row(html, "all", p.overall());
        p.byHorizonStep().forEach((step, metrics) -> row(html, String.valueOf(step), metrics));
        html.append("</tbody></table>\n");
        String png = plots(circuit) + "/forecast.png";
        Files.createDirectories(staging.resolve(plots(circuit)));
        Files.write(
            staging.resolve(png),
            ReportCharts.forecast(circuit + " forecast vs actual", p.joined()));
        html.append("<img src=\"")
            .append(png)
            .append("\" alt=\"forecast vs actual of ")
            .append(escape(circuit.toString()))
            .append("\" width=\"900\" height=\"320\">\n");
      }
      CircuitDrift d = drift.get(circuit);
      if (d != null) {
        html.append("<p>Drift ")
            .append(d.from())
            .append("..")
            .append(d.to())
            .append(" (readings up to ")
            .append(d.lastReading())
            .append(") against training data up to ")
            .append(d.baselineCutoff())
            .append(": <b>")
            .append(d.severity())
            .append("</b> (magnitude = PSI)</p>\n");
        html.append(
            "<table><thead><tr><th>feature</th><th>severity</th><th>PSI</th><th>KS</th>"
                + "<th>KS p-value</th><th>Wasserstein-1</th><th>Jensen–Shannon</th><th>baseline rows</th>"
                + "<th>current rows</th></tr></thead><tbody>\n");
        for (FeatureDrift f : d.features()) {
          html.append("<tr>");
          text(html, f.feature(), "");
          text(html, f.severity().name(), "", f.severity().ordinal());
          number(html, f.statistics().psi());
          number(html, f.statistics().ksStatistic());
          number(html, f.statistics().ksPValue());
          number(html, f.statistics().wasserstein1());
          number(html, f.statistics().jensenShannon());
          count(html, f.statistics().baselineRows());
          count(html, f.statistics().currentRows());
          html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
        Files.createDirectories(staging.resolve(plots(circuit)));
        for (int i = 0; i < d.features().size(); i++) {
          FeatureDrift f = d.features().get(i);
          String png = plots(circuit) + "/" + driftPlot(i, f.feature());
          Files.write(
              staging.resolve(png),
              ReportCharts.histogram(f.feature() + " (" + f.severity() + ")", f.statistics()));
          html.append("<img src=\"")
              .append(escape(png))
              .append("\" alt=\"drift of ")
              .append(escape(f.feature()))
              .append("\" width=\"420\" height=\"280\">\n");
        }
      }
      for (RetrainingPatch patch : report.patches()) {
        if (patches(patch, circuit)) {
          html.append("<p>Retraining proposed: ")
              .append(escape(patch.reason()))
              .append("</p><pre>")
              .append(escape(patch.diff()))
              .append("</pre>\n");
        }
      }
      html.append("</section>\n");
    }
    html.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return html.toString();
  }

  private static void row(StringBuilder html, String step, ForecastMetrics m) {
    html.append("<tr>");
    text(html, step, "");
    count(html, m.rows());
    number(html, m.mae());
    number(html, m.rmse());
    number(html, m.mape());
    count(html, m.zeroActualsSkipped());
    number(html, m.smape());
    number(html, m.r2());
    number(html, m.bias());
    html.append("</tr>\n");
  }

  /** The HTML id of a circuit's section; '.' is not allowed in ids, so no two circuits share it. */
  private static String anchor(CircuitRef circuit) {
    return circuit.plant().value() + "." + circuit.circuit().value();
  }

  /**
   * The folder of a circuit's plots, relative to the report: {@code plots/{plant}/{circuit}}. Ids
   * are validated (letters, digits, '-', '_'), so the path stays inside the report and differs for
   * every circuit.
   */
  private static String plots(CircuitRef circuit) {
    return "plots/" + circuit.plant().value() + "/" + circuit.circuit().value();
  }

  /**
   * The file name of a feature's drift plot: its position (unique) and its name with anything but
   * letters, digits, '-' and '_' replaced, since feature names come from config and may hold
   * characters that are not safe in a path.
   */
  static String driftPlot(int index, String feature) {
    String safe = feature.replaceAll("[^A-Za-z0-9_-]", "_");
    if (safe.length() > 40) {
      safe = safe.substring(0, 40);
    }
    return "drift-" + (index + 1) + "-" + safe + ".png";
  }

  private static boolean patches(RetrainingPatch patch, CircuitRef circuit) {
    return patch.circuit().equals(circuit);
  }

  private static void text(StringBuilder html, String value, String cssClass) {
    html.append("<td class=\"text ")
        .append(cssClass)
        .append("\" data-value=\"")
        .append(escape(value))
        .append("\">")
        .append(escape(value))
        .append("</td>");
  }

  private static void text(StringBuilder html, String value, String cssClass, int sortValue) {
    html.append("<td class=\"text ")
        .append(cssClass)
        .append("\" data-value=\"")
        .append(sortValue)
        .append("\">")
        .append(escape(value))
        .append("</td>");
  }

  private static void number(StringBuilder html, double value) {
    String shown = Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4g", value);
    html.append("<td data-value=\"")
        .append(Double.isNaN(value) ? "" : Double.toString(value))
        .append("\">")
        .append(shown)
        .append("</td>");
  }

  private static void count(StringBuilder html, int value) {
    html.append("<td data-value=\"")
        .append(value < 0 ? "" : value)
        .append("\">")
        .append(value < 0 ? "" : value)
        .append("</td>");
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
