package io.mlops4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.MlTableTransformation.Filter;
import io.mlops4j.data.MlTableTransformation.KeepColumns;
import io.mlops4j.data.MlTableTransformation.ReadDeltaLake;
import io.mlops4j.data.MlTableTransformation.Take;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MlTableEvaluationTest {
  private static final String FILTER =
      "col(\"sensor_id\") == \"SENSOR_P001_C001\" and col(\"date\") <= \"2025-12-09\"";
  private static final MlTablePath FOLDER = MlTablePath.folder("./sensor_readings");

  @Test
  void readsTheSliceTheTrainingMlTableSelects() {
    MlTable table = MlTables.forTraining(TestCircuits.p001c001(), TestCircuits.DELTA_FOLDER, 812);
    List<TrainingSlice> calls = new ArrayList<>();
    SensorRows rows =
        emptyRows("SENSOR_P001_C001", List.of("temperature", "pressure", "flow_rate"));

    SensorRows result =
        table.evaluate(
            slice -> {
              calls.add(slice);
              return rows;
            });

    assertThat(result).isSameAs(rows);
    assertThat(calls)
        .containsExactly(
            new TrainingSlice(
                TestCircuits.DELTA_FOLDER,
                812,
                "SENSOR_P001_C001",
                LocalDate.of(2025, 12, 9),
                List.of("temperature", "pressure", "flow_rate")));
  }

  @Test
  void evaluatesTheFileRegisteredInAzureAgainstSyntheticSensors() {
    LocalDate start = LocalDate.of(2025, 12, 1);
    SyntheticSensors sensors =
        new SyntheticSensors(
            SyntheticSensorSpec.defaults(1, 2, 15, start)
                .withFeatureColumns(List.of("temperature", "pressure", "flow_rate")));
    String yaml =
        MlTables.forTraining(TestCircuits.p001c001(), TestCircuits.DELTA_FOLDER, 3).toYaml();
    SliceSource source =
        slice -> {
          CircuitRef circuit = CircuitRef.parse("P001/C001");
          assertThat(slice.sensorId()).isEqualTo(SyntheticSensors.sensorId(circuit));
          List<SensorRows> days =
              IntStream.range(0, (int) (slice.lastDate().toEpochDay() - start.toEpochDay() + 1))
                  .mapToObj(d -> sensors.getDay(circuit, start.plusDays(d)))
                  .toList();
          return concat(days);
        };

    SensorRows rows = MlTables.parse("MLTable", yaml).evaluate(source);

    assertThat(rows.sensorId()).isEqualTo("SENSOR_P001_C001");
    assertThat(rows.date(0)).isEqualTo(start);
    assertThat(rows.date(rows.size() - 1)).isEqualTo(LocalDate.of(2025, 12, 9));
  }

  @Test
  void withoutKeepColumnsTheSliceAsksForEveryFeatureColumn() {
    MlTable table =
        new MlTable(
            "",
            List.of(FOLDER),
            List.of(
                ReadDeltaLake.versionAsOf(0),
                new Filter(
                    "col('date') <= '2025-01-31' and col('sensor_id') == 'SENSOR_P002_C001'")));

    assertThat(table.trainingSlice())
        .isEqualTo(
            new TrainingSlice(
                "./sensor_readings", 0, "SENSOR_P002_C001", LocalDate.of(2025, 1, 31), List.of()));
  }

  @Test
  void rejectsMlTablesOfAnyOtherFormSayingWhatIsSupported() {
    ReadDeltaLake read = ReadDeltaLake.versionAsOf(4);
    Filter filter = new Filter(FILTER);
    KeepColumns keep = new KeepColumns(List.of("timestamp", "sensor_id", "date", "temperature"));

    assertNotEvaluable(
        new MlTable("", List.of(FOLDER, FOLDER), List.of(read, filter)),
        "it lists 2 paths; expected one folder");
    assertNotEvaluable(
        new MlTable("", List.of(MlTablePath.file("./a.parquet")), List.of(read, filter)),
        "its path is a file: path; expected the Delta table's folder:");
    assertNotEvaluable(
        new MlTable(
            "",
            List.of(FOLDER),
            List.of(
                new ReadDeltaLake(new DeltaAsOf.Timestamp("2025-12-10T00:00:00Z"), false), filter)),
        "read_delta_lake is pinned with timestamp_as_of; local evaluation needs version_as_of");
    assertNotEvaluable(
        new MlTable(
            "",
            List.of(FOLDER),
            List.of(new ReadDeltaLake(new DeltaAsOf.Version(4), true), filter)),
        "read_delta_lake sets include_path_column: true, which is not supported");
    assertNotEvaluable(
        new MlTable("", List.of(FOLDER), List.of(filter, read)),
        "its first step is filter; expected read_delta_lake");
    assertNotEvaluable(
        new MlTable("", List.of(FOLDER), List.of(read)),
        "it has no filter, so it would read every sensor");
    assertNotEvaluable(
        new MlTable("", List.of(FOLDER), List.of(read, filter, new Take(10))),
        "step take is not supported after read_delta_lake");
    assertNotEvaluable(
        new MlTable("", List.of(FOLDER), List.of(read, filter, filter)),
        "it has more than one filter");
    assertNotEvaluable(
        new MlTable(
            "",
            List.of(FOLDER),
            List.of(read, filter, new KeepColumns(List.of("sensor_id", "date", "temperature")))),
        "keep_columns [sensor_id, date, temperature] must keep the key columns [timestamp,"
            + " sensor_id, date]");
    assertThat(new MlTable("", List.of(FOLDER), List.of(read, keep, filter)).trainingSlice())
        .extracting(TrainingSlice::featureColumns)
        .isEqualTo(List.of("temperature"));
  }

  @Test
  void rejectsAFilterOfAnotherShape() {
    MlTable table =
        new MlTable(
            "",
            List.of(FOLDER),
            List.of(
                ReadDeltaLake.versionAsOf(1),
                new Filter("col(\"sensor_id\") == \"S1\" or col(\"date\") <= \"2025-12-09\"")));

    assertThatThrownBy(() -> table.evaluate(slice -> null))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("'or' at character 26 is not supported");
  }

  @Test
  void wrapsReadFailuresWithTheTableAndVersion() {
    MlTable table = MlTables.forTraining(TestCircuits.p001c001(), TestCircuits.DELTA_FOLDER, 812);
    IOException failure = new IOException("connection reset");

    assertThatThrownBy(
            () ->
                table.evaluate(
                    slice -> {
                      throw failure;
                    }))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "Failed to read sensor table '"
                + TestCircuits.DELTA_FOLDER
                + "' at version 812 while trying to evaluate the MLTable for sensor"
                + " SENSOR_P001_C001 up to 2025-12-09")
        .hasCause(failure);
  }

  @Test
  void catchesASourceThatReturnsRowsOutsideTheSlice() {
    MlTable table = MlTables.forTraining(TestCircuits.p001c001(), TestCircuits.DELTA_FOLDER, 812);

    assertThatThrownBy(
            () -> table.evaluate(slice -> emptyRows("SENSOR_P001_C002", slice.featureColumns())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rows of sensor SENSOR_P001_C002");
    assertThatThrownBy(
            () ->
                table.evaluate(
                    slice ->
                        new SensorRows(
                            slice.sensorId(),
                            new long[] {0},
                            new int[] {(int) LocalDate.of(2025, 12, 10).toEpochDay()},
                            slice.featureColumns(),
                            new double[][] {{1}, {2}, {3}})))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a row dated 2025-12-10 for a slice ending 2025-12-09");
  }

  private static void assertNotEvaluable(MlTable table, String detail) {
    assertThatThrownBy(table::trainingSlice)
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "MLTable cannot be evaluated locally: "
                + detail
                + ". mlops4j evaluates MLTables with one folder: path, read_delta_lake with"
                + " version_as_of as the first step, then one filter 'col(\"sensor_id\") =="
                + " \"<sensor id>\" and col(\"date\") <= \"<yyyy-mm-dd>\"' and optionally"
                + " keep_columns with timestamp, sensor_id, date and feature columns, as"
                + " MlTables.forTraining writes them");
  }

  private static SensorRows emptyRows(String sensorId, List<String> columns) {
    return new SensorRows(
        sensorId, new long[0], new int[0], columns, new double[columns.size()][0]);
  }

  private static SensorRows concat(List<SensorRows> days) {
    int rows = days.stream().mapToInt(SensorRows::size).sum();
    SensorRows first = days.get(0);
    long[] timestamps = new long[rows];
    int[] epochDays = new int[rows];
    double[][] features = new double[first.featureColumns().size()][rows];
    int at = 0;
    for (SensorRows day : days) {
      System.arraycopy(day.timestampMicros(), 0, timestamps, at, day.size());
      System.arraycopy(day.epochDays(), 0, epochDays, at, day.size());
      for (int c = 0; c < features.length; c++) {
        System.arraycopy(day.features()[c], 0, features[c], at, day.size());
      }
      at += day.size();
    }
    return new SensorRows(
        first.sensorId(), timestamps, epochDays, first.featureColumns(), features);
  }
}
