package io.mlops4j.release;

import io.mlops4j.config.TargetsConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** The {@link MlClientContract} run against the embedded local store. */
class LocalMlClientContractTest extends MlClientContract {
  @Override
  protected MlClient openClient(Path workDir, JobRunner runner) {
    return MlClients.local(
        workDir.resolve("store"),
        TargetsConfig.localDefaults(),
        runner,
        new PollSettings(Duration.ofMillis(1), 2.0, Duration.ofMillis(50)),
        Clock.systemUTC());
  }
}
