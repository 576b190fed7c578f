package io.mlops4j.model.internal;

/**
 * Windows in the layout the graph is fed: inputs {@code [count, T, F]} and targets {@code [count,
 * H]}, both standardized, row-major; plus each window's target row index in the series.
 *
 * @param x inputs, {@code count * T * F} values
 * @param y targets, {@code count * H} values
 * @param count number of windows
 * @param firstTargetRow for each window, the series row of its first forecast step
 */
public record Windows(float[] x, float[] y, int count, int[] firstTargetRow) {}
