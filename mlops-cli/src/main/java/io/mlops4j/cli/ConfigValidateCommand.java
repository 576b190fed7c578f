package io.mlops4j.cli;

import io.mlops4j.config.ConfigException;
import io.mlops4j.config.ConfigLoader;
import io.mlops4j.config.ConfigProblem;
import io.mlops4j.config.ConfigTree;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops config validate}: checks a whole config tree and reports every problem. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Validate the master list and every circuit config; report every problem.")
final class ConfigValidateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--root",
      defaultValue = ".",
      description = "Repository root holding config/, or the config directory (default: .).")
  Path root;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path configDir;
    try {
      configDir = ConfigLoader.configDir(root);
    } catch (ConfigException e) {
      if (!json) {
        throw e; // no config tree at all: reported on stderr like other invalid input
      }
      print(out, root, null, e.problems());
      return ExitCodes.INVALID_INPUT;
    }
    ConfigTree tree = null;
    List<ConfigProblem> problems = List.of();
    try {
      tree = new ConfigLoader().load(root);
    } catch (ConfigException e) {
      problems = e.problems();
    }
    if (json) {
      print(out, configDir, tree, problems);
    } else if (problems.isEmpty()) {
      out.printf(
          "OK %s: %d plants, %d circuits%n",
          configDir, tree.master().plants().size(), tree.circuits().size());
    } else {
      problems.forEach(out::println);
      long files = problems.stream().map(ConfigProblem::file).distinct().count();
      out.printf(
          "%d problem%s in %d file%s%n",
          problems.size(), problems.size() == 1 ? "" : "s", files, files == 1 ? "" : "s");
    }
    out.flush();
    return problems.isEmpty() ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
  }

  private static void print(
      PrintWriter out, Path configDir, ConfigTree tree, List<ConfigProblem> problems) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("valid", problems.isEmpty());
    result.put("config_dir", configDir.toString());
    result.put("plants", tree == null ? null : tree.master().plants().size());
    result.put("circuits", tree == null ? null : tree.circuits().size());
    result.put("problems", problems.stream().map(ConfigValidateCommand::toMap).toList());
    out.println(Json.pretty(result));
    out.flush();
  }

  private static Map<String, Object> toMap(ConfigProblem p) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("file", p.file());
    map.put("line", p.line());
    map.put("column", p.column());
    map.put("field", p.field());
    map.put("message", p.message());
    return map;
  }
}
