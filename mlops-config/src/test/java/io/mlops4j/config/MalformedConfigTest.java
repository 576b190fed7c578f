package io.mlops4j.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed config under {@code src/test/resources/malformed/cases} is rejected with the
 * exact problems (file, line, column, field path, message) listed in its {@code expected.txt}.
 */
class MalformedConfigTest {
  /**
   * Cases whose problem is the YAML text or the document as a whole, so a problem with a line may
   * have no field path. In every other case, each problem with a line names its field.
   */
  private static final Set<String> DOCUMENT_LEVEL_CASES =
      Set.of(
          "custom-tag",
          "document-not-a-mapping",
          "tab-indentation",
          "two-documents",
          "yaml-syntax-error");

  private final ConfigLoader loader = new ConfigLoader();

  static Stream<MalformedCase> cases() {
    return MalformedCase.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectsMalformedConfigWithExactProblems(MalformedCase malformed, @TempDir Path root)
      throws IOException {
    malformed.buildTree(root);
    List<String> expected = malformed.expectedProblems(root);

    assertThatThrownBy(() -> loader.load(root))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .map(ConfigProblem::toString)
                  .containsExactlyElementsOf(expected);
              assertThat(e.getMessage()).isEqualTo(String.join("\n", expected));
              for (ConfigProblem problem : e.problems()) {
                assertThat(problem.file()).startsWith(root.resolve("config").toString());
                assertThat(problem.line()).isGreaterThanOrEqualTo(0);
                if (problem.line() == 0) {
                  assertThat(problem.column()).as("column of a whole-file problem").isZero();
                  assertThat(problem.field()).as("field of a whole-file problem").isEmpty();
                } else {
                  assertThat(problem.column()).as("column of %s", problem).isPositive();
                  if (!DOCUMENT_LEVEL_CASES.contains(malformed.name())) {
                    assertThat(problem.field()).as("field path of %s", problem).isNotEmpty();
                  }
                }
              }
            });
  }

  @Test
  void loadsTheValidBaseTreeWithoutProblems(@TempDir Path root) throws IOException {
    MalformedCase.copyBase(root);

    ConfigTree tree = loader.load(root);

    assertThat(tree.master().plants()).hasSize(2);
    assertThat(tree.circuits())
        .extracting(circuit -> circuit.ref().toString())
        .containsExactly("P001/C001", "P001/C002", "P002/C001", "P002/C002");
    CircuitConfig withOptionalKeys = tree.circuit(CircuitRef.parse("P001/C001"));
    assertThat(withOptionalKeys.training().dataFilters().targetColumn()).isEqualTo("temperature");
    assertThat(withOptionalKeys.monitoring().performance().mae().critical()).isEqualTo(0.22);
    assertThat(withOptionalKeys.monitoring().drift().high()).isEqualTo(0.25);
  }

  @Test
  void coversAtLeastThirtyDistinctMalformedConfigs() throws IOException {
    List<MalformedCase> cases = MalformedCase.all();

    assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
    Path root = Path.of("{root}");
    for (MalformedCase malformed : cases) {
      assertThat(malformed.expectedProblems(root)).as(malformed.name()).isNotEmpty();
      try (Stream<Path> files = Files.walk(malformed.dir())) {
        assertThat(files.filter(Files::isRegularFile).count())
            .as("%s overrides, deletes or grows at least one file", malformed.name())
            .isGreaterThan(1);
      }
    }
    assertThat(cases)
        .extracting(malformed -> malformed.expectedProblems(root))
        .as("each case reports a different mistake")
        .doesNotHaveDuplicates();
  }
}
