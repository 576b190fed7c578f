package io.mlops4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops4j.config.Hyperparameters;
import io.mlops4j.config.WindowNormalization;
import io.mlops4j.model.internal.MetricsAccumulator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small models on generated hourly series with a daily pattern: they must beat the baselines. */
class ForecastQualityTest {
  static final int DAYS = 60;
  static final int ROWS = DAYS * 24;

  static Hyperparameters small(WindowNormalization normalization) {
    return new Hyperparameters(24, 16, 0.0, 0.01, 32, 12, 1, 0.2, 4, 42, 1, normalization);
  }

  @Test
  void beatsSeasonalNaiveByAtLeastTwentyPercentOnADailyPattern() {
    TrainedModel model =
        LstmTrainerTest.trainer(small(WindowNormalization.LAST_VALUE))
            .train(GeneratedSeries.set(GeneratedSeries.hourly(ROWS, 21)));

    ValidationReport v = model.metadata().validation();
    System.out.printf(
        "daily pattern: model MAE %.3f, last value %.3f, seasonal naive %.3f%n",
        v.model().mae(), v.lastValue().mae(), v.seasonalNaive().mae());
    assertThat(v.model().maeImprovementOver(v.seasonalNaive())).isGreaterThanOrEqualTo(0.20);
    assertThat(v.model().mae()).isLessThan(v.lastValue().mae());
  }

  /**
   * Trains on 50 days, then the level jumps by 15 (1.5 daily amplitudes) and the models forecast
   * the 3 days after the jump. With window normalization built in, the model beats both naive
   * baselines there; without it, it does worse than with it, which is why {@code last_value} is the
   * default.
   */
  @Test
  void withWindowNormalizationBeatsBothBaselinesAfterALevelShift() {
    int trainRows = 50 * 24;
    int evalRows = 3 * 24;
    TrainingSeries full = GeneratedSeries.hourly(trainRows + evalRows, 22, trainRows, 15.0);
    TrainingSeries training = GeneratedSeries.rows(full, 0, trainRows);
    double[] load = full.features()[0];

    Map<WindowNormalization, Double> mae = new EnumMap<>(WindowNormalization.class);
    MetricsAccumulator last = new MetricsAccumulator(1);
    MetricsAccumulator seasonal = new MetricsAccumulator(1);
    for (int row = trainRows; row < trainRows + evalRows; row++) {
      last.add(0, load[row - 1], load[row]);
      seasonal.add(0, load[row - 24], load[row]);
    }
    for (WindowNormalization n : WindowNormalization.values()) {
      TrainedModel model = LstmTrainerTest.trainer(small(n)).train(GeneratedSeries.set(training));
      MetricsAccumulator acc = new MetricsAccumulator(1);
      try (Forecaster forecaster = model.forecaster(TrainerThreads.single())) {
        List<double[][]> windows = new ArrayList<>();
        for (int row = trainRows; row < trainRows + evalRows; row++) {
          windows.add(GeneratedSeries.windowBefore(full, row, 24));
        }
        double[][] forecasts = forecaster.predict(windows);
        for (int i = 0; i < evalRows; i++) {
          acc.add(0, forecasts[i][0], load[trainRows + i]);
        }
      }
      mae.put(n, acc.result().mae());
    }
    System.out.printf(
        "after level shift: MAE %s, last value %.3f, seasonal naive %.3f%n",
        mae, last.result().mae(), seasonal.result().mae());
    double best = mae.get(WindowNormalization.LAST_VALUE);
    assertThat(best).isLessThan(last.result().mae()).isLessThan(seasonal.result().mae());
    assertThat(best)
        .isLessThan(mae.get(WindowNormalization.NONE))
        .isLessThan(mae.get(WindowNormalization.MEAN));
  }
}
