package io.mlops4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaSliceSourceIT {
  @TempDir Path dir;

  /** SENSOR_P001_C001 from 2025-12-05 to 2025-12-12 (past the example's 2025-12-09 cutoff). */
  private SensorTable tableFor(CircuitConfig config) {
    SyntheticSensors gen =
        new SyntheticSensors(
            SyntheticSensorSpec.defaults(1, 1, 8, LocalDate.of(2025, 12, 5))
                .withFeatureColumns(config.training().dataFilters().featureColumns()));
    SensorTable table =
        SensorTable.create(dir.resolve("sensor_readings"), gen.spec().featureColumns());
    List<SensorRows> days = gen.streamDays().collect(Collectors.toList());
    table.upsert(days.subList(0, 4));
    table.upsert(days.subList(4, days.size()));
    return table;
  }

  @Test
  void evaluatesParsedTrainingMlTableAgainstTheDeltaTableAtItsPinnedVersion() throws Exception {
    CircuitConfig config = TestCircuits.p001c001();
    assertThat(config.training().dataFilters().sensorId()).isEqualTo("SENSOR_P001_C001");
    SensorTable table = tableFor(config);
    long version = table.version();
    List<String> columns = config.training().dataFilters().featureColumns();
    SensorSlice expected =
        table.trainingSlice("SENSOR_P001_C001", config.training().cutoffDate(), columns);

    MlTable written =
        MlTables.forTraining(config, dir.resolve("sensor_readings").toUri().toString(), version);
    Path mlTableDir = Files.createDirectories(dir.resolve("asset"));
    Files.writeString(mlTableDir.resolve(MlTables.FILE_NAME), written.toYaml());
    MlTable parsed = MlTables.load(mlTableDir);
    assertThat(parsed).isEqualTo(written);

    // a later upsert rewriting a day inside the slice must not change what the pinned file reads
    SyntheticSensors other =
        new SyntheticSensors(
            SyntheticSensorSpec.defaults(1, 1, 1, LocalDate.of(2025, 12, 6))
                .withFeatureColumns(columns)
                .withSeed(7));
    table.upsert(List.of(other.getDay(CircuitRef.parse("P001/C001"), LocalDate.of(2025, 12, 6))));

    SensorRows rows = parsed.evaluate(DeltaSliceSource.relativeTo(mlTableDir));

    assertThat(rows.sensorId()).isEqualTo("SENSOR_P001_C001");
    assertThat(rows.featureColumns()).isEqualTo(columns);
    assertThat(rows.size()).isEqualTo(expected.rows().size()).isEqualTo(5 * 24);
    assertThat(rows.timestampMicros()).isEqualTo(expected.rows().timestampMicros());
    assertThat(rows.epochDays()).isEqualTo(expected.rows().epochDays());
    assertThat(rows.features()).isDeepEqualTo(expected.rows().features());
    assertThat(SensorTable.fingerprint(new SensorSlice(rows, version, expected.stats(), 0)))
        .isEqualTo(SensorTable.fingerprint(expected));
    assertThat(rows.date(rows.size() - 1)).isEqualTo(LocalDate.of(2025, 12, 9));
  }

  @Test
  void resolvesRelativeFoldersAgainstTheMlTableDirectory() {
    CircuitConfig config = TestCircuits.p001c001();
    SensorTable table = tableFor(config);
    MlTable mlTable = MlTables.forTraining(config, "../sensor_readings", table.version());

    SensorRows rows = mlTable.evaluate(DeltaSliceSource.relativeTo(dir.resolve("asset")));

    assertThat(rows.size()).isEqualTo(5 * 24);
  }

  @Test
  void rejectsRemoteFoldersSayingOnlyLocalFoldersAreEvaluated() {
    MlTable mlTable = MlTables.forTraining(TestCircuits.p001c001(), TestCircuits.DELTA_FOLDER, 3);

    assertThatThrownBy(() -> mlTable.evaluate(DeltaSliceSource.relativeTo(dir)))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining(TestCircuits.DELTA_FOLDER)
        .hasMessageContaining("only local folders");
  }

  @Test
  void missingTableIsDataNotFound() {
    MlTable mlTable = MlTables.forTraining(TestCircuits.p001c001(), "nowhere", 0);

    assertThatThrownBy(() -> mlTable.evaluate(DeltaSliceSource.relativeTo(dir)))
        .isInstanceOf(DataNotFoundException.class);
  }

  @Test
  void summaryCountsRowsAndDatesPerSensorInOnePass() {
    SensorTable table = tableFor(TestCircuits.p001c001());

    TableSummary summary = table.summary(TableVersion.LATEST);

    assertThat(summary.version()).isEqualTo(2);
    assertThat(summary.featureColumns()).containsExactly("temperature", "pressure", "flow_rate");
    assertThat(summary.files()).isPositive();
    assertThat(summary.sensors())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.sensorId()).isEqualTo("SENSOR_P001_C001");
              assertThat(s.firstDate()).isEqualTo(LocalDate.of(2025, 12, 5));
              assertThat(s.lastDate()).isEqualTo(LocalDate.of(2025, 12, 12));
            });
    assertThat(summary.rows()).isEqualTo(summary.sensors().get(0).rows());
    assertThat(table.summary(TableVersion.of(1)).sensors().get(0).lastDate())
        .isEqualTo(LocalDate.of(2025, 12, 8));
  }
}
