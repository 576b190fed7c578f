package io.mlops4j.config;

import java.util.Locale;

/**
 * How each input window is re-centred before the LSTM sees it, from {@code
 * training.hyperparameters.window_normalization} ("reversible instance normalization"): the
 * window's own level is subtracted from every step of every feature, and the target's level is
 * added back to the forecast, so a level shift in the series (a recalibrated sensor, a seasonal
 * change) does not move the inputs out of the range the model was trained on.
 */
public enum WindowNormalization {
  /** No re-centring: the LSTM sees the standardized window as it is. */
  NONE,
  /** Each feature re-centred on its value at the window's last step. The default. */
  LAST_VALUE,
  /** Each feature re-centred on its mean over the window. */
  MEAN;

  /**
   * Returns the name used in config files and model metadata: {@code none}, {@code last_value} or
   * {@code mean}.
   *
   * @return the config name
   */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a config name.
   *
   * @param value {@code none}, {@code last_value} or {@code mean}
   * @return the normalization
   * @throws IllegalArgumentException if the value is none of these
   */
  public static WindowNormalization ofConfigName(String value) {
    for (WindowNormalization n : values()) {
      if (n.configName().equals(value)) {
        return n;
      }
    }
    throw new IllegalArgumentException(
        "window_normalization must be one of none, last_value, mean, was '" + value + "'");
  }
}
