package io.mlops4j.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mlops4j.config.MlopsException;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EdgeCasesTest {
  @Test
  void emptyBinsCountAsEpsilonInPsiAndZeroInJensenShannon() {
    double[] baseline = IntStream.range(0, 100).asDoubleStream().toArray();
    double[] current = new double[50];
    Arrays.fill(current, 5.0); // every value in the lowest decile bin

    DriftStatistics d = DriftStatistics.of(baseline, current);

    double expectedPsi = 0.9 * Math.log(10) + 9 * (1e-4 - 0.1) * Math.log(1e-4 / 0.1);
    assertThat(d.psi()).isCloseTo(expectedPsi, within(1e-12));
    double kl = 0.1 * Math.log(0.1 / 0.55) + 0.9 * Math.log(2) + Math.log(1 / 0.55);
    assertThat(d.jensenShannon()).isCloseTo(Math.sqrt(kl / 2 / Math.log(2)), within(1e-12));
    assertThat(d.currentProportions()).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void identicalConstantSeriesShowNoDrift() {
    double[] constant = new double[40];
    Arrays.fill(constant, 3.0);

    DriftStatistics d = DriftStatistics.of(constant, constant);

    assertThat(d.psi()).isZero();
    assertThat(d.ksStatistic()).isZero();
    assertThat(d.ksPValue()).isEqualTo(1.0);
    assertThat(d.wasserstein1()).isZero();
    assertThat(d.jensenShannon()).isZero();
  }

  @Test
  void shiftedConstantSeriesIsFullyApart() {
    double[] baseline = new double[30];
    double[] current = new double[30];
    Arrays.fill(baseline, 3.0);
    Arrays.fill(current, 4.5);

    DriftStatistics d = DriftStatistics.of(baseline, current);

    assertThat(d.ksStatistic()).isEqualTo(1.0);
    assertThat(d.ksPValue()).isLessThan(1e-10);
    assertThat(d.wasserstein1()).isCloseTo(1.5, within(1e-15));
    // a constant baseline puts all of it in the top bin (values equal to an edge go up)
    assertThat(d.psi()).isZero();
  }

  @Test
  void smallSamplesGetTheExactKolmogorovSmirnovPValue() {
    // scipy.stats.ks_2samp([1, 2, 3], [4, 5, 6]): statistic 1.0, exact p-value 2 / C(6, 3) = 0.1
    DriftStatistics d = DriftStatistics.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});

    assertThat(d.ksStatistic()).isEqualTo(1.0);
    assertThat(d.ksPValue()).isCloseTo(0.1, within(1e-12));
    assertThat(d.wasserstein1()).isCloseTo(3.0, within(1e-12));
  }

  @Test
  void allZeroActualsLeaveMapeUndefinedAndCountThem() {
    ForecastMetrics m = ForecastMetrics.of(new double[] {0, 0, 0}, new double[] {1, -1, 0});

    assertThat(m.mape()).isNaN();
    assertThat(m.zeroActualsSkipped()).isEqualTo(3);
    assertThat(m.mae()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(m.smape()).isCloseTo(4.0 / 3, within(1e-15));
    assertThat(m.r2()).isZero(); // constant actuals, imperfect forecast: r2_score's 0.0
  }

  @Test
  void singlePointHasNoR2ButEveryOtherMetric() {
    ForecastMetrics m = ForecastMetrics.of(new double[] {2}, new double[] {2.5});

    assertThat(m.r2()).isNaN();
    assertThat(m.mae()).isEqualTo(0.5);
    assertThat(m.rmse()).isEqualTo(0.5);
    assertThat(m.mape()).isEqualTo(0.25);
    assertThat(m.bias()).isEqualTo(0.5);
    assertThatThrownBy(() -> DriftStatistics.of(new double[] {1, 2}, new double[] {2}))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "current has 1 value(s); drift statistics need at least 2 values in each sample");
  }

  @Test
  void nanInputIsRejectedWithItsPosition() {
    assertThatThrownBy(
            () -> ForecastMetrics.of(new double[] {1, 2, Double.NaN}, new double[] {1, 2, 3}))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("actual[2] is NaN;")
        .hasMessageContaining("drop missing readings");
    assertThatThrownBy(() -> DriftStatistics.of(new double[] {1, 2}, new double[] {Double.NaN, 1}))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("current[0] is NaN;");
    assertThatThrownBy(() -> DriftStatistics.of(new double[] {1, 2}, new double[] {1, Double.NaN}))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("current[1] is NaN;");
    assertThatThrownBy(() -> DriftStatistics.of(new double[0], new double[] {1}))
        .hasMessage("baseline is empty; expected at least one value");
    assertThatThrownBy(() -> ForecastMetrics.of(new double[] {1}, new double[] {1, 2}))
        .hasMessageContaining("1 actual values but 2 predicted values");
  }
}
