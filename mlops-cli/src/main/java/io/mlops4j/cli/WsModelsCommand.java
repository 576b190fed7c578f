package io.mlops4j.cli;

import io.mlops4j.release.AssetKind;
import io.mlops4j.release.MlRegistry;
import io.mlops4j.release.Model;
import io.mlops4j.release.ModelQuery;
import io.mlops4j.release.ModelSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops ws models}: register, list, show, archive and download model versions. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "Register, list, show, archive and download model versions.",
    subcommands = {
      WsModelsCommand.Register.class,
      WsModelsCommand.ListModels.class,
      WsModelsCommand.Show.class,
      WsModelsCommand.Archive.class,
      WsModelsCommand.Download.class
    })
final class WsModelsCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a models subcommand");
  }

  /** {@code mlops ws models register}: a new version with the next integer version. */
  @Command(
      name = "register",
      mixinStandardHelpOptions = true,
      description =
          "Register a file or directory as the next version of a model (versions are 1, 2, 3..."
              + " per name, never reused).")
  static final class Register implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "NAME",
        description = "Model name, e.g. lstm_P001_C001.")
    String name;

    @Option(
        names = "--path",
        required = true,
        paramLabel = "PATH",
        description = "The artifact: a file or directory.")
    Path path;

    @Option(
        names = "--tag",
        paramLabel = "KEY=VALUE",
        converter = KeyValue.Converter.class,
        description = "A searchable tag; repeat for more.")
    List<KeyValue> tags;

    @Option(
        names = "--property",
        paramLabel = "KEY=VALUE",
        converter = KeyValue.Converter.class,
        description = "An immutable property; repeat for more.")
    List<KeyValue> properties;

    @Option(
        names = "--description",
        defaultValue = "",
        paramLabel = "TEXT",
        description = "Free text.")
    String description;

    @Override
    public Integer call() {
      ModelSpec model =
          new ModelSpec(
              name,
              path,
              description,
              KeyValue.toMap(spec, "--tag", tags),
              KeyValue.toMap(spec, "--property", properties));
      try (WsOptions.Opened<MlRegistry> target = ws.openAssets()) {
        Model registered = target.target().registerModel(model);
        PrintWriter out = spec.commandLine().getOut();
        if (ws.json) {
          WsViews.print(out, WsViews.model(target, registered), true);
        } else {
          out.printf(
              "registered %s version %d in %s (%s)%n",
              registered.name(),
              registered.version(),
              target.name(),
              WsViews.ref(
                  target,
                  AssetKind.MODEL,
                  registered.name(),
                  Integer.toString(registered.version())));
          out.flush();
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code mlops ws models list}: versions, newest first, filtered by name and tags. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List model versions (newest first within a name), filtered by name and tags; archived"
              + " versions only with --include-archived.")
  static final class ListModels implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Option(
        names = "--name",
        defaultValue = "",
        paramLabel = "NAME",
        description = "Only this model.")
    String name;

    @Option(
        names = "--tag",
        paramLabel = "KEY=VALUE",
        converter = KeyValue.Converter.class,
        description = "Only versions with this tag value; repeat to require more.")
    List<KeyValue> tags;

    @Option(names = "--include-archived", description = "List archived versions too.")
    boolean includeArchived;

    @Override
    public Integer call() {
      ModelQuery query = new ModelQuery(name, KeyValue.toMap(spec, "--tag", tags), includeArchived);
      try (WsOptions.Opened<MlRegistry> target = ws.openAssets()) {
        String where = target.name();
        List<Model> models = target.target().listModels(query);
        Table table =
            includeArchived
                ? new Table("NAME", "VERSION", "CREATED_AT", "ARCHIVED", "TAGS")
                : new Table("NAME", "VERSION", "CREATED_AT", "TAGS");
        for (Model m : models) {
          if (includeArchived) {
            table.row(
                m.name(),
                m.version(),
                WsViews.time(m.createdAt()),
                m.archived(),
                WsViews.tags(m.tags()));
          } else {
            table.row(m.name(), m.version(), WsViews.time(m.createdAt()), WsViews.tags(m.tags()));
          }
        }
        WsViews.printList(
            spec.commandLine().getOut(),
            ws.json,
            models.stream().map(m -> WsViews.model(target, m)).toList(),
            table,
            "no models in "
                + where
                + (query.tags().isEmpty() && name.isEmpty() ? "" : " match the filters"));
      }
      return ExitCodes.OK;
    }
  }

  /** {@code mlops ws models show}: one version, the latest when none is given. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a model version; without :VERSION, the latest non-archived one.")
  static final class Show implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Parameters(
        paramLabel = "NAME[:VERSION]",
        description = "e.g. lstm_P001_C001 or lstm_P001_C001:3.")
    String model;

    @Override
    public Integer call() {
      AssetVersion ref = AssetVersion.parse(spec, model);
      int version = ref.hasVersion() ? ref.modelVersion(spec) : 0;
      try (WsOptions.Opened<MlRegistry> target = ws.openAssets()) {
        MlRegistry registry = target.target();
        Model found =
            version == 0
                ? registry.getLatestModel(ref.name())
                : registry.getModel(ref.name(), version);
        WsViews.print(spec.commandLine().getOut(), WsViews.model(target, found), ws.json);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code mlops ws models archive}: hide a version from default listings. */
  @Command(
      name = "archive",
      mixinStandardHelpOptions = true,
      description =
          "Archive a model version: it stays readable by version but leaves listings and is never"
              + " the latest.")
  static final class Archive implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Parameters(paramLabel = "NAME:VERSION", description = "e.g. lstm_P001_C001:3.")
    String model;

    @Override
    public Integer call() {
      AssetVersion ref = AssetVersion.parseExact(spec, model);
      int version = ref.modelVersion(spec);
      try (WsOptions.Opened<MlRegistry> target = ws.openAssets()) {
        Model archived = target.target().archiveModel(ref.name(), version);
        PrintWriter out = spec.commandLine().getOut();
        if (ws.json) {
          WsViews.print(out, WsViews.model(target, archived), true);
        } else {
          out.printf(
              "archived %s version %d in %s%n", archived.name(), archived.version(), target.name());
          out.flush();
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code mlops ws models download}: write a version's artifact, verified, into a directory. */
  @Command(
      name = "download",
      mixinStandardHelpOptions = true,
      description =
          "Download a model version's artifact into a new or empty directory, checking every file"
              + " against its digest.")
  static final class Download implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Parameters(paramLabel = "NAME:VERSION", description = "e.g. lstm_P001_C001:3.")
    String model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write.")
    Path out;

    @Override
    public Integer call() {
      AssetVersion ref = AssetVersion.parseExact(spec, model);
      int version = ref.modelVersion(spec);
      try (WsOptions.Opened<MlRegistry> target = ws.openAssets()) {
        MlRegistry registry = target.target();
        Model found = registry.getModel(ref.name(), version);
        Path written = registry.downloadModel(ref.name(), version, out);
        PrintWriter printer = spec.commandLine().getOut();
        if (ws.json) {
          Map<String, Object> view = new LinkedHashMap<>();
          view.put("target", registry.name());
          view.put("name", found.name());
          view.put("version", found.version());
          view.put("artifact_digest", found.artifactDigest());
          view.put("artifact_size", found.artifactSize());
          view.put("path", written.toString());
          WsViews.print(printer, view, true);
        } else {
          printer.printf(
              "downloaded %s version %d (%d bytes, %s) to %s%n",
              found.name(), found.version(), found.artifactSize(), found.artifactDigest(), written);
          printer.flush();
        }
      }
      return ExitCodes.OK;
    }
  }
}
