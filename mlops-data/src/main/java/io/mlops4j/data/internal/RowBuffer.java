package io.mlops4j.data.internal;

import io.mlops4j.data.SensorRows;
import java.util.Arrays;
import java.util.List;

/** A growable column store for the rows of one sensor, turned into a sorted {@link SensorRows}. */
final class RowBuffer {
  private String[] sids = new String[64];
  private long[] ts = new long[64];
  private int[] days = new int[64];
  private final double[][] features;
  private int size;
  private int dropped;

  RowBuffer(int featureCount) {
    features = new double[featureCount][64];
  }

  int size() {
    return size;
  }

  int dropped() {
    return dropped;
  }

  void drop() {
    dropped++;
  }

  void clear() {
    size = 0;
    dropped = 0;
  }

  /** Appends a row; fill the features with {@link #setFeature} right after. */
  void add(long timestampMicros, int epochDay) {
    add(null, timestampMicros, epochDay);
  }

  /** Appends a row of a given sensor (for writing several sensors into one file). */
  void add(String sensorId, long timestampMicros, int epochDay) {
    if (size == ts.length) {
      int n = size * 2;
      sids = Arrays.copyOf(sids, n);
      ts = Arrays.copyOf(ts, n);
      days = Arrays.copyOf(days, n);
      for (int c = 0; c < features.length; c++) {
        features[c] = Arrays.copyOf(features[c], n);
      }
    }
    sids[size] = sensorId;
    ts[size] = timestampMicros;
    days[size] = epochDay;
    size++;
  }

  void setFeature(int column, double value) {
    features[column][size - 1] = value;
  }

  String sensorId(int row) {
    return sids[row];
  }

  long timestamp(int row) {
    return ts[row];
  }

  int day(int row) {
    return days[row];
  }

  double feature(int column, int row) {
    return features[column][row];
  }

  int featureCount() {
    return features.length;
  }

  /** Rows ordered by (sensor id, timestamp): the file layout that makes min/max stats selective. */
  int[] sensorTimeOrder() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int c = sids[a].compareTo(sids[b]);
          return c != 0 ? c : Long.compare(ts[a], ts[b]);
        });
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = order[i];
    }
    return out;
  }

  /** Sorted by timestamp, ties by the exact feature bits, so equal content gives equal rows. */
  SensorRows toRows(String sensorId, List<String> columns) {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Long.compare(ts[a], ts[b]);
          for (int f = 0; c == 0 && f < features.length; f++) {
            c =
                Long.compare(
                    Double.doubleToLongBits(features[f][a]),
                    Double.doubleToLongBits(features[f][b]));
          }
          return c;
        });
    long[] t = new long[size];
    int[] d = new int[size];
    double[][] f = new double[features.length][size];
    for (int i = 0; i < size; i++) {
      int j = order[i];
      t[i] = ts[j];
      d[i] = days[j];
      for (int c = 0; c < features.length; c++) {
        f[c][i] = features[c][j];
      }
    }
    return new SensorRows(sensorId, t, d, columns, f);
  }
}
