package io.mlops4j.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Metrics and drift statistics against scipy / scikit-learn values
 * (shared/reference-vectors/metrics-and-drift.json, copied into test resources).
 */
class ReferenceVectorsTest {
  private static final double RELATIVE = 1e-9;
  private static final double KS_P_RELATIVE = 1e-6;

  private static JsonNode vectors() throws IOException {
    try (InputStream in =
        ReferenceVectorsTest.class.getResourceAsStream(
            "/reference-vectors/metrics-and-drift.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static double[] array(JsonNode node) {
    return StreamSupport.stream(node.spliterator(), false)
        .mapToDouble(JsonNode::asDouble)
        .toArray();
  }

  private static void assertClose(double actual, double expected, double relative, String what) {
    assertThat(actual).as(what).isCloseTo(expected, within(Math.abs(expected) * relative));
  }

  @Test
  void metricsMatchScikitLearnToOneInABillion() throws IOException {
    JsonNode cases = vectors().get("metrics");
    assertThat(cases).hasSizeGreaterThan(0);
    int i = 0;
    for (JsonNode c : cases) {
      ForecastMetrics m = ForecastMetrics.of(array(c.get("actual")), array(c.get("predicted")));
      JsonNode e = c.get("expected");
      String at = "metrics[" + i++ + "] ";
      assertClose(m.mae(), e.get("mae").asDouble(), RELATIVE, at + "mae");
      assertClose(m.rmse(), e.get("rmse").asDouble(), RELATIVE, at + "rmse");
      assertClose(m.mape(), e.get("mape_nonzero").asDouble(), RELATIVE, at + "mape");
      assertThat(m.zeroActualsSkipped()).isEqualTo(e.get("mape_skipped_zero_actuals").asInt());
      assertClose(m.r2(), e.get("r2").asDouble(), RELATIVE, at + "r2");
      assertClose(m.bias(), e.get("bias_mean_error").asDouble(), RELATIVE, at + "bias");
      assertThat(m.rows()).isEqualTo(c.get("actual").size());
    }
  }

  @Test
  void driftStatisticsMatchScipyToOneInABillion() throws IOException {
    JsonNode cases = vectors().get("drift");
    assertThat(cases).hasSizeGreaterThan(0);
    int i = 0;
    for (JsonNode c : cases) {
      DriftStatistics d = DriftStatistics.of(array(c.get("baseline")), array(c.get("current")));
      JsonNode e = c.get("expected");
      String at = "drift[" + i++ + "] ";
      assertClose(d.ksStatistic(), e.get("ks_statistic").asDouble(), RELATIVE, at + "ks");
      JsonNode exact = e.get("ks_pvalue_exact");
      double expectedP =
          exact == null || exact.isNull()
              ? e.get("ks_pvalue_asymptotic").asDouble()
              : exact.asDouble();
      assertClose(d.ksPValue(), expectedP, KS_P_RELATIVE, at + "ks p-value");
      assertClose(d.wasserstein1(), e.get("wasserstein1").asDouble(), RELATIVE, at + "w1");
      assertClose(d.psi(), e.get("psi_decile_eps1e-4").asDouble(), RELATIVE, at + "psi");
      assertClose(
          d.jensenShannon(),
          e.get("jensen_shannon_distance_base2_decile").asDouble(),
          RELATIVE,
          at + "js");
    }
  }
}
