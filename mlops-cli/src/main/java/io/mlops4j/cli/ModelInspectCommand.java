package io.mlops4j.cli;

import io.mlops4j.model.ForecastMetrics;
import io.mlops4j.model.Forecaster;
import io.mlops4j.model.ModelMetadata;
import io.mlops4j.model.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops model inspect}: a model directory's metadata and validation metrics. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Print a model directory's metadata and validation metrics, after loading its SavedModel and"
          + " checking the graph against the metadata."
    })
final class ModelInspectCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "The model directory.")
  Path dir;

  @Override
  public Integer call() {
    ModelMetadata m;
    try (Forecaster forecaster = Forecaster.load(dir)) {
      m = forecaster.metadata();
    }
    PrintWriter out = spec.commandLine().getOut();
    printSummary(out, m);
    out.flush();
    return ExitCodes.OK;
  }

  static void printSummary(PrintWriter out, ModelMetadata m) {
    out.printf("circuit              %s%n", m.circuit());
    out.printf("created_at           %s%n", m.createdAt());
    StringBuilder hp = new StringBuilder();
    for (Map.Entry<String, Object> e : m.hyperparameters().toConfigMap().entrySet()) {
      hp.append(hp.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
    }
    out.printf("hyperparameters      %s%n", hp);
    out.printf("hyperparameters_hash %s%n", m.hyperparametersHash());
    out.printf("features             %s -> %s%n", m.featureColumns(), m.targetColumn());
    out.printf("frequency            %s%n", m.frequency());
    out.printf(
        "windows              %d built, %d skipped (gaps), %d train, %d validation%n",
        m.windows().built(), m.windows().skipped(), m.windows().train(), m.windows().validation());
    out.printf(
        "lineage              table %s, delta version %d, cutoff %s, fingerprint %s%n",
        m.lineage().table().isEmpty() ? "-" : m.lineage().table(),
        m.lineage().deltaVersion(),
        m.lineage().cutoffDate().isEmpty() ? "-" : m.lineage().cutoffDate(),
        m.lineage().sliceFingerprint().isEmpty() ? "-" : m.lineage().sliceFingerprint());
    out.printf(
        "versions             mlops-model %s, tensorflow %s%n",
        m.libraryVersion(), m.tensorflowVersion());
    ValidationReport v = m.validation();
    out.printf("epochs               best %d of %d run%n", v.bestEpoch(), v.epochsRun());
    out.println();
    Table table = new Table("forecaster", "MAE", "RMSE", "MAPE", "MAE vs model");
    row(table, "model", v.model(), v.model());
    row(table, "last value", v.lastValue(), v.model());
    row(
        table,
        v.seasonalPeriod() > 0
            ? "seasonal naive (" + v.seasonalPeriod() + " steps)"
            : "seasonal naive (n/a)",
        v.seasonalNaive(),
        v.model());
    table.print(out);
  }

  private static void row(Table table, String name, ForecastMetrics m, ForecastMetrics model) {
    double improvement = model.maeImprovementOver(m);
    table.row(
        name,
        format(m.mae()),
        format(m.rmse()),
        Double.isFinite(m.mape()) ? String.format(Locale.ROOT, "%.2f %%", 100 * m.mape()) : "-",
        m == model || !Double.isFinite(improvement)
            ? "-"
            : String.format(Locale.ROOT, "model %.0f %% lower", 100 * improvement));
  }

  private static String format(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-";
  }
}
