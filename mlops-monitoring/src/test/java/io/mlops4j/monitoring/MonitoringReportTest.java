package io.mlops4j.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    try (Stream<Path> plots = Files.walk(dir.resolve("report/plots"))) {
      assertThat(
              plots
                  .filter(Files::isRegularFile)
                  .map(p -> dir.resolve("report").relativize(p).toString().replace('\\', '/')))
          .containsExactlyInAnyOrder(
              "plots/P001/C001/forecast.png",
              "plots/P001/C002/forecast.png",
              "plots/P001/C001/drift-1-temperature.png",
              "plots/P001/C001/drift-2-pressure.png",
              "plots/P001/C001/drift-3-vibration.png",
              "plots/P001/C002/drift-1-temperature.png",
              "plots/P001/C002/drift-2-pressure.png",
              "plots/P001/C002/drift-3-vibration.png");
    }
    assertThat(html).contains("<img src=\"plots/P001/C002/forecast.png\"");
    byte[] png = Files.readAllBytes(dir.resolve("report/plots/P001/C002/forecast.png"));
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void circuitsWhoseJoinedIdsLookAlikeAndUnsafeFeatureNamesGetTheirOwnPlots(@TempDir Path dir)
      throws IOException {
    MonitoringReport base = ReportFixtures.twoCircuits();
    CircuitDrift d = base.drift().get(1);
    List<FeatureDrift> renamed =
        List.of(
            new FeatureDrift("../../escaped", d.features().get(0).statistics(), DriftSeverity.LOW),
            new FeatureDrift("a/b", d.features().get(1).statistics(), DriftSeverity.LOW));
    CircuitDrift first =
        new CircuitDrift(
            CircuitRef.parse("P_1/C"),
            d.baselineCutoff(),
            d.from(),
            d.to(),
            renamed,
            DriftSeverity.LOW,
            d.lastReading());
    CircuitDrift second =
        new CircuitDrift(
            CircuitRef.parse("P/1_C"),
            d.baselineCutoff(),
            d.from(),
            d.to(),
            renamed,
            DriftSeverity.LOW,
            d.lastReading());
    MonitoringReport report =
        new MonitoringReport(
            "look-alike ids", base.generatedAt(), List.of(), List.of(first, second), List.of());

    report.write(dir.resolve("out/report"));

    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(
              files
                  .filter(Files::isRegularFile)
                  .map(p -> dir.relativize(p).toString().replace('\\', '/')))
          .containsExactlyInAnyOrder(
              "out/report/index.html",
              "out/report/plots/P_1/C/drift-1-______escaped.png",
              "out/report/plots/P_1/C/drift-2-a_b.png",
              "out/report/plots/P/1_C/drift-1-______escaped.png",
              "out/report/plots/P/1_C/drift-2-a_b.png");
    }
    assertThat(Files.readString(dir.resolve("out/report/index.html")))
        .contains("<section id=\"P_1.C\">", "<section id=\"P.1_C\">");
  }

  @Test
  void refusesToReplaceAFolderThatIsNotAReportAndWritesNothing(@TempDir Path dir)
      throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");
    Files.createDirectories(dir.resolve("plots"));

    assertThatThrownBy(() -> ReportFixtures.twoCircuits().write(dir))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "report folder '"
                + dir.toAbsolutePath().normalize()
                + "' holds ['notes.txt'], which a report does not; writing a report replaces the"
                + " whole folder, so expected a new or empty folder, or one holding only a previous"
                + " report (index.html, plots/, patches/)");
    Path file = dir.resolve("report.html");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> ReportFixtures.twoCircuits().write(file))
        .hasMessageContaining("exists and is not a folder");

    assertThat(Files.readString(notes)).isEqualTo("mine");
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("notes.txt", "plots", "report.html");
    }
    try (Stream<Path> entries = Files.list(dir.getParent())) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("." + dir.getFileName()));
    }
  }

  @Test
  void rewritingReplacesTheFolderAndLeavesNoTemporaryFolders(@TempDir Path dir) throws IOException {
    MonitoringReport report = ReportFixtures.twoCircuits();
    Path target = dir.resolve("report");
    report.write(target);
    Path stale = target.resolve("plots/P009/C009/forecast.png");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "from an older run");

    report.write(target);

    assertThat(stale).doesNotExist();
    assertThat(target.resolve("index.html")).exists();
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries).containsExactly(target);
    }
  }
}
