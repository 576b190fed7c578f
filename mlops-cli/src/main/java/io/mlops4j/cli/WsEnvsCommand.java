package io.mlops4j.cli;

import io.mlops4j.release.AssetKind;
import io.mlops4j.release.Environment;
import io.mlops4j.release.EnvironmentSpec;
import io.mlops4j.release.MlRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops ws envs}: register, list and show environment versions. */
@Command(
    name = "envs",
    mixinStandardHelpOptions = true,
    description =
        "Register, list and show environment versions (image + conda file, or a build"
            + " context).",
    subcommands = {
      WsEnvsCommand.Register.class,
      WsEnvsCommand.ListEnvs.class,
      WsEnvsCommand.Show.class
    })
final class WsEnvsCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing an envs subcommand");
  }

  /** {@code mlops ws envs register}: from flags or from an az ml environment YAML file. */
  @Command(
      name = "register",
      description = {
        "Create an environment version, from flags:",
        "  --name N --version V (--image IMG [--conda-file FILE] | --build-context CTX)",
        "or from an az ml environment YAML file (name, version, image or build.path, conda_file"
            + " relative to the YAML, description, tags):",
        "  --file environment/environment.yml",
        "--tag and --description add to or override the file's values. Versions are immutable:"
            + " registering an existing version fails (exit 2)."
      })
  static final class Register implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--file", paramLabel = "FILE", description = "az ml environment YAML.")
    Path file;

    @Option(names = "--name", paramLabel = "N", description = "Environment name.")
    String name;

    @Option(
        names = "--version",
        paramLabel = "V",
        description = "The environment's version, e.g. 1.5.0 (this command has no -V).")
    String version;

    @Option(names = "--image", paramLabel = "IMG", description = "Base Docker image.")
    String image;

    @Option(
        names = "--conda-file",
        paramLabel = "FILE",
        description = "Conda file to add to the image.")
    Path condaFile;

    @Option(
        names = "--build-context",
        paramLabel = "CTX",
        description = "Docker build context (path or URI) instead of an image.")
    String buildContext;

    @Option(names = "--description", paramLabel = "TEXT", description = "Free text.")
    String description;

    @Option(
        names = "--tag",
        paramLabel = "KEY=VALUE",
        converter = KeyValue.Converter.class,
        description = "A tag; repeat for more.")
    List<KeyValue> tags;

    @Override
    public Integer call() {
      EnvironmentSpec environment = file == null ? fromFlags() : fromFile();
      try (WsOptions.Opened<MlRegistry> target = ws.openAssets()) {
        Environment created = target.target().createEnvironment(environment);
        PrintWriter out = spec.commandLine().getOut();
        if (ws.json) {
          WsViews.print(out, WsViews.environment(target, created), true);
        } else {
          out.printf(
              "registered environment %s version %s in %s (%s)%n",
              created.spec().name(),
              created.spec().version(),
              target.name(),
              WsViews.ref(
                  target, AssetKind.ENVIRONMENT, created.spec().name(), created.spec().version()));
          out.flush();
        }
      }
      return ExitCodes.OK;
    }

    private EnvironmentSpec fromFile() {
      List<String> clashing = new ArrayList<>();
      addIf(clashing, name != null, "--name");
      addIf(clashing, version != null, "--version");
      addIf(clashing, image != null, "--image");
      addIf(clashing, condaFile != null, "--conda-file");
      addIf(clashing, buildContext != null, "--build-context");
      if (!clashing.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(),
            "--file cannot be combined with "
                + String.join(", ", clashing)
                + "; edit the file, or register from flags without --file");
      }
      EnvironmentSpec read = EnvironmentYaml.read(file);
      Map<String, String> merged = new TreeMap<>(read.tags());
      merged.putAll(KeyValue.toMap(spec, "--tag", tags));
      return new EnvironmentSpec(
          read.name(),
          read.version(),
          read.image(),
          read.condaFile(),
          read.buildContext(),
          description == null ? read.description() : description,
          merged);
    }

    private EnvironmentSpec fromFlags() {
      List<String> missing = new ArrayList<>();
      addIf(missing, name == null, "--name");
      addIf(missing, version == null, "--version");
      if (!missing.isEmpty()) {
        throw new ParameterException(
            spec.commandLine(),
            "Missing " + String.join(" and ", missing) + " (or give --file environment.yml)");
      }
      if ((image == null) == (buildContext == null)) {
        throw new ParameterException(
            spec.commandLine(), "Give exactly one of --image and --build-context");
      }
      if (condaFile != null && image == null) {
        throw new ParameterException(
            spec.commandLine(), "--conda-file goes with --image, not with --build-context");
      }
      return new EnvironmentSpec(
          name,
          version,
          image == null ? "" : image,
          condaFile == null ? "" : EnvironmentYaml.readCondaFile(condaFile),
          buildContext == null ? "" : buildContext,
          description == null ? "" : description,
          KeyValue.toMap(spec, "--tag", tags));
    }

    private static void addIf(List<String> list, boolean condition, String option) {
      if (condition) {
        list.add(option);
      }
    }
  }

  /** {@code mlops ws envs list}: environment versions, newest first within a name. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List environment versions, newest first within a name.")
  static final class ListEnvs implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Option(
        names = "--name",
        defaultValue = "",
        paramLabel = "N",
        description = "Only this environment.")
    String name;

    @Override
    public Integer call() {
      try (WsOptions.Opened<MlRegistry> target = ws.openAssets()) {
        String where = target.name();
        List<Environment> environments = target.target().listEnvironments(name);
        Table table = new Table("NAME", "VERSION", "IMAGE_OR_BUILD", "CREATED_AT", "TAGS");
        for (Environment e : environments) {
          EnvironmentSpec s = e.spec();
          table.row(
              s.name(),
              s.version(),
              s.image().isEmpty() ? "build: " + s.buildContext() : s.image(),
              WsViews.time(e.createdAt()),
              WsViews.tags(s.tags()));
        }
        WsViews.printList(
            spec.commandLine().getOut(),
            ws.json,
            environments.stream().map(e -> WsViews.environment(target, e)).toList(),
            table,
            "no environments in " + where);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code mlops ws envs show}: one environment version. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show an environment version, conda file included.")
  static final class Show implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Parameters(paramLabel = "NAME:VERSION", description = "e.g. mlops4j-lstm-forecasting:1.5.0.")
    String environment;

    @Override
    public Integer call() {
      AssetVersion ref = AssetVersion.parseExact(spec, environment);
      try (WsOptions.Opened<MlRegistry> target = ws.openAssets()) {
        Environment found = target.target().getEnvironment(ref.name(), ref.version());
        WsViews.print(spec.commandLine().getOut(), WsViews.environment(target, found), ws.json);
      }
      return ExitCodes.OK;
    }
  }
}
