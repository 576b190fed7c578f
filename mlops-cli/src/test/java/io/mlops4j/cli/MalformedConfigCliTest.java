package io.mlops4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops4j.config.MalformedCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code mlops config validate} on every malformed config of mlops-config's tests: exit code 2 and
 * every expected problem line on stdout.
 */
class MalformedConfigCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  static Stream<MalformedCase> cases() {
    return MalformedCase.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validateExitsWithTwoAndPrintsEveryProblem(MalformedCase malformed, @TempDir Path root)
      throws IOException {
    malformed.buildTree(root);
    List<String> expected = malformed.expectedProblems(root);

    int exitCode = validate("--root", root.toString());

    assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(ExitCodes.INVALID_INPUT);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).containsSequence(expected);
    assertThat(lines).last().asString().matches(expected.size() + " problems? in \\d+ files?");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void validateWithJsonReportsEachProblemsFileLineColumnFieldAndMessage(@TempDir Path root)
      throws IOException {
    MalformedCase dropout =
        MalformedCase.all().stream()
            .filter(malformed -> malformed.name().equals("dropout-equal-to-one"))
            .findFirst()
            .orElseThrow();
    dropout.buildTree(root);

    int exitCode = validate("--root", root.toString(), "--json");

    assertThat(exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    JsonNode result = new ObjectMapper().readTree(out.toString());
    assertThat(result.path("valid").isBoolean()).isTrue();
    assertThat(result.path("valid").booleanValue()).isFalse();
    assertThat(result.path("config_dir").asText()).isEqualTo(root.resolve("config").toString());
    JsonNode problems = result.path("problems");
    assertThat(problems).hasSize(1);
    JsonNode problem = problems.get(0);
    assertThat(problem.path("file").asText())
        .isEqualTo(root.resolve("config/plants/P001/C001.yml").toString());
    assertThat(problem.path("line").intValue()).isEqualTo(9);
    assertThat(problem.path("column").intValue()).isEqualTo(14);
    assertThat(problem.path("field").asText()).isEqualTo("training.hyperparameters.dropout");
    assertThat(problem.path("message").asText())
        .isEqualTo("1.0 is out of range; expected 0 <= dropout < 1");
  }

  @Test
  void validateExitsWithZeroForTheValidBaseTree(@TempDir Path root) throws IOException {
    MalformedCase.copyBase(root);

    int exitCode = validate("--root", root.toString());

    assertThat(exitCode).as("exit code; stdout: %s", out).isEqualTo(ExitCodes.OK);
    assertThat(out.toString().strip())
        .isEqualTo("OK " + root.resolve("config") + ": 2 plants, 4 circuits");
  }

  @Test
  void findsAtLeastThirtyMalformedConfigs() {
    assertThat(MalformedCase.all()).hasSizeGreaterThanOrEqualTo(30);
  }

  private int validate(String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "config";
    args[1] = "validate";
    System.arraycopy(options, 0, args, 2, options.length);
    return MlopsCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
  }
}
