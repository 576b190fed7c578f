package io.mlops4j.model.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The dimensions of the network, and the shapes of its weights in a fixed order: per LSTM layer
 * kernel {@code [in, 4U]}, recurrent kernel {@code [U, 4U]}, bias {@code [4U]} (gates in the order
 * input, forget, cell, output, as Keras stores them); then the dense kernel {@code [U, H]} and bias
 * {@code [H]}.
 *
 * @param sequenceLength window length T
 * @param features number of input features F
 * @param units LSTM units U per layer
 * @param layers number of LSTM layers
 * @param horizon forecast steps H
 * @param targetIndex index of the target among the features
 */
public record LstmShape(
    int sequenceLength, int features, int units, int layers, int horizon, int targetIndex) {

  /**
   * Returns the shape of every weight tensor, in order.
   *
   * @return shapes as dimension arrays
   */
  public List<long[]> shapes() {
    List<long[]> shapes = new ArrayList<>();
    for (int layer = 0; layer < layers; layer++) {
      shapes.add(new long[] {layer == 0 ? features : units, 4L * units});
      shapes.add(new long[] {units, 4L * units});
      shapes.add(new long[] {4L * units});
    }
    shapes.add(new long[] {units, horizon});
    shapes.add(new long[] {horizon});
    return shapes;
  }

  /**
   * Returns the names of the weight tensors, in order.
   *
   * @return names such as {@code lstm_0/kernel} and {@code dense/bias}
   */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (int layer = 0; layer < layers; layer++) {
      names.add("lstm_" + layer + "/kernel");
      names.add("lstm_" + layer + "/recurrent_kernel");
      names.add("lstm_" + layer + "/bias");
    }
    names.add("dense/kernel");
    names.add("dense/bias");
    return names;
  }

  static long size(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }
}
