package io.mlops4j.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private final AlertRules rules = new AlertRules(Clock.fixed(NOW, ZoneOffset.UTC));

  private static JobRecord training(int i, Instant ended) {
    return new JobRecord("train-" + i, JobRecord.Kind.TRAINING, "P001", "C00" + i, true, ended, "");
  }

  @Test
  void sixTrainingFailuresInADayRaiseOneAlertFiveDoNot() {
    List<JobRecord> jobs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      jobs.add(training(i, NOW.minusSeconds(3600L * i)));
    }
    jobs.add(training(9, NOW.minusSeconds(3600L * 30))); // outside the 24 h window

    assertThat(rules.listAlerts(jobs)).isEmpty();

    jobs.add(training(6, NOW.minusSeconds(60)));
    List<Alert> alerts = rules.listAlerts(jobs);
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo(AlertRule.TRAINING_FAILURE_RATE);
              assertThat(a.values()).containsEntry("failures", 6.0);
            });
  }

  @Test
  void eachFailedBatchJobRaisesAnAlertWithAStableKey() {
    JobRecord failed =
        new JobRecord("score-1", JobRecord.Kind.BATCH_SCORING, "P002", "C001", true, NOW, "OOM");
    JobRecord ok =
        new JobRecord("score-2", JobRecord.Kind.BATCH_SCORING, "P002", "C002", false, NOW, "");

    List<Alert> first = rules.listAlerts(List.of(failed, ok));
    List<Alert> again = rules.listAlerts(List.of(failed, ok));

    assertThat(first)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.rule()).isEqualTo(AlertRule.BATCH_JOB_FAILURE);
              assertThat(a.plantId()).isEqualTo("P002");
              assertThat(a.message())
                  .isEqualTo("batch scoring job score-1 failed at " + NOW + ": OOM");
            });
    assertThat(again.get(0).dedupKey()).isEqualTo(first.get(0).dedupKey());
  }
}
