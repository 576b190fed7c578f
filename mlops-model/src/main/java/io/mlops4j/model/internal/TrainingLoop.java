package io.mlops4j.model.internal;

import io.mlops4j.config.Hyperparameters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains the network in one TensorFlow session: shuffled mini-batches gathered from the training
 * windows held in one fed tensor, Adam ({@code ApplyAdam}) in the same run as the forward and
 * backward pass, validation after every epoch and early stopping that keeps the best weights.
 */
public final class TrainingLoop {
  private static final int EVAL_CHUNK = 1024;
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-7;

  /** Called after every epoch; returns nothing, may not throw. */
  public interface EpochCallback {
    /**
     * Reports an epoch.
     *
     * @param epoch 1-based epoch
     * @param loss mean training loss (MSE, standardized units)
     * @param valLoss validation loss
     */
    void onEpoch(int epoch, double loss, double valLoss);
  }

  /**
   * What training produced.
   *
   * @param weights the best weights, in {@link LstmShape#shapes()} order
   * @param bestEpoch the 1-based epoch they come from
   * @param epochsRun epochs run
   * @param bestValLoss their validation loss
   * @param valPredictions their validation forecasts, standardized, {@code [count, H]}
   * @param cancelled whether training stopped because it was cancelled
   */
  public record Outcome(
      List<float[]> weights,
      int bestEpoch,
      int epochsRun,
      double bestValLoss,
      float[] valPredictions,
      boolean cancelled) {}

  private final LstmShape shape;
  private final Hyperparameters hp;
  private final ConfigProto config;

  /**
   * Creates a loop.
   *
   * @param shape network dimensions
   * @param hp hyperparameters
   * @param config session configuration (threads)
   */
  public TrainingLoop(LstmShape shape, Hyperparameters hp, ConfigProto config) {
    this.shape = shape;
    this.hp = hp;
    this.config = config;
  }

  /**
   * Returns seeded initial weights: Glorot-uniform kernels, zero biases except the forget gate's
   * (1, as Keras's {@code unit_forget_bias}).
   *
   * @param shape network dimensions
   * @param seed the seed
   * @return weights in {@link LstmShape#shapes()} order
   */
  public static List<float[]> initialWeights(LstmShape shape, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<float[]> weights = new ArrayList<>();
    for (long[] dims : shape.shapes()) {
      float[] w = new float[(int) LstmShape.size(dims)];
      if (dims.length == 2) {
        double limit = Math.sqrt(6.0 / (dims[0] + dims[1]));
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
      } else if (dims[0] == 4L * shape.units()) {
        for (int i = shape.units(); i < 2 * shape.units(); i++) {
          w[i] = 1f;
        }
      }
      weights.add(w);
    }
    return weights;
  }

