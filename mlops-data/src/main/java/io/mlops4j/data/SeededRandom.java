package io.mlops4j.data;

import java.nio.charset.StandardCharsets;

/**
 * SplitMix64, written out so generated data is bit-identical on every JDK: {@code
 * java.util.SplittableRandom} does not promise its algorithm, and {@code nextGaussian} has changed
 * between releases. Transcendental functions use {@link StrictMath} for the same reason.
 *
 * <p>Not thread-safe; each (sensor, day, stream) gets its own instance.
 */
final class SeededRandom {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private long state;

  SeededRandom(long seed) {
    this.state = seed;
  }

  /**
   * Derives a seed from parts, so that every (seed, sensor, day, stream) gets an independent
   * stream; the order of the parts matters.
   */
  static long seedOf(long... parts) {
    long h = 0x243F6A8885A308D3L;
    for (long part : parts) {
      h = mix64(h + GOLDEN_GAMMA + mix64(part));
    }
    return h;
  }

  /** A stable 64-bit hash of a string's UTF-8 bytes (FNV-1a, then mixed). */
  static long hash(String text) {
    long h = FNV_OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= FNV_PRIME;
    }
    return mix64(h);
  }

  static long mix64(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [low, high). */
  double uniform(double low, double high) {
    return low + (high - low) * nextDouble();
  }

  /** Uniform in [0, bound). */
  int nextInt(int bound) {
    return (int) ((nextLong() >>> 1) % bound);
  }

  /** Standard normal, by Box-Muller (one value per call). */
  double nextGaussian() {
    double u1 = 1.0 - nextDouble(); // in (0, 1], so the log is finite
    double u2 = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
  }
}
