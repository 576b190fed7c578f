package io.mlops4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schemas under docs/ (for editors) are the ones the jar validates with. */
class PublishedSchemaTest {
  @ParameterizedTest
  @ValueSource(strings = {"circuit.schema.json", "plants-circuits.schema.json"})
  void docsCopyIsIdenticalToTheSchemaInTheJar(String name) throws IOException {
    byte[] inJar;
    try (InputStream in = ConfigLoader.class.getResourceAsStream("schema/" + name)) {
      assertThat(in).as("schema %s in the jar", name).isNotNull();
      inJar = in.readAllBytes();
    }

    assertThat(Files.readAllBytes(Path.of("../docs/schema").resolve(name)))
        .as("docs/schema/%s must be a copy of the jar's schema; copy it over", name)
        .isEqualTo(inJar);
  }
}
