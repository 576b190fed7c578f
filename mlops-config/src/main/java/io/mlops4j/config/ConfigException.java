package io.mlops4j.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Invalid configuration: carries every problem found, one per line of the message.
 *
 * <p>Validation does not stop at the first problem, so a user fixes a whole file at once.
 */
public final class ConfigException extends MlopsException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  /**
   * Creates an exception for the given problems.
   *
   * @param problems the problems found, at least one
   */
  public ConfigException(List<ConfigProblem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * Returns the problems, in file and line order.
   *
   * @return the problems, never empty
   */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String render(List<ConfigProblem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
  }
}
