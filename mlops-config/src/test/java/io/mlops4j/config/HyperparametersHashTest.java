package io.mlops4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the hash against vectors computed by the original Python tooling
 * (shared/reference-vectors/hyperparameters-hash.json, copied into test resources).
 */
class HyperparametersHashTest {

  static Stream<JsonNode> referenceCases() throws IOException {
    try (InputStream in =
        HyperparametersHashTest.class.getResourceAsStream(
            "/reference-vectors/hyperparameters-hash.json")) {
      JsonNode cases = new ObjectMapper().readTree(in).path("cases");
      assertThat(cases.size()).isGreaterThanOrEqualTo(5);
      return Stream.iterate(0, i -> i < cases.size(), i -> i + 1).map(cases::get);
    }
  }

  @ParameterizedTest
  @MethodSource("referenceCases")
  void matchesPythonToolingOnReferenceVectors(JsonNode vector) {
    Map<String, Object> hyperparameters = new LinkedHashMap<>();
    vector
        .path("hyperparameters")
        .fields()
        .forEachRemaining(
            e ->
                hyperparameters.put(
                    e.getKey(),
                    e.getValue().isIntegralNumber()
                        ? (Object) e.getValue().longValue()
                        : e.getValue().doubleValue()));

    assertThat(HyperparametersHash.pythonSortedItems(hyperparameters))
        .isEqualTo(vector.path("python_str_sorted_items").asText());
    assertThat(HyperparametersHash.of(hyperparameters))
        .isEqualTo(vector.path("md5_first8").asText());
  }

  @ParameterizedTest
  @CsvSource({
    "0.001, 0.001",
    "1e-05, 1e-05",
    "2.5e-06, 2.5e-06",
    "0.0001, 0.0001",
    "0.2, 0.2",
    "0.1, 0.1",
    "1.0, 1.0",
    "50.0, 50.0",
    "1e15, 1000000000000000.0",
    "1e16, 1e+16",
    "123456789.123, 123456789.123",
    "0.30000000000000004, 0.30000000000000004",
    "-0.35, -0.35",
    "1.7976931348623157e308, 1.7976931348623157e+308",
    "5e-324, 5e-324"
  })
  void rendersFloatsLikePythonRepr(double value, String python) {
    assertThat(HyperparametersHash.pythonFloat(value)).isEqualTo(python);
  }

  @Test
  void rendersIntegersStringsAndBooleansLikePython() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("window_normalization", "last_value");
    values.put("big", new BigInteger("123456789012345678901"));
    values.put("flag", true);
    values.put("quote", "it's");

    assertThat(HyperparametersHash.pythonSortedItems(values))
        .isEqualTo(
            "[('big', 123456789012345678901), ('flag', True), ('quote', \"it's\"),"
                + " ('window_normalization', 'last_value')]");
  }

  @Test
  void distinguishesIntegerZeroFromFloatZeroAsPythonDoes() {
    assertThat(HyperparametersHash.of(Map.of("dropout", 0L)))
        .isNotEqualTo(HyperparametersHash.of(Map.of("dropout", 0.0)));
  }

  @Test
  void hashesDeclaredKeysOfALoadedConfigFile() {
    ConfigTree tree = new ConfigLoader().load(java.nio.file.Path.of("../examples"));
    CircuitConfig circuit = tree.circuit(CircuitRef.parse("P001/C001"));

    // P001/C001 declares the design's six reference hyperparameters (vector 1 of the Python tool).
    assertThat(circuit.training().hyperparametersHash()).isEqualTo("6f543457");
  }

  @Test
  void rejectsValuesPythonConfigsCannotHold() {
    assertThatThrownBy(() -> HyperparametersHash.of(Map.of("x", List.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("numbers, strings or booleans");
  }
}
