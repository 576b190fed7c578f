package io.mlops4j.release.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops4j.release.JobRunner;
import io.mlops4j.release.MlClient;
import io.mlops4j.release.MlClientContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@link MlClientContract} run against the Azure backend on the ARM stub, with artifacts in
 * Azurite. Jobs on the stub do not run the runner (Azure runs them), so the runner-driven tests are
 * skipped; every request and response is checked against the swagger after each test.
 */
@ExtendWith(StubWorld.Resolver.class)
class AzureMlClientContractTest extends MlClientContract {
  private final StubWorld world;
  private ArmStub stub;

  AzureMlClientContractTest(StubWorld world) {
    this.world = world;
  }

  @Override
  protected MlClient openClient(Path workDir, JobRunner runner) {
    try {
      stub = world.newStub();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return world.builder(stub, new StubWorld.StaticCredential()).buildClient();
  }

  @Override
  protected boolean jobsRunTheRunner() {
    return false;
  }

  @AfterEach
  void everyRequestAndResponseMatchedTheSwagger() {
    try {
      assertThat(stub.violations()).as("swagger violations").isEmpty();
    } finally {
      stub.close();
    }
  }
}
