package io.mlops4j.monitoring.internal;

import io.mlops4j.monitoring.DriftStatistics;
import io.mlops4j.monitoring.JoinedForecasts;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG charts, drawn with XChart. */
final class ReportCharts {
  private static final Color ACTUAL = new Color(0x33, 0x33, 0x33);
  private static final Color FORECAST = new Color(0x1f, 0x77, 0xb4);
  private static final Color CURRENT = new Color(0xd6, 0x27, 0x28);

  private ReportCharts() {}

  /** Forecast vs actual of the smallest horizon step, in time order. */
  static byte[] forecast(String title, JoinedForecasts joined) throws IOException {
    int step = Arrays.stream(joined.horizonSteps()).min().orElse(1);
    Integer[] order =
        java.util.stream.IntStream.range(0, joined.size())
            .filter(i -> joined.horizonSteps()[i] == step)
            .boxed()
            .sorted(
                (a, b) -> Long.compare(joined.timestampMicros()[a], joined.timestampMicros()[b]))
            .toArray(Integer[]::new);
    List<Date> times = new ArrayList<>(order.length);
    List<Double> actual = new ArrayList<>(order.length);
    List<Double> predicted = new ArrayList<>(order.length);
    for (int i : order) {
      times.add(new Date(Math.floorDiv(joined.timestampMicros()[i], 1000)));
      actual.add(joined.actual()[i]);
      predicted.add(joined.predicted()[i]);
    }
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(320)
            .title(title + " (horizon step " + step + ")")
            .xAxisTitle("forecast time (UTC)")
            .yAxisTitle("value")
            .build();
    chart.getStyler().setDatePattern("MM-dd");
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    XYSeries a = chart.addSeries("actual", times, actual);
    a.setLineColor(ACTUAL);
    a.setMarker(SeriesMarkers.NONE);
    XYSeries p = chart.addSeries("forecast", times, predicted);
    p.setLineColor(FORECAST);
    p.setMarker(SeriesMarkers.NONE);
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  /** Baseline vs current proportions in the baseline's decile bins. */
  static byte[] histogram(String title, DriftStatistics statistics) throws IOException {
    List<String> bins = new ArrayList<>();
    for (int b = 1; b <= DriftMath.BINS; b++) {
      bins.add("D" + b);
    }
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(420)
            .height(280)
            .title(title)
            .xAxisTitle("baseline decile bin")
            .yAxisTitle("share")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setOverlapped(false);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart
        .addSeries("baseline", bins, boxed(statistics.baselineProportions()))
        .setFillColor(FORECAST);
    chart.addSeries("current", bins, boxed(statistics.currentProportions())).setFillColor(CURRENT);
    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
  }

  private static List<Double> boxed(double[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return list;
  }
}
