package io.mlops4j.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mlops4j.config.MlopsException;
import io.mlops4j.model.ForecastMetrics;
import org.junit.jupiter.api.Test;

class EvaluationPartsTest {
  @Test
  void metricsPerStepAndOverallWithMapeSkippingZeroActuals() {
    MetricsAccumulator acc = new MetricsAccumulator(2);
    acc.add(0, 12, 10); // error 2, 20 %
    acc.add(0, 7, 10); // error -3, 30 %
    acc.add(1, 1, 0); // error 1, actual 0: no MAPE
    acc.add(1, 3, 4); // error -1, 25 %

    ForecastMetrics m = acc.result();
    assertThat(m.maeByStep()).containsExactly(2.5, 1.0);
    assertThat(m.rmseByStep().get(0)).isCloseTo(Math.sqrt(6.5), within(1e-12));
    assertThat(m.mapeByStep().get(0)).isCloseTo(0.25, within(1e-12));
    assertThat(m.mapeByStep().get(1)).isCloseTo(0.25, within(1e-12));
    assertThat(m.mae()).isCloseTo(7.0 / 4, within(1e-12));
    assertThat(m.rmse()).isCloseTo(Math.sqrt(15.0 / 4), within(1e-12));
    assertThat(m.mape()).isCloseTo(0.75 / 3, within(1e-12));
    assertThat(m.points()).isEqualTo(4);
  }

  @Test
  void frequencyIsTheMostCommonStepAndWindowsSkipGaps() {
    long m = 60_000_000L; // one minute
    long[] ts = {0, 15 * m, 30 * m, 45 * m, 60 * m, 120 * m, 135 * m, 150 * m, 165 * m};
    Windowing plan = Windowing.plan("test", ts, 2, 1);

    assertThat(plan.frequencyMicros()).isEqualTo(15 * m);
    // positions 0..6; those spanning the 60 -> 120 step (starts 3 and 4) are skipped
    assertThat(plan.starts()).containsExactly(0, 1, 2, 5, 6);
    assertThat(plan.skipped()).isEqualTo(2);
  }

  @Test
  void timestampsMustIncrease() {
    assertThatThrownBy(() -> Windowing.plan("test", new long[] {0, 10, 10, 20}, 2, 1))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("timestamps must be strictly increasing, but row 2");
  }

  @Test
  void allWindowsSpanningGapsIsAClearError() {
    assertThatThrownBy(() -> Windowing.plan("test", new long[] {0, 10, 40, 50, 80, 90}, 2, 1))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("no window of 3 consecutive rows");
  }
}
