package io.mlops4j.release.azure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** What the blob tests do when Azurite is not installed: fail in CI, skip elsewhere. */
class AzuriteTest {
  @TempDir Path dir;

  @Test
  void missingAzuriteFailsWhenRequiredNamingTheInstallCommand() {
    assertThatThrownBy(() -> Azurite.start(dir, true, dir.resolve("data")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Azurite is not installed")
        .hasMessageContaining("npm install --prefix " + dir.resolve(".ci/azurite"));
  }

  @Test
  void missingAzuriteSkipsWhenNotRequired() {
    assertThatThrownBy(() -> Azurite.start(dir, false, dir.resolve("data")))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("Azurite is not installed");
  }
}
