package io.mlops4j.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitoringReportTest {
  @Test
  void writesOneRowPerCircuitWithStatusAndOnePngPerPlot(@TempDir Path dir) throws IOException {
    MonitoringReport report = ReportFixtures.twoCircuits();

    Path index = report.write(dir.resolve("report"));

    String html = Files.readString(index);
    assertThat(report.worstStatus()).isEqualTo(Status.CRITICAL);
    assertThat(html)
        .contains("<tr class=\"circuit OK\">")
        .contains("<tr class=\"circuit CRITICAL\">");
    assertThat(html).contains("monitoring.performance_thresholds.mae.critical");
    try (Stream<Path> plots = Files.list(dir.resolve("report/plots"))) {
      assertThat(plots.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "P001_C001_forecast.png",
              "P001_C002_forecast.png",
              "P001_C001_drift_temperature.png",
              "P001_C001_drift_pressure.png",
              "P001_C001_drift_vibration.png",
              "P001_C002_drift_temperature.png",
              "P001_C002_drift_pressure.png",
              "P001_C002_drift_vibration.png");
    }
    byte[] png = Files.readAllBytes(dir.resolve("report/plots/P001_C002_forecast.png"));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void rewritingReplacesTheFolderAndLeavesNoTemporaryFolders(@TempDir Path dir) throws IOException {
    MonitoringReport report = ReportFixtures.twoCircuits();
    Path target = dir.resolve("report");
    report.write(target);
    Files.writeString(target.resolve("stale.txt"), "from an older run");

    report.write(target);

    assertThat(target.resolve("stale.txt")).doesNotExist();
    assertThat(target.resolve("index.html")).exists();
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries).containsExactly(target);
    }
  }
}
