package io.mlops4j.model.internal;

import io.mlops4j.config.WindowNormalization;
import io.mlops4j.model.InvalidModelDirectoryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The inference network in a TensorFlow session: either built from weights in memory or loaded from
 * a SavedModel. Its serving signature {@value #SIGNATURE_KEY} takes {@value #INPUT} (float32 {@code
 * [?, T, F]}, standardized features) and returns {@value #OUTPUT} (float32 {@code [?, H]},
 * standardized target). Not thread-safe for closing; {@link #run} may be called concurrently.
 */
public final class Network implements AutoCloseable {
  /** The signature key. */
  public static final String SIGNATURE_KEY = "serving_default";

  /** The input's name in the signature. */
  public static final String INPUT = "input";

  /** The output's name in the signature. */
  public static final String OUTPUT = "forecast";

  private static final int MAX_SCOPE_SUFFIX = 8;

  private final AutoCloseable owner;
  private final Graph graph;
  private final Session session;
  private final String inputTensor;
  private final String outputTensor;
  private final Signature signature;

  private Network(
      AutoCloseable owner,
      Graph graph,
      Session session,
      String inputTensor,
      String outputTensor,
      Signature signature) {
    this.owner = owner;
    this.graph = graph;
    this.session = session;
    this.inputTensor = inputTensor;
    this.outputTensor = outputTensor;
    this.signature = signature;
  }

  /**
   * Builds the network from weights in a new graph and session.
   *
   * @param shape dimensions
   * @param normalization the window normalization
   * @param weights weights in {@link LstmShape#shapes()} order
   * @param config session configuration
   * @return the network; the caller closes it
   */
  public static Network build(
      LstmShape shape,
      WindowNormalization normalization,
      List<float[]> weights,
      ConfigProto config) {
    Graph graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> input =
          tf.withName(INPUT)
              .placeholder(
                  TFloat32.class,
                  Placeholder.shape(Shape.of(-1, shape.sequenceLength(), shape.features())));
      List<Operand<TFloat32>> variables = new ArrayList<>();
      List<long[]> shapes = shape.shapes();
      List<String> names = shape.names();
      for (int i = 0; i < shapes.size(); i++) {
        variables.add(
            tf.withSubScope(names.get(i).split("/")[0])
                .withName(names.get(i).split("/")[1])
                .variable(
                    tf.constant(
                        Shape.of(shapes.get(i)), DataBuffers.of(weights.get(i), true, false))));
      }
      Operand<TFloat32> out =
          tf.withName(OUTPUT)
              .identity(new LstmGraph(shape, normalization).forward(tf, input, variables, 0, 0));
      Signature signature =
          Signature.builder()
              .key(SIGNATURE_KEY)
              .methodName("tensorflow/serving/predict")
              .input(INPUT, input)
              .output(OUTPUT, out)
              .build();
      Session session = new Session(graph, config);
      try {
        session.initialize();
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
      String in = input.op().name() + ":0";
      String o = out.op().name() + ":0";
      return new Network(
          () -> {
            session.close();
            graph.close();
          },
          graph,
          session,
          in,
          o,
          signature);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * Loads a SavedModel.
   *
   * @param dir the SavedModel directory
   * @param modelDir the model directory, for messages
   * @param config session configuration
   * @return the network; the caller closes it
   * @throws InvalidModelDirectoryException if TensorFlow cannot load it or it has no serving
   *     signature
   */
  public static Network load(Path dir, Path modelDir, ConfigProto config) {
    SavedModelBundle bundle;
    try {
      bundle =
          SavedModelBundle.loader(dir.toString()).withConfigProto(config).withTags("serve").load();
    } catch (RuntimeException e) {
      throw new InvalidModelDirectoryException(
          ModelErrors.corruptSavedModel(modelDir, e.getMessage()), modelDir, e);
    }
    try {
      Signature signature =
          bundle.signatures().stream()
              .filter(s -> s.key().equals(SIGNATURE_KEY))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidModelDirectoryException(
                          ModelErrors.graphMismatch(
                              modelDir,
                              "signatures",
                              "'" + SIGNATURE_KEY + "'",
                              bundle.signatures().stream().map(Signature::key).toList().toString()),
                          modelDir));
      Signature.TensorDescription in = signature.getInputs().get(INPUT);
      Signature.TensorDescription out = signature.getOutputs().get(OUTPUT);
      if (in == null || out == null) {
        throw new InvalidModelDirectoryException(
            ModelErrors.graphMismatch(
                modelDir,
                "serving signature",
                "input '" + INPUT + "' and output '" + OUTPUT + "'",
                "inputs " + signature.inputNames() + ", outputs " + signature.outputNames()),
            modelDir);
      }
      return new Network(bundle, bundle.graph(), bundle.session(), in.name, out.name, signature);
    } catch (RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  /**
   * Returns the shape of the signature's input.
   *
   * @return dimensions, -1 for unknown
   */
  public long[] inputShape() {
    return signature.getInputs().get(INPUT).shape.asArray();
  }

  /**
   * Returns the shape of the signature's output.
   *
   * @return dimensions, -1 for unknown
   */
  public long[] outputShape() {
    return signature.getOutputs().get(OUTPUT).shape.asArray();
  }

  /**
   * Returns the static shape of a weight variable in the graph.
   *
   * <p>{@link #build} creates each variable in its own sub-scope, and TensorFlow Java makes a
   * repeated scope name unique with a suffix: {@code lstm_0/kernel}, {@code
   * lstm_0_1/recurrent_kernel}, {@code lstm_0_2/bias}, {@code dense/kernel}, {@code dense_1/bias}.
   * The suffixed names are looked up too.
   *
   * @param name the variable's name without suffix, e.g. {@code lstm_0/recurrent_kernel}
   * @return its dimensions, or null if the graph has no such variable
   */
  public long[] variableShape(String name) {
    int slash = name.indexOf('/');
    String scope = name.substring(0, slash);
    String leaf = name.substring(slash);
    for (int n = 0; n <= MAX_SCOPE_SUFFIX; n++) {
      GraphOperation op = graph.operation(n == 0 ? name : scope + "_" + n + leaf);
      if (op != null && op.type().startsWith("Variable")) {
        return op.output(0).shape().asArray();
      }
    }
    return null;
  }

  /**
   * Returns the data type of the signature's input.
   *
   * @return e.g. {@code DT_FLOAT}
   */
  public String inputType() {
    return signature.getInputs().get(INPUT).dataType.name();
  }

  /**
   * Runs the network.
   *
   * @param x standardized windows, row-major
   * @param count number of windows
   * @param steps T
   * @param features F
   * @return standardized forecasts, {@code [count, H]} row-major
   */
  public float[] run(float[] x, int count, int steps, int features) {
    try (TFloat32 input = Tensors.floats(new long[] {count, steps, features}, x);
        Result r = session.runner().feed(inputTensor, input).fetch(outputTensor).run()) {
      return Tensors.read(r.get(0));
    }
  }

  /**
   * Exports the network as a SavedModel.
   *
   * @param dir the directory to create
   * @throws UncheckedIOException if writing fails
   */
  public void export(Path dir) {
    try {
      SavedModelBundle.exporter(dir.toString())
          .withTags("serve")
          .withSession(session)
          .withSignature(signature)
          .export();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      owner.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the TensorFlow session failed", e);
    }
  }
}
