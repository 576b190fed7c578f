package io.mlops4j.release.azure;

import java.nio.file.Path;
import java.util.List;

/**
 * The Azure ML stub for other modules' tests (the CLI's): an HTTPS ARM stub with Azurite, and a
 * builder wired to it with a static test credential. Packaged in the test-jar.
 */
public final class AzureStubFixture implements AutoCloseable {
  private final StubWorld world;
  private final ArmStub stub;

  private AzureStubFixture(StubWorld world, ArmStub stub) {
    this.world = world;
    this.stub = stub;
  }

  /**
   * Starts the stub and Azurite.
   *
   * @param dir a temporary directory for Azurite's data and the TLS certificate
   * @return the fixture; close it after the test
   * @throws Exception if the stub or Azurite cannot start
   */
  public static AzureStubFixture start(Path dir) throws Exception {
    StubWorld world = StubWorld.create(dir);
    return new AzureStubFixture(world, world.newStub());
  }

  /**
   * A builder pointing at the stub, with the test TLS, a static credential and fast polling.
   *
   * @return the builder; its targets are replaced by whoever builds the client
   */
  public AzureMlClientBuilder builder() {
    return world.builder(stub, new StubWorld.StaticCredential());
  }

  /**
   * Every swagger violation the stub saw.
   *
   * @return the violations; empty when the client behaved
   */
  public List<String> violations() {
    return stub.violations();
  }

  @Override
  public void close() {
    stub.close();
    world.close();
  }
}
