package io.mlops4j.data;

/** What a read does with a row whose requested feature value is null (or NaN). */
public enum NullPolicy {
  /** Leave the row out and count it in {@link SensorSlice#droppedRows()}. */
  DROP_ROW,
  /** Throw an {@link io.mlops4j.config.MlopsException} naming the sensor, timestamp and column. */
  FAIL
}
