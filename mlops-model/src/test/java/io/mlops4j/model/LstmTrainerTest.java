package io.mlops4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mlops4j.config.Hyperparameters;
import io.mlops4j.config.MlopsException;
import io.mlops4j.config.WindowNormalization;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LstmTrainerTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  /** Tiny: 8 units, 2 epochs, 12 steps. */
  static Hyperparameters tiny() {
    return new Hyperparameters(
        12, 8, 0.1, 0.01, 32, 2, 2, 0.2, 0, 42, 1, WindowNormalization.LAST_VALUE);
  }

  static LstmTrainer trainer(Hyperparameters hp) {
    return new LstmTrainer(hp, TrainerThreads.single(), CLOCK);
  }

  @Test
  void trainsAndRecordsMetadataMetricsAndBaselines() {
    List<EpochProgress> progress = new ArrayList<>();
    TrainedModel model =
        trainer(tiny())
            .train(
                GeneratedSeries.set(GeneratedSeries.hourly(400, 1)),
                progress::add,
                new TrainingControl());

    ModelMetadata m = model.metadata();
    assertThat(progress).extracting(EpochProgress::epoch).containsExactly(1, 2);
    assertThat(progress).allSatisfy(p -> assertThat(p.loss()).isFinite().isPositive());
    assertThat(m.circuit()).isEqualTo(GeneratedSeries.CIRCUIT);
    assertThat(m.featureColumns()).containsExactly("load", "hour");
    assertThat(m.targetColumn()).isEqualTo("load");
    assertThat(m.frequency()).hasHours(1);
    assertThat(m.createdAt()).isEqualTo(CLOCK.instant());
    assertThat(m.hyperparametersHash()).hasSize(8);
    // 400 rows, windows of 12 + 2 rows: 387, no gaps; floor(387 * 0.8) = 309 train, the last one
    // with targets at rows 320-321; window 309 (targets 321-322) would reuse row 321 as a target,
    // so validation starts at window 310: 77 windows
    assertThat(m.windows()).isEqualTo(new WindowStats(387, 0, 309, 77));
    ValidationReport v = m.validation();
    assertThat(v.epochsRun()).isEqualTo(2);
    assertThat(v.seasonalPeriod()).isEqualTo(24);
    assertThat(v.model().maeByStep()).hasSize(2);
    assertThat(v.model().points()).isEqualTo(77 * 2);
    assertThat(v.lastValue().points()).isEqualTo(77 * 2);
    assertThat(v.seasonalNaive().points()).isEqualTo(77 * 2);
    assertThat(v.model().mae()).isFinite().isPositive();
    assertThat(v.model().rmse()).isGreaterThanOrEqualTo(v.model().mae());
    assertThat(m.tensorflowVersion()).contains("tensorflow-java");
  }

  @org.junit.jupiter.api.RepeatedTest(3)
  void sameDataHyperparametersAndSeedGiveBitIdenticalWeights() {
    TrainingSet set = GeneratedSeries.set(GeneratedSeries.hourly(300, 2));
    List<float[]> first = trainer(tiny()).train(set).weights();
    List<float[]> second = trainer(tiny()).train(set).weights();
    List<float[]> otherSeed = trainer(tiny().withSeed(43)).train(set).weights();

    assertThat(first).hasSameSizeAs(second);
    for (int i = 0; i < first.size(); i++) {
      assertThat(Arrays.equals(first.get(i), second.get(i))).as("weight tensor %d", i).isTrue();
    }
    assertThat(Arrays.equals(first.get(0), otherSeed.get(0))).isFalse();
  }

  @Test
  void trainersOnParallelThreadsGiveTheSameWeightsAsOneAtATime() throws Exception {
    TrainingSet first = GeneratedSeries.set(GeneratedSeries.hourly(300, 7));
    TrainingSet second = GeneratedSeries.set(GeneratedSeries.hourly(300, 8));
    LstmTrainer trainer = trainer(tiny());
    List<float[]> firstAlone = trainer.train(first).weights();
    List<float[]> secondAlone = trainer.train(second).weights();

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<float[]>> a = pool.submit(() -> trainer.train(first).weights());
      Future<List<float[]>> b = pool.submit(() -> trainer.train(second).weights());
      List<float[]> firstParallel = a.get();
      List<float[]> secondParallel = b.get();
      for (int i = 0; i < firstAlone.size(); i++) {
        assertThat(Arrays.equals(firstAlone.get(i), firstParallel.get(i)))
            .as("first set, weight tensor %d", i)
            .isTrue();
        assertThat(Arrays.equals(secondAlone.get(i), secondParallel.get(i)))
            .as("second set, weight tensor %d", i)
            .isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void earlyStoppingStopsAfterPatienceAndKeepsTheBestEpoch() {
    Hyperparameters hp = tiny().withEpochs(40).withOptimizer(16, 0.05).withRegularization(0.0, 2);
    List<EpochProgress> progress = new ArrayList<>();
    TrainingSeries series = GeneratedSeries.hourly(300, 3);
    TrainedModel model =
        trainer(hp).train(GeneratedSeries.set(series), progress::add, new TrainingControl());

    ValidationReport v = model.metadata().validation();
    assertThat(v.epochsRun()).isLessThan(40).isEqualTo(v.bestEpoch() + 2);
    assertThat(progress).hasSize(v.epochsRun());
    double bestValLoss = progress.stream().mapToDouble(EpochProgress::valLoss).min().orElseThrow();
    assertThat(progress.get(v.bestEpoch() - 1).valLoss()).isEqualTo(bestValLoss);
    // the kept weights are the best epoch's: their validation RMSE (original units) is the best
    // validation loss (standardized MSE) scaled back
    double std = model.metadata().scaler().stds().get(0);
    assertThat(v.model().rmse()).isCloseTo(Math.sqrt(bestValLoss) * std, within(1e-3 * std));
  }

  @Test
  void cancellationStopsTrainingWithAClearError() {
    TrainingControl control = new TrainingControl();
    Hyperparameters hp = tiny().withEpochs(5);
    List<String> events = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onEpoch(EpochProgress progress) {
            events.add("epoch " + progress.epoch());
            control.cancel();
          }

          @Override
          public void onEpochsEnd(int epochsRun) {
            events.add("end " + epochsRun);
          }
        };
    assertThatThrownBy(
            () ->
                trainer(hp)
                    .train(GeneratedSeries.set(GeneratedSeries.hourly(300, 4)), listener, control))
        .isInstanceOf(MlopsException.class)
        .hasMessage("training P001/C001 was cancelled after 1 completed epochs");
    assertThat(events).containsExactly("epoch 1", "end 1");
  }

  @Test
  void listenerHearsTheEndOfTheEpochsOnceAfterEarlyStopping() {
    Hyperparameters hp = tiny().withEpochs(40).withOptimizer(16, 0.05).withRegularization(0.0, 2);
    List<String> events = new ArrayList<>();
    TrainedModel model =
        trainer(hp)
            .train(
                GeneratedSeries.set(GeneratedSeries.hourly(300, 3)),
                new TrainingListener() {
                  @Override
                  public void onEpoch(EpochProgress progress) {
                    events.add("epoch");
                  }

                  @Override
                  public void onEpochsEnd(int epochsRun) {
                    events.add("end " + epochsRun);
                  }
                },
                new TrainingControl());
    int run = model.metadata().validation().epochsRun();
    assertThat(run).isLessThan(40);
    assertThat(events).hasSize(run + 1).last().isEqualTo("end " + run);
  }

  @Test
  void standardizationIsFittedOnTheTrainingPartOnly() {
    TrainingSeries series = GeneratedSeries.hourly(300, 5, 250, 100.0);
    TrainedModel model = trainer(tiny().withEpochs(1)).train(GeneratedSeries.set(series));

    // windows: 300 - 14 + 1 = 287; train 229; the last train window ends at row 228 + 13 = 241
    double[] load = Arrays.copyOf(series.features()[0], 242);
    double mean = Arrays.stream(load).average().orElseThrow();
    double var = Arrays.stream(load).map(x -> (x - mean) * (x - mean)).sum() / load.length;
    FeatureScaler scaler = model.metadata().scaler();
    assertThat(scaler.means().get(0)).isCloseTo(mean, within(1e-9));
    assertThat(scaler.stds().get(0)).isCloseTo(Math.sqrt(var), within(1e-9));
  }

  @Test
  void windowsNeverSpanAGapAndSkippedWindowsAreCounted() {
    TrainingSeries full = GeneratedSeries.hourly(200, 6);
    // drop rows 100..102: a gap of 3 hours
    TrainingSeries before = GeneratedSeries.rows(full, 0, 100);
    TrainingSeries after = GeneratedSeries.rows(full, 103, 200);
    long[] ts = concat(before.timestampMicros(), after.timestampMicros());
    double[][] f = {
      concat(before.features()[0], after.features()[0]),
      concat(before.features()[1], after.features()[1])
    };
    TrainingSeries gappy = new TrainingSeries(ts, full.featureColumns(), f, "load");
    TrainedModel model = trainer(tiny().withEpochs(1)).train(GeneratedSeries.set(gappy));

    // 197 rows, span 14: 184 positions; 13 of them contain the step 99 -> 103
    assertThat(model.metadata().windows().built()).isEqualTo(171);
    assertThat(model.metadata().windows().skipped()).isEqualTo(13);
    assertThat(model.metadata().frequency()).hasHours(1);
  }

  @Test
  void fewerRowsThanOneWindowSaysHowManyAreNeeded() {
    assertThatThrownBy(
            () -> trainer(tiny()).train(GeneratedSeries.set(GeneratedSeries.hourly(10, 7))))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith(
            "training P001/C001 needs at least 14 rows (sequence_length 12 + forecast_horizon 2)"
                + " but only 10 are available");
  }

  @Test
  void nonFiniteValuesAreRejectedNamingColumnAndRow() {
    TrainingSeries series = GeneratedSeries.hourly(100, 8);
    series.features()[1][17] = Double.NaN;
    assertThatThrownBy(() -> trainer(tiny()).train(GeneratedSeries.set(series)))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("column 'hour' is NaN at row 17 (2025-01-01T17:00:00Z)");
    series.features()[1][17] = Double.POSITIVE_INFINITY;
    assertThatThrownBy(() -> trainer(tiny()).train(GeneratedSeries.set(series)))
        .hasMessageContaining("column 'hour' is Infinity at row 17");
  }

  @Test
  void targetMustBeAFeature() {
    TrainingSeries s = GeneratedSeries.hourly(50, 9);
    assertThatThrownBy(
            () -> new TrainingSeries(s.timestampMicros(), s.featureColumns(), s.features(), "temp"))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining(
            "target column 'temp' is not one of the feature columns [load, hour]");
  }

  private static long[] concat(long[] a, long[] b) {
    long[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
