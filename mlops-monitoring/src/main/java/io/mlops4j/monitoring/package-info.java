/**
 * Monitoring of per-circuit forecasting models: how accurate forecasts were ({@link
 * io.mlops4j.monitoring.ForecastMetrics}), how far recent inputs drifted from the training data
 * ({@link io.mlops4j.monitoring.DriftStatistics}), the status each circuit's thresholds give, the
 * alerts raised and the HTML report.
 */
package io.mlops4j.monitoring;
