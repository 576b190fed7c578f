package io.mlops4j.data;

import java.io.IOException;

/**
 * Reads a {@link TrainingSlice} from the sensor table: the seam between MLTable evaluation and the
 * Delta reader, which implements it (a test may implement it with a lambda).
 */
@FunctionalInterface
public interface SliceSource {
  /**
   * Reads the slice's rows.
   *
   * @param slice which table version, sensor, last date and columns
   * @return exactly the slice's rows: its sensor, dates up to {@link TrainingSlice#lastDate()}
   *     inclusive, in timestamp order, with the slice's feature columns in its order (every feature
   *     column of the table when the slice lists none)
   * @throws IOException if the table cannot be read
   */
  SensorRows read(TrainingSlice slice) throws IOException;
}
