package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A change in the synthetic signals from a given date on, so drift detection has something to find:
 * every feature's level moves and its noise widens.
 *
 * <p>Use {@link #NONE} for no drift. The shift is in units of each feature's daily amplitude (the
 * half-range of its daily cycle), so one value suits features of any scale.
 *
 * @param from the first day (inclusive, UTC) that drifts; {@link LocalDate#MAX} for {@link #NONE}
 * @param levelShift added to each feature's level, in daily amplitudes (may be negative)
 * @param noiseFactor multiplies each feature's noise standard deviation; {@code > 0}
 */
public record Drift(LocalDate from, double levelShift, double noiseFactor) {
  /** No drift: the signals keep their level and noise on every day. */
  public static final Drift NONE = new Drift(LocalDate.MAX, 0.0, 1.0);

  /** The level shift of {@link #from(LocalDate)}, in daily amplitudes. */
  public static final double DEFAULT_LEVEL_SHIFT = 1.0;

  /** The noise factor of {@link #from(LocalDate)}. */
  public static final double DEFAULT_NOISE_FACTOR = 1.5;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the shift is not finite or the factor is not positive
   */
  public Drift {
    requireNonNull(from, "from");
    if (!Double.isFinite(levelShift)) {
      throw new IllegalArgumentException("levelShift must be a finite number, got " + levelShift);
    }
    if (!(noiseFactor > 0) || !Double.isFinite(noiseFactor)) {
      throw new IllegalArgumentException("noiseFactor must be > 0, got " + noiseFactor);
    }
  }

  /**
   * Returns a drift of the default size ({@value #DEFAULT_LEVEL_SHIFT} daily amplitudes up, noise
   * times {@value #DEFAULT_NOISE_FACTOR}) from a date on.
   *
   * @param from the first day that drifts
   * @return the drift
   */
  public static Drift from(LocalDate from) {
    return new Drift(from, DEFAULT_LEVEL_SHIFT, DEFAULT_NOISE_FACTOR);
  }

  /**
   * Tells whether a day drifts.
   *
   * @param date a day
   * @return true if {@code date} is on or after {@link #from()} and this is not {@link #NONE}
   */
  public boolean appliesOn(LocalDate date) {
    return !equals(NONE) && !date.isBefore(from);
  }
}
