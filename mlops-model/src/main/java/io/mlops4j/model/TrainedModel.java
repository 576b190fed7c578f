package io.mlops4j.model;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.InvalidInputException;
import io.mlops4j.config.MlopsException;
import io.mlops4j.model.internal.LstmShape;
import io.mlops4j.model.internal.MetadataJson;
import io.mlops4j.model.internal.ModelErrors;
import io.mlops4j.model.internal.Network;
import io.mlops4j.model.internal.Tensors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A trained forecaster's weights and metadata, in memory. Save it with {@link #save(Path)}, or
 * forecast with it directly through {@link #forecaster(TrainerThreads)}. Immutable.
 */
public final class TrainedModel {
  /** The metadata file in a model directory. */
  public static final String METADATA_FILE = "mlops-model.json";

  private final ModelMetadata metadata;
  private final List<float[]> weights;

  TrainedModel(ModelMetadata metadata, List<float[]> weights) {
    this.metadata = requireNonNull(metadata, "metadata");
    List<float[]> copy = new ArrayList<>();
    weights.forEach(w -> copy.add(w.clone()));
    this.weights = List.copyOf(copy);
  }

  /**
   * Returns the model's metadata.
   *
   * @return provenance, scaler, validation metrics
   */
  public ModelMetadata metadata() {
    return metadata;
  }

  /** Returns copies of the weights, in the graph's variable order (for tests). */
  List<float[]> weights() {
    List<float[]> copy = new ArrayList<>();
    weights.forEach(w -> copy.add(w.clone()));
    return copy;
  }

  /**
   * Opens a forecaster on the in-memory weights; it forecasts exactly as the saved model does.
   *
   * @param threads TensorFlow thread pools
   * @return the forecaster; close it when done
   */
  public Forecaster forecaster(TrainerThreads threads) {
    return new Forecaster(null, metadata, network(threads));
  }

  /**
   * Writes the model directory: a TensorFlow SavedModel (tag {@code serve}, signature {@code
   * serving_default} with float32 input {@code input} {@code [?, sequence_length, n_features]} of
   * standardized features and output {@code forecast} {@code [?, forecast_horizon]} of the
   * standardized target) and {@value #METADATA_FILE}. Written to a temporary sibling directory
   * first and renamed, so readers never see half a model.
   *
   * @param dir the directory to create; it must not exist
   * @throws MlopsException if the directory exists or cannot be written
   */
  public void save(Path dir) {
    Path target = dir.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      throw new InvalidInputException(ModelErrors.outputExists(dir));
    }
    Path parent = target.getParent();
    Path tmp =
        parent.resolve(
            "."
                + target.getFileName()
                + ".tmp-"
                + ProcessHandle.current().pid()
                + "-"
                + System.nanoTime());
    try {
      Files.createDirectories(parent);
      try (Network network = network(TrainerThreads.single())) {
        network.export(tmp);
      }
      Files.writeString(
          tmp.resolve(METADATA_FILE), MetadataJson.write(metadata), StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      if (e instanceof MlopsException m) {
        throw m;
      }
      throw new MlopsException(ModelErrors.saveFailed(dir) + ": " + e.getMessage(), e);
    }
  }

  private Network network(TrainerThreads threads) {
    return Network.build(
        shape(metadata),
        metadata.hyperparameters().windowNormalization(),
        weights,
        Tensors.config(threads.intraOp(), threads.interOp()));
  }

  static LstmShape shape(ModelMetadata m) {
    return new LstmShape(
        m.hyperparameters().sequenceLength(),
        m.featureColumns().size(),
        m.hyperparameters().lstmUnits(),
        m.hyperparameters().lstmLayers(),
        m.hyperparameters().forecastHorizon(),
        m.targetIndex());
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a leftover temporary directory is harmless and named as such
    }
  }
}
