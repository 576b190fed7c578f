package io.mlops4j.model;

/**
 * How the series was cut into windows.
 *
 * @param built windows built (each {@code sequence_length + forecast_horizon} consecutive rows at
 *     the inferred frequency)
 * @param skipped window positions left out because they would span a gap in the timestamps
 * @param train windows in the training part
 * @param validation windows in the validation part: those after the training part whose targets all
 *     come after the training part's last target row (with {@code forecast_horizon} H, the H - 1
 *     windows between the parts are in neither)
 */
public record WindowStats(int built, int skipped, int train, int validation) {}
