package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.internal.LocalStore;
import java.nio.file.Path;
import java.time.Clock;

/** Creates {@link MlClient}s. */
public final class MlClients {
  private MlClients() {}

  /**
   * Opens the embedded local store, creating or migrating it.
   *
   * @param storeDir the store's directory, such as {@code .mlops}
   * @param targets the targets it serves; {@link TargetsConfig#localDefaults()} for dev, test, prod
   *     and shared
   * @param runner runs jobs invoked on deployments
   * @param poll backoff for {@link MlWorkspace#waitForJob}
   * @param clock the time source for timestamps
   * @return the client; close it when done
   */
  public static LocalMlClient local(
      Path storeDir, TargetsConfig targets, JobRunner runner, PollSettings poll, Clock clock) {
    requireNonNull(storeDir, "storeDir");
    requireNonNull(targets, "targets");
    requireNonNull(runner, "runner");
    requireNonNull(poll, "poll");
    requireNonNull(clock, "clock");
    return new LocalMlClient(new LocalStore(storeDir, targets, runner, poll, clock));
  }

  /**
   * Starts building a client of the Azure ML backend, for the Azure targets of {@code
   * workspaces.yml}.
   *
   * @return a builder; set its targets, then {@code buildClient()}
   */
  public static io.mlops4j.release.azure.AzureMlClientBuilder azure() {
    return new io.mlops4j.release.azure.AzureMlClientBuilder();
  }

  /**
   * Opens the embedded local store with the default targets, a runner that fails every job (no
   * scoring runner is installed), default polling and the system clock.
   *
   * @param storeDir the store's directory
   * @return the client; close it when done
   */
  public static LocalMlClient local(Path storeDir) {
    return local(
        storeDir,
        TargetsConfig.localDefaults(),
        context -> {
          throw new IllegalStateException(
              "no job runner is installed in this local store; install mlops-scoring's runner");
        },
        PollSettings.defaults(),
        Clock.systemUTC());
  }
}
