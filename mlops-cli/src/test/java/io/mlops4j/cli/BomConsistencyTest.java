package io.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The BOM pins every module at the version the module itself declares, and the CLI knows them. */
class BomConsistencyTest {
  @Test
  void bomPinsEveryModuleAtItsOwnVersion() throws Exception {
    Map<String, String> modules = ReactorPoms.moduleVersions();
    modules.remove("mlops-bom");

    assertThat(ReactorPoms.bomVersions()).isEqualTo(modules);
  }

  @Test
  void versionCommandListsEveryModuleWithCode() throws Exception {
    Map<String, String> modules = ReactorPoms.moduleVersions();
    modules.remove("mlops-bom");

    assertThat(ModuleVersions.MODULES).containsExactlyInAnyOrderElementsOf(modules.keySet());
  }
}