  /**
   * Trains.
   *
   * @param train training windows
   * @param val validation windows
   * @param callback told after every epoch
   * @param cancelled polled between mini-batches
   * @return the best weights and what happened
   */
  public Outcome run(
      Windows train, Windows val, EpochCallback callback, BooleanSupplier cancelled) {
    int t = shape.sequenceLength();
    int f = shape.features();
    int h = shape.horizon();
    LstmGraph network = new LstmGraph(shape, hp.windowNormalization());
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> trainX =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, t, f)));
      Placeholder<TFloat32> trainY =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, h)));
      Placeholder<TInt32> batch = tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      Placeholder<TFloat32> beta1Power =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      Placeholder<TFloat32> beta2Power =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      Placeholder<TFloat32> evalX =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, t, f)));

      List<float[]> init = initialWeights(shape, hp.seed());
      List<Operand<TFloat32>> variables = new ArrayList<>();
      List<long[]> shapes = shape.shapes();
      for (int i = 0; i < shapes.size(); i++) {
        variables.add(
            tf.variable(
                tf.constant(
                    Shape.of(shapes.get(i)),
                    org.tensorflow.ndarray.buffer.DataBuffers.of(init.get(i), true, false))));
      }
      Operand<TFloat32> xb = tf.gather(trainX, batch, tf.constant(0));
      Operand<TFloat32> yb = tf.gather(trainY, batch, tf.constant(0));
      Operand<TFloat32> pred = network.forward(tf, xb, variables, hp.dropout(), hp.seed());
      Operand<TFloat32> loss =
          tf.math.mean(
              tf.math.squaredDifference(pred, yb),
              tf.constant(new int[] {0, 1}),
              Mean.keepDims(false));
      Gradients gradients = tf.gradients(loss, variables);
      Operand<TFloat32> lr = tf.constant((float) hp.learningRate());
      Operand<TFloat32> b1 = tf.constant((float) BETA1);
      Operand<TFloat32> b2 = tf.constant((float) BETA2);
      Operand<TFloat32> eps = tf.constant((float) EPSILON);
      // Every update waits for every gradient: the backward pass reads the weights (dense kernel,
      // recurrent kernels), and an update that ran early would change them under it.
      List<Op> gradientOps = new ArrayList<>();
      for (int i = 0; i < variables.size(); i++) {
        gradientOps.add(tf.identity(gradients.<TFloat32>dy(i)));
      }
      Ops tfAfterGradients = tf.withControlDependencies(gradientOps);
      List<Op> updates = new ArrayList<>();
      for (int i = 0; i < variables.size(); i++) {
        Shape s = Shape.of(shapes.get(i));
        Variable<TFloat32> m = tf.variable(tf.zeros(tf.constant(s), TFloat32.class));
        Variable<TFloat32> v = tf.variable(tf.zeros(tf.constant(s), TFloat32.class));
        updates.add(
            tfAfterGradients.train.applyAdam(
                variables.get(i),
                m,
                v,
                beta1Power,
                beta2Power,
                lr,
                b1,
                b2,
                eps,
                gradients.<TFloat32>dy(i)));
      }
      Operand<TFloat32> evalPred = network.forward(tf, evalX, variables, 0, hp.seed());

      try (Session session = new Session(graph, config);
          TFloat32 xAll = Tensors.floats(new long[] {train.count(), t, f}, train.x());
          TFloat32 yAll = Tensors.floats(new long[] {train.count(), h}, train.y())) {
        session.initialize();
        List<TFloat32> evalChunks = new ArrayList<>();
        try {
          for (int start = 0; start < val.count(); start += EVAL_CHUNK) {
            int n = Math.min(EVAL_CHUNK, val.count() - start);
            float[] chunk = new float[n * t * f];
            System.arraycopy(val.x(), start * t * f, chunk, 0, chunk.length);
            evalChunks.add(Tensors.floats(new long[] {n, t, f}, chunk));
          }
          return epochs(
              session,
              trainX,
              trainY,
              batch,
              beta1Power,
              beta2Power,
              evalX,
              loss,
              updates,
              evalPred,
              variables,
              xAll,
              yAll,
              evalChunks,
              train,
              val,
              callback,
              cancelled);
        } finally {
          evalChunks.forEach(Tensor::close);
        }
      }
    }
  }

  private Outcome epochs(
      Session session,
      Placeholder<TFloat32> trainX,
      Placeholder<TFloat32> trainY,
      Placeholder<TInt32> batch,
      Placeholder<TFloat32> beta1Power,
      Placeholder<TFloat32> beta2Power,
      Placeholder<TFloat32> evalX,
      Operand<TFloat32> loss,
      List<Op> updates,
      Operand<TFloat32> evalPred,
      List<Operand<TFloat32>> variables,
      TFloat32 xAll,
      TFloat32 yAll,
      List<TFloat32> evalChunks,
      Windows train,
      Windows val,
      EpochCallback callback,
      BooleanSupplier cancelled) {
    SplittableRandom shuffle = new SplittableRandom(hp.seed() ^ 0x5DEECE66DL);
    int[] order = new int[train.count()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    double bestVal = Double.POSITIVE_INFINITY;
    List<float[]> best = null;
    float[] bestPredictions = null;
    int bestEpoch = 0;
    int sinceBest = 0;
    long step = 0;
    int epoch = 0;
    boolean stopped = false;
    while (epoch < hp.epochs() && !stopped) {
      epoch++;
      for (int i = order.length - 1; i > 0; i--) {
        int j = shuffle.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      double lossSum = 0;
      for (int start = 0; start < order.length; start += hp.batchSize()) {
        if (cancelled.getAsBoolean()) {
          stopped = true;
          break;
        }
        int n = Math.min(hp.batchSize(), order.length - start);
        int[] idx = new int[n];
        System.arraycopy(order, start, idx, 0, n);
        step++;
        try (TInt32 idxT = Tensors.ints(idx);
            TFloat32 p1 = TFloat32.scalarOf((float) Math.pow(BETA1, step));
            TFloat32 p2 = TFloat32.scalarOf((float) Math.pow(BETA2, step))) {
          Session.Runner runner =
              session
                  .runner()
                  .feed(trainX, xAll)
                  .feed(trainY, yAll)
                  .feed(batch, idxT)
                  .feed(beta1Power, p1)
                  .feed(beta2Power, p2)
                  .fetch(loss);
          updates.forEach(runner::addTarget);
          try (Result r = runner.run()) {
            lossSum += ((TFloat32) r.get(0)).getFloat() * (double) n;
          }
        }
      }
      if (stopped) {
        epoch--;
        break;
      }
      float[] predictions = predict(session, evalX, evalPred, evalChunks, val.count());
      double valLoss = mse(predictions, val.y());
      callback.onEpoch(epoch, lossSum / order.length, valLoss);
      if (valLoss < bestVal || best == null) {
        bestVal = valLoss;
        best = readWeights(session, variables);
        bestPredictions = predictions;
        bestEpoch = epoch;
        sinceBest = 0;
      } else {
        sinceBest++;
        if (hp.earlyStoppingPatience() > 0 && sinceBest >= hp.earlyStoppingPatience()) {
          break;
        }
      }
    }
    if (best == null) {
      best = readWeights(session, variables);
      bestPredictions = predict(session, evalX, evalPred, evalChunks, val.count());
      bestVal = mse(bestPredictions, val.y());
    }
    return new Outcome(best, bestEpoch, epoch, bestVal, bestPredictions, stopped);
  }

  private float[] predict(
      Session session,
      Placeholder<TFloat32> evalX,
      Operand<TFloat32> evalPred,
      List<TFloat32> chunks,
      int count) {
    float[] out = new float[count * shape.horizon()];
    int offset = 0;
    for (TFloat32 chunk : chunks) {
      try (Result r = session.runner().feed(evalX, chunk).fetch(evalPred).run()) {
        float[] part = Tensors.read(r.get(0));
        System.arraycopy(part, 0, out, offset, part.length);
        offset += part.length;
      }
    }
    return out;
  }

  private static List<float[]> readWeights(Session session, List<Operand<TFloat32>> variables) {
    Session.Runner runner = session.runner();
    variables.forEach(runner::fetch);
    List<float[]> weights = new ArrayList<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < variables.size(); i++) {
        weights.add(Tensors.read(r.get(i)));
      }
    }
    return weights;
  }

  static double mse(float[] predictions, float[] actual) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = (double) predictions[i] - actual[i];
      sum += d * d;
    }
    return actual.length == 0 ? Double.NaN : sum / actual.length;
  }
}
