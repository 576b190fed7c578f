package io.mlops4j.model.internal;

import io.mlops4j.model.ForecastMetrics;
import java.util.ArrayList;
import java.util.List;

/** Sums absolute, squared and percentage errors per horizon step. */
public final class MetricsAccumulator {
  private final double[] abs;
  private final double[] sq;
  private final double[] pct;
  private final long[] n;
  private final long[] pctN;

  /**
   * Creates an empty accumulator.
   *
   * @param horizon number of steps
   */
  public MetricsAccumulator(int horizon) {
    abs = new double[horizon];
    sq = new double[horizon];
    pct = new double[horizon];
    n = new long[horizon];
    pctN = new long[horizon];
  }

  /**
   * Adds one forecast.
   *
   * @param step the horizon step, from 0
   * @param predicted the forecast
   * @param actual the actual value
   */
  public void add(int step, double predicted, double actual) {
    double e = predicted - actual;
    abs[step] += Math.abs(e);
    sq[step] += e * e;
    n[step]++;
    if (actual != 0) {
      pct[step] += Math.abs(e / actual);
      pctN[step]++;
    }
  }

  /**
   * Returns the metrics.
   *
   * @return overall and per-step errors; NaN where there were no points
   */
  public ForecastMetrics result() {
    List<Double> mae = new ArrayList<>();
    List<Double> rmse = new ArrayList<>();
    List<Double> mape = new ArrayList<>();
    double absAll = 0;
    double sqAll = 0;
    double pctAll = 0;
    long nAll = 0;
    long pctNAll = 0;
    for (int k = 0; k < n.length; k++) {
      mae.add(n[k] == 0 ? Double.NaN : abs[k] / n[k]);
      rmse.add(n[k] == 0 ? Double.NaN : Math.sqrt(sq[k] / n[k]));
      mape.add(pctN[k] == 0 ? Double.NaN : pct[k] / pctN[k]);
      absAll += abs[k];
      sqAll += sq[k];
      pctAll += pct[k];
      nAll += n[k];
      pctNAll += pctN[k];
    }
    return new ForecastMetrics(
        nAll == 0 ? Double.NaN : absAll / nAll,
        nAll == 0 ? Double.NaN : Math.sqrt(sqAll / nAll),
        pctNAll == 0 ? Double.NaN : pctAll / pctNAll,
        mae,
        rmse,
        mape,
        nAll);
  }
}
