package io.mlops4j.cli;

import io.mlops4j.config.ChangeDetector;
import io.mlops4j.config.ChangeReportFormat;
import io.mlops4j.config.ChangeSet;
import io.mlops4j.config.ChangedPath;
import io.mlops4j.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlops config changes}: the circuits a pull request changed, for the training matrix. */
@Command(
    name = "changes",
    mixinStandardHelpOptions = true,
    description = {
      "List the circuits a pull request changed (to train), the deleted ones (never trained) and"
          + " changes to shared files.",
      "Compares the merge base of --base and --head, or classifies a list of changed paths"
          + " (git diff --name-status) against the working tree."
    })
final class ConfigChangesCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--repo", defaultValue = ".", description = "The git repository (default: .).")
  Path repo;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--base", description = "Base revision, e.g. origin/main.")
    String base;

    @Option(
        names = "--paths",
        paramLabel = "FILE",
        description = "File of changed paths, as git diff --name-status prints them ('-' = stdin).")
    String paths;
  }

  @Option(names = "--head", defaultValue = "HEAD", description = "Head revision (default: HEAD).")
  String head;

  @Option(
      names = "--format",
      defaultValue = "json",
      description = "json, matrix (Azure DevOps matrix object) or vso (logging commands).")
  String format;

  @Option(
      names = "--config-dir",
      defaultValue = "config",
      description = "Config directory relative to the repository (default: config).")
  String configDir;

  @Option(
      names = "--shared",
      split = ",",
      defaultValue = "environment/",
      description =
          "Paths affecting every circuit; directories end with '/' (default: environment/).")
  List<String> shared;

  @Override
  public Integer call() throws IOException {
    ChangeReportFormat reportFormat = parseFormat();
    ChangeDetector detector = new ChangeDetector(new ConfigLoader(), configDir, shared);
    ChangeSet changes =
        source.base != null
            ? detector.detect(repo, source.base, head)
            : detector.detect(repo, ChangedPath.parseNameStatus(readPaths()));
    spec.commandLine().getOut().print(reportFormat.render(changes));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private ChangeReportFormat parseFormat() {
    try {
      return ChangeReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--format '" + format + "' is not supported; expected json, matrix or vso");
    }
  }

  private List<String> readPaths() throws IOException {
    if (source.paths.equals("-")) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
          .lines()
          .toList();
    }
    try {
      return Files.readAllLines(Path.of(source.paths), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--paths file '"
              + source.paths
              + "' cannot be read ("
              + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.toString())
              + "); pass the output of git diff --name-status, or '-' for standard input");
    }
  }
}
