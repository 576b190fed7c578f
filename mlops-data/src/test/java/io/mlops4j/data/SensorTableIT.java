package io.mlops4j.data;

import static io.mlops4j.data.TestRows.COLS;
import static io.mlops4j.data.TestRows.D0;
import static io.mlops4j.data.TestRows.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops4j.config.InvalidIdException;
import io.mlops4j.config.MlopsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorTableIT {
  @TempDir Path dir;

  /** Sensors a, b, c; one commit per day (versions 1..days), each one file holding all three. */
  private SensorTable tableWithDays(String name, int days) {
    SensorTable t = SensorTable.create(dir.resolve(name), COLS);
    for (int d = 0; d < days; d++) {
      List<SensorRows> batch = new ArrayList<>();
      for (String s : List.of("a", "b", "c")) {
        batch.add(day(s, D0.plusDays(d)));
      }
      t.upsert(batch);
    }
    return t;
  }

  @Test
  void trainingSliceReturnsSensorRowsUpToCutoffInTimestampOrderWithVersion() {
    SensorTable t = tableWithDays("t", 5);
    SensorSlice slice = t.trainingSlice("b", D0.plusDays(2), List.of("pressure"));

    assertThat(slice.version()).isEqualTo(5);
    assertThat(slice.rows().size()).isEqualTo(3 * 24);
    assertThat(slice.rows().sensorId()).isEqualTo("b");
    assertThat(slice.rows().featureColumns()).containsExactly("pressure");
    long[] ts = slice.rows().timestampMicros();
    for (int i = 1; i < ts.length; i++) {
      assertThat(ts[i]).isGreaterThan(ts[i - 1]);
    }
    assertThat(slice.rows().date(ts.length - 1)).isEqualTo(D0.plusDays(2));
    assertThat(slice.rows().feature("pressure")[0]).isEqualTo(day("b", D0).feature("pressure")[0]);
    assertThat(slice.droppedRows()).isZero();
  }

  @Test
  void oneSensorSliceSkipsFilesByStatistics() {
    SensorTable t = SensorTable.create(dir.resolve("skip"), COLS);
    // one file per sensor group: 25 sensors in one commit gives files of 20 and 5 sensors
    for (int d = 0; d < 3; d++) {
      List<SensorRows> batch = new ArrayList<>();
      for (int s = 0; s < 25; s++) {
        batch.add(day(String.format("s%02d", s), D0.plusDays(d)));
      }
      t.upsert(batch);
    }
    SensorSlice slice = t.trainingSlice("s22", D0.plusDays(1), COLS);

    assertThat(slice.rows().size()).isEqualTo(48);
    assertThat(slice.stats().filesTotal()).isEqualTo(6);
    assertThat(slice.stats().filesRead()).isEqualTo(2);
    assertThat(slice.stats().filesSkipped()).isEqualTo(4);
  }

  @Test
  void trainingSlicesReadSeveralSensorsUpToCutoffInOnePass() {
    SensorTable t = tableWithDays("slices", 5);

    Map<String, SensorSlice> slices =
        t.trainingSlices(
            Set.of("a", "c", "missing"),
            D0.plusDays(2),
            List.of("pressure"),
            ReadOptions.defaults());

    assertThat(slices).containsOnlyKeys("a", "c");
    SensorSlice one = t.trainingSlice("c", D0.plusDays(2), List.of("pressure"));
    assertThat(slices.get("c").rows().timestampMicros()).isEqualTo(one.rows().timestampMicros());
    assertThat(slices.get("c").rows().feature("pressure"))
        .isEqualTo(one.rows().feature("pressure"));
    assertThat(slices.get("a").rows().date(slices.get("a").rows().size() - 1))
        .isEqualTo(D0.plusDays(2));
    assertThat(slices.get("a").stats()).isEqualTo(slices.get("c").stats());
  }

  @Test
  void latestDaysReadsEverySensorsLatestDateInOnePass() {
    SensorTable t = tableWithDays("latest", 5);
    t.upsert(List.of(day("c", D0.plusDays(5)))); // c is one day ahead

    Map<String, SensorSlice> latest =
        t.latestDays(Set.of("a", "b", "c"), COLS, ReadOptions.defaults());

    assertThat(latest).containsOnlyKeys("a", "b", "c");
    assertThat(latest.get("a").rows().date(0)).isEqualTo(D0.plusDays(4));
    assertThat(latest.get("c").rows().date(0)).isEqualTo(D0.plusDays(5));
    assertThat(latest.get("c").rows().size()).isEqualTo(24);
    // one scan for all three sensors: the newest files first, older ones skipped by their stats
    ScanStats stats = latest.get("a").stats();
    assertThat(stats.filesTotal()).isEqualTo(6);
    assertThat(stats.filesRead()).isEqualTo(2);
    assertThat(latest.get("b").stats()).isEqualTo(stats);

    SensorSlice one = t.latestDay("b", List.of("temperature"));
    assertThat(one.rows().size()).isEqualTo(24);
    assertThat(one.rows().date(23)).isEqualTo(D0.plusDays(4));
  }

  @Test
  void timeTravelByVersionAndTimestampReportsTheVersionRead() {
    SensorTable t = SensorTable.create(dir.resolve("tt"), COLS);
    t.upsert(List.of(day("a", D0)));
    t.upsert(List.of(day("a", D0.plusDays(1))));
    Instant afterTwo = Instant.now();
    t.upsert(List.of(day("a", D0.plusDays(2))));

    SensorSlice v1 =
        t.trainingSlice(
            "a", D0.plusDays(9), COLS, ReadOptions.defaults().withVersion(TableVersion.of(1)));
    SensorSlice asOf =
        t.trainingSlice(
            "a",
            D0.plusDays(9),
            COLS,
            ReadOptions.defaults().withVersion(TableVersion.asOf(afterTwo)));
    SensorSlice now =
        t.trainingSlice(
            "a",
            D0.plusDays(9),
            COLS,
            ReadOptions.defaults().withVersion(TableVersion.asOf(Instant.now().plusSeconds(60))));

    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.rows().size()).isEqualTo(24);
    assertThat(asOf.version()).isEqualTo(2);
    assertThat(asOf.rows().size()).isEqualTo(48);
    assertThat(now.version()).isEqualTo(3);
    assertThat(t.version()).isEqualTo(3);
  }

  @Test
  void rerunningAnUpsertBatchDoesNotDuplicateRows() {
    SensorTable t = tableWithDays("idem", 3);
    List<SensorRows> batch = List.of(day("a", D0.plusDays(1), COLS, 5), day("b", D0.plusDays(1)));

    UpsertResult first = t.upsert(batch);
    UpsertResult again = t.upsert(batch);

    assertThat(first.rowsReplaced()).isEqualTo(48);
    assertThat(again.rowsReplaced()).isEqualTo(48);
    assertThat(again.filesRewritten()).isZero();
    SensorSlice a = t.trainingSlice("a", D0.plusDays(2), COLS);
    assertThat(a.rows().size()).isEqualTo(72);
    assertThat(a.rows().feature("temperature")[24])
        .isEqualTo(day("a", D0.plusDays(1), COLS, 5).feature("temperature")[0]);
    assertThat(t.trainingSlice("c", D0.plusDays(2), COLS).rows().size()).isEqualTo(72);
  }

  @Test
  void fingerprintIsStableAcrossVersionsAndVerifyImmutableFindsTheFirstChangedDate() {
    SensorTable t = tableWithDays("fp", 4);
    SensorSlice trained = t.trainingSlice("a", D0.plusDays(2), COLS);
    String fp = SensorTable.fingerprint(trained);
    assertThat(fp).matches("sha256:[0-9a-f]{64}");

    t.upsert(List.of(day("a", D0.plusDays(3), COLS, 1), day("a", D0.plusDays(4))));
    assertThat(SensorTable.fingerprint(t.trainingSlice("a", D0.plusDays(2), COLS))).isEqualTo(fp);
    ImmutabilityCheck ok = t.verifyImmutable("a", D0.plusDays(2), COLS, fp, trained.version());
    assertThat(ok.unchanged()).isTrue();
    assertThat(ok.firstChangedDate()).isNull();

    t.upsert(List.of(day("a", D0.plusDays(1), COLS, 0.5), day("a", D0.plusDays(2), COLS, 0.5)));
    ImmutabilityCheck changed = t.verifyImmutable("a", D0.plusDays(2), COLS, fp, trained.version());
    assertThat(changed.unchanged()).isFalse();
    assertThat(changed.firstChangedDate()).isEqualTo(D0.plusDays(1));
    assertThat(changed.checkedVersion()).isEqualTo(t.version());

    assertThatThrownBy(() -> t.verifyImmutable("b", D0.plusDays(2), COLS, fp, trained.version()))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("does not match the slice at version " + trained.version());
  }

  @Test
  void nullFeaturesAreDroppedAndCountedOrFailNamingSensorTimeAndColumn() {
    SensorTable t = SensorTable.create(dir.resolve("nulls"), COLS);
    SensorRows r = day("a", D0);
    r.features()[1][3] = Double.NaN; // written as null
    t.upsert(List.of(r, day("b", D0, List.of("temperature"), 0))); // b: pressure all null

    SensorSlice a = t.trainingSlice("a", D0, COLS);
    assertThat(a.rows().size()).isEqualTo(23);
    assertThat(a.droppedRows()).isEqualTo(1);
    assertThat(t.trainingSlice("b", D0, List.of("temperature")).rows().size()).isEqualTo(24);
    assertThatThrownBy(
            () ->
                t.trainingSlice(
                    "a", D0, COLS, ReadOptions.defaults().withNullPolicy(NullPolicy.FAIL)))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("sensor 'a' has a null 'pressure' at 2024-01-01T03:00:00Z");
  }

  // ----------------------------------------------------------------- bad input

  @Test
  void missingDeltaLogIsDataNotFound() throws Exception {
    Files.createDirectories(dir.resolve("empty"));
    SensorTable t = SensorTable.open(dir.resolve("empty"));
    assertThatThrownBy(t::version)
        .isInstanceOf(DataNotFoundException.class)
        .hasMessageContaining("Delta table '" + dir.resolve("empty") + "' not found")
        .satisfies(e -> assertThat(((DataNotFoundException) e).getVersion()).isEmpty());
    assertThatThrownBy(() -> SensorTable.open(dir.resolve("nothing")).latestDay("a", COLS))
        .isInstanceOf(DataNotFoundException.class);
  }

  @Test
  void corruptLogIsAnErrorNamingTheTableWithTheCauseKept() throws Exception {
    SensorTable t = tableWithDays("corrupt", 2);
    Files.writeString(
        dir.resolve("corrupt/_delta_log/00000000000000000002.json"),
        "{\"add\": {\"path\": \"x.parquet\", garbage\n");

    assertThatThrownBy(() -> t.trainingSlice("a", D0.plusDays(5), COLS))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("Failed to read sensor table '" + dir.resolve("corrupt") + "'")
        .hasCauseInstanceOf(RuntimeException.class);
  }

  @Test
  void versionThatDoesNotExistSaysWhichIsLatest() {
    SensorTable t = tableWithDays("ver", 2);
    assertThatThrownBy(
            () ->
                t.trainingSlice(
                    "a", D0, COLS, ReadOptions.defaults().withVersion(TableVersion.of(812))))
        .isInstanceOf(DataNotFoundException.class)
        .hasMessage(
            "Delta table '"
                + dir.resolve("ver")
                + "' has no version 812; latest available version is 2");
    assertThatThrownBy(
            () ->
                t.trainingSlice(
                    "a",
                    D0,
                    COLS,
                    ReadOptions.defaults().withVersion(TableVersion.asOf(Instant.EPOCH))))
        .isInstanceOf(DataNotFoundException.class)
        .hasMessageContaining("has no version as of 1970-01-01T00:00:00Z");
  }

  @Test
  void unknownSensorListsTheSensorsPresent() {
    SensorTable t = tableWithDays("unknown", 2);
    assertThatThrownBy(() -> t.trainingSlice("S9", D0.plusDays(3), COLS))
        .isInstanceOf(DataNotFoundException.class)
        .hasMessage(
            "sensor 'S9' has no rows in table '"
                + dir.resolve("unknown")
                + "' at version 2; sensors present: a, b, c");
    assertThatThrownBy(() -> t.latestDay("S9", COLS))
        .isInstanceOf(DataNotFoundException.class)
        .hasMessageContaining("sensors present: a, b, c");
    assertThat(t.latestDays(Set.of("a", "S9"), COLS, ReadOptions.defaults())).containsOnlyKeys("a");
  }

  @Test
  void cutoffBeforeAnyDataGivesTheFirstDate() {
    SensorTable t = tableWithDays("cutoff", 2);
    assertThatThrownBy(() -> t.trainingSlice("a", D0.minusDays(1), COLS))
        .isInstanceOf(DataNotFoundException.class)
        .hasMessageContaining("sensor 'a' has no rows on or before cutoff 2023-12-31")
        .hasMessageContaining("its first date is 2024-01-01");
  }

  @Test
  void unknownColumnListsTheFeatureColumns() {
    SensorTable t = tableWithDays("col", 1);
    assertThatThrownBy(() -> t.trainingSlice("a", D0, List.of("humidity")))
        .isInstanceOf(DataNotFoundException.class)
        .hasMessageContaining("column 'humidity' is not in table")
        .hasMessageContaining("feature columns: [temperature, pressure]");
  }

  @Test
  void unsafeSensorIdsAndColumnNamesAreRejected() {
    SensorTable t = tableWithDays("ids", 1);
    assertThatThrownBy(() -> t.trainingSlice("../etc", D0, COLS))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("sensor id '../etc' is not valid");
    assertThatThrownBy(() -> t.trainingSlice("a' OR 1=1", D0, COLS))
        .isInstanceOf(InvalidIdException.class);
    assertThatThrownBy(() -> t.trainingSlice("a", D0, List.of("temp;drop")))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("feature column 'temp;drop' is not a valid column name");
    assertThatThrownBy(() -> SensorTable.create(dir.resolve("bad"), List.of("1x")))
        .isInstanceOf(InvalidIdException.class);
    assertThatThrownBy(() -> t.upsert(List.of(day("a b", D0))))
        .isInstanceOf(InvalidIdException.class);
  }

  @Test
  void creatingOverAnExistingTableFails() {
    tableWithDays("twice", 1);
    assertThatThrownBy(() -> SensorTable.create(dir.resolve("twice"), COLS))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("already exists");
  }
}
