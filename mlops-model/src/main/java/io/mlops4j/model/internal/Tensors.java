package io.mlops4j.model.internal;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.IntDataBuffer;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Conversions between Java arrays and tensors, and the session configuration. */
public final class Tensors {
  private Tensors() {}

  /**
   * Copies an array into a new float tensor; the caller closes it.
   *
   * @param shape the dimensions
   * @param data the values, row-major
   * @return the tensor
   */
  public static TFloat32 floats(long[] shape, float[] data) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
  }

  /**
   * Copies an array into a new int vector tensor; the caller closes it.
   *
   * @param data the values
   * @return the tensor
   */
  public static TInt32 ints(int[] data) {
    IntDataBuffer buffer = DataBuffers.of(data, true, false);
    return TInt32.tensorOf(Shape.of(data.length), buffer);
  }

  /**
   * Reads a float tensor into a new array.
   *
   * @param tensor a {@link TFloat32}
   * @return its values, row-major
   */
  public static float[] read(Tensor tensor) {
    TFloat32 t = (TFloat32) tensor;
    float[] out = new float[(int) t.shape().size()];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /**
   * Returns a session configuration with the given thread pools.
   *
   * <p>The session gets its own inter-op pool ({@code use_per_session_threads}). Without it,
   * TensorFlow's DirectSession runs every session of the process on one global inter-op pool sized
   * by the first session created, so later settings are ignored and five trainers with one inter-op
   * thread each share a single thread (measured: two trainers in parallel took 1.85x the time of
   * one, 1.05x with per-session pools). The intra-op pool stays process-wide in TensorFlow 2.18
   * whatever the configuration: the first session's {@code intraOp} sizes it.
   *
   * @param intraOp threads within one op, at least 1
   * @param interOp ops run in parallel, at least 1
   * @return the configuration
   */
  public static ConfigProto config(int intraOp, int interOp) {
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(intraOp)
        .setInterOpParallelismThreads(interOp)
        .setUsePerSessionThreads(true)
        .setAllowSoftPlacement(true)
        .build();
  }
}
