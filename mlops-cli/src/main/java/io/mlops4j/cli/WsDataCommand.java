package io.mlops4j.cli;

import io.mlops4j.release.DataAsset;
import io.mlops4j.release.MlRegistry;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops ws data}: list and show data asset versions. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description =
        "List and show data asset versions (training pipelines register them; the version is the"
            + " cutoff date).",
    subcommands = {WsDataCommand.ListData.class, WsDataCommand.Show.class})
final class WsDataCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a data subcommand");
  }

  /** {@code mlops ws data list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List data asset versions, newest first within a name.")
  static final class ListData implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Option(
        names = "--name",
        defaultValue = "",
        paramLabel = "N",
        description = "Only this data asset.")
    String name;

    @Override
    public Integer call() {
      try (WsOptions.Opened<MlRegistry> target = ws.openAssets()) {
        String where = target.name();
        List<DataAsset> assets = target.target().listDataAssets(name);
        Table table = new Table("NAME", "VERSION", "TYPE", "PATH", "CREATED_AT");
        for (DataAsset d : assets) {
          table.row(
              d.spec().name(),
              d.spec().version(),
              d.spec().type().name().toLowerCase(Locale.ROOT),
              WsViews.printable(d.spec().path()),
              WsViews.time(d.createdAt()));
        }
        WsViews.printList(
            spec.commandLine().getOut(),
            ws.json,
            assets.stream().map(d -> WsViews.dataAsset(target, d)).toList(),
            table,
            "no data assets in " + where);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code mlops ws data show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a data asset version.")
  static final class Show implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Parameters(
        paramLabel = "NAME:VERSION",
        description = "e.g. sensor_training_data_P001_C001:2025-12-09.")
    String asset;

    @Override
    public Integer call() {
      AssetVersion ref = AssetVersion.parseExact(spec, asset);
      try (WsOptions.Opened<MlRegistry> target = ws.openAssets()) {
        DataAsset found = target.target().getDataAsset(ref.name(), ref.version());
        WsViews.print(spec.commandLine().getOut(), WsViews.dataAsset(target, found), ws.json);
      }
      return ExitCodes.OK;
    }
  }
}
