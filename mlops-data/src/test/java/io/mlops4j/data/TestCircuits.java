package io.mlops4j.data;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.ConfigLoader;
import io.mlops4j.config.DataFilters;
import io.mlops4j.config.TrainingConfig;
import java.nio.file.Path;
import java.util.List;

/** Circuit configs for tests: the project's example tree, and variants of it. */
final class TestCircuits {
  /** Where the Delta table of the tests lives. */
  static final String DELTA_FOLDER =
      "abfss://sensors@mlops4jdata.dfs.core.windows.net/sensor_readings";

  private TestCircuits() {}

  /** P001/C001 of ../examples: SENSOR_P001_C001, cutoff 2025-12-09, three features. */
  static CircuitConfig p001c001() {
    return new ConfigLoader().loadCircuit(Path.of("../examples"), CircuitRef.parse("P001/C001"));
  }

  /** P001/C001 with another sensor id and feature columns. */
  static CircuitConfig withFilters(String sensorId, List<String> featureColumns) {
    CircuitConfig config = p001c001();
    TrainingConfig t = config.training();
    return new CircuitConfig(
        config.ref(),
        new TrainingConfig(
            t.cutoffDate(),
            t.environmentVersion(),
            t.hyperparameters(),
            t.hyperparametersHash(),
            new DataFilters(sensorId, featureColumns, featureColumns.get(0))),
        config.deployment(),
        config.monitoring());
  }
}
