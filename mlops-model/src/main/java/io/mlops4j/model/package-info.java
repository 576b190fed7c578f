/**
 * Per-circuit LSTM forecasting with TensorFlow Java: train a model on a circuit's sensor series,
 * evaluate it against naive baselines, save it as a TensorFlow SavedModel with metadata, load it
 * and forecast.
 *
 * <p>{@link io.mlops4j.model.LstmTrainer} turns a {@link io.mlops4j.model.TrainingSet} into a
 * {@link io.mlops4j.model.TrainedModel}; {@link
 * io.mlops4j.model.TrainedModel#save(java.nio.file.Path)} writes the model directory and {@link
 * io.mlops4j.model.Forecaster#load(java.nio.file.Path)} reads it back. No TensorFlow type appears
 * in this package's signatures; sessions and tensors are closed inside the methods that open them,
 * except the one session a {@link io.mlops4j.model.Forecaster} holds until it is closed.
 *
 * <p>Everything TensorFlow-specific lives in {@code io.mlops4j.model.internal}, which other modules
 * never import.
 */
package io.mlops4j.model;
