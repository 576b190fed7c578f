package io.mlops4j.cli;

import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.ConfigLoader;
import io.mlops4j.config.Hyperparameters;
import io.mlops4j.config.MlopsException;
import io.mlops4j.config.TrainingConfig;
import io.mlops4j.data.SensorSlice;
import io.mlops4j.data.SensorTable;
import io.mlops4j.model.EpochProgress;
import io.mlops4j.model.LstmTrainer;
import io.mlops4j.model.TrainedModel;
import io.mlops4j.model.TrainerThreads;
import io.mlops4j.model.TrainingControl;
import io.mlops4j.model.TrainingLineage;
import io.mlops4j.model.TrainingListener;
import io.mlops4j.model.TrainingSeries;
import io.mlops4j.model.TrainingSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops train}: train one circuit's LSTM locally and save the model directory. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train one circuit's LSTM forecaster on this machine (no registry): read the circuit's"
          + " config, its training slice of the sensor table (up to cutoff_date, rows with a null"
          + " feature left out), train, and save a model directory (TensorFlow SavedModel +"
          + " mlops-model.json).",
      "",
      "Progress goes to stderr; the validation metrics of the model and of the two naive"
          + " baselines go to stdout."
    })
final class TrainCommand implements Callable<Integer> {
  private static final int BAR = 30;
  private static final long EXIT_WAIT_SECONDS = 30;

  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "PLANT/CIRCUIT",
      description = "The circuit, e.g. P001/C001.")
  String circuit;

  @Option(names = "--root", required = true, description = "Config directory or repository root.")
  Path root;

  @Option(names = "--table", required = true, description = "The sensor table's directory.")
  Path table;

  @Option(names = "--out", required = true, description = "The model directory to create.")
  Path out;

  @Option(names = "--epochs", description = "Override the configured number of epochs.")
  Integer epochs;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "TensorFlow intra-op threads (default: 1, deterministic).")
  int threads;

  @Override
  public Integer call() {
    if (epochs != null && epochs < 1) {
      throw new ParameterException(spec.commandLine(), "--epochs must be at least 1");
    }
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    if (java.nio.file.Files.exists(out)) {
      throw new ParameterException(
          spec.commandLine(),
          "--out "
              + MlopsException.quote(out.toString())
              + " exists; choose a new directory (a model directory is never overwritten)");
    }
    CircuitRef ref = CircuitRef.parse(circuit);
    CircuitConfig config = new ConfigLoader().loadCircuit(root, ref);
    TrainingConfig training = config.training();
    SensorTable sensorTable = SensorTable.open(table);
    SensorSlice slice =
        sensorTable.trainingSlice(
            training.dataFilters().sensorId(),
            training.cutoffDate(),
            training.dataFilters().featureColumns());
    PrintWriter err = spec.commandLine().getErr();
    DataSliceCommand.printStats(err, slice);
    TrainingSeries series =
        TrainingSeries.of(
            slice.rows(),
            training.dataFilters().featureColumns(),
            training.dataFilters().targetColumn());
    TrainingLineage lineage =
        new TrainingLineage(
            "",
            "",
            slice.version(),
            SensorTable.fingerprint(slice),
            training.cutoffDate().toString(),
            sensorTable.location());
    TrainerThreads trainerThreads = new TrainerThreads(threads, 1);
    LstmTrainer trainer = LstmTrainer.of(training, trainerThreads, Clock.systemUTC());
    if (epochs != null) {
      Hyperparameters hp = training.hyperparameters().withEpochs(epochs);
      trainer = trainer.withHyperparameters(hp);
    }
    TrainingListener bar =
        new TrainingListener() {
          @Override
          public void onEpoch(EpochProgress p) {
            progress(err, p);
          }

          @Override
          public void onEpochsEnd(int epochsRun) {
            // end the bar's line before the trainer logs its milestone on stderr
            err.println();
            err.flush();
          }
        };
    // Ctrl-C (or SIGTERM) cancels training at the next mini-batch, and a save in progress is
    // finished before the JVM exits, so no temporary directory is left behind.
    TrainingControl control = new TrainingControl();
    CountDownLatch finished = new CountDownLatch(1);
    Thread cancelOnExit =
        new Thread(
            () -> {
              control.cancel();
              try {
                finished.await(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "mlops-train-cancel");
    Runtime.getRuntime().addShutdownHook(cancelOnExit);
    try {
      TrainedModel model;
      try {
        model = trainer.train(new TrainingSet(ref, series, lineage), bar, control);
      } catch (MlopsException e) {
        if (!control.isCancelled()) {
          throw e;
        }
        err.println("interrupted: " + e.getMessage() + "; nothing was written");
        err.flush();
        return ExitCodes.INTERRUPTED;
      }
      model.save(out);
      PrintWriter stdout = spec.commandLine().getOut();
      ModelInspectCommand.printSummary(stdout, model.metadata());
      stdout.printf("saved %s%n", out);
      stdout.flush();
      return ExitCodes.OK;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(cancelOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting and the hook is running; it returns now that training is over
      }
    }
  }

  private static void progress(PrintWriter err, EpochProgress p) {
    int filled = (int) Math.round(BAR * (double) p.epoch() / p.maxEpochs());
    err.printf(
        Locale.ROOT,
        "\repoch %d/%d [%s%s] loss %.4f val_loss %.4f %.1f s",
        p.epoch(),
        p.maxEpochs(),
        "=".repeat(filled),
        " ".repeat(BAR - filled),
        p.loss(),
        p.valLoss(),
        p.elapsed().toMillis() / 1000.0);
    err.flush();
  }
}
