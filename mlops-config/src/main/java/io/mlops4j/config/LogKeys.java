package io.mlops4j.config;

/**
 * The structured-logging keys every mlops4j module uses, so logs can be queried by plant and
 * circuit: {@code LOG.atInfo().addKeyValue(LogKeys.PLANT_ID, plant.value())}.
 */
public final class LogKeys {
  /** The plant id. */
  public static final String PLANT_ID = "plant_id";

  /** The circuit id. */
  public static final String CIRCUIT_ID = "circuit_id";

  /** The registered model name. */
  public static final String MODEL_NAME = "model_name";

  /** The registered model version. */
  public static final String MODEL_VERSION = "model_version";

  /** The run id; entry points put it in the MDC. */
  public static final String RUN_ID = "run_id";

  /** The Delta table version read. */
  public static final String TABLE_VERSION = "table_version";

  /** A row count. */
  public static final String ROWS = "rows";

  /** A duration in milliseconds. */
  public static final String DURATION_MS = "duration_ms";

  private LogKeys() {}
}
