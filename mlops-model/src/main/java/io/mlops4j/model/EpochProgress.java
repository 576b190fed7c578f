package io.mlops4j.model;

import java.time.Duration;

/**
 * Progress after one epoch.
 *
 * @param epoch the epoch just finished, from 1
 * @param maxEpochs the configured number of epochs (training may stop earlier)
 * @param loss mean training loss of the epoch (mean squared error, standardized target units)
 * @param valLoss validation loss after the epoch (same units)
 * @param elapsed time since training started
 */
public record EpochProgress(
    int epoch, int maxEpochs, double loss, double valLoss, Duration elapsed) {}
