package io.mlops4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.mlops4j.config.CircuitConfig;
import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.ConfigLoader;
import io.mlops4j.config.DataFilters;
import io.mlops4j.data.DataAssetDescription;
import io.mlops4j.data.Lineage;
import io.mlops4j.data.MlTables;
import io.mlops4j.data.ReadOptions;
import io.mlops4j.data.SensorSlice;
import io.mlops4j.data.SensorTable;
import io.mlops4j.data.TableVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlops data mltable}: a circuit's training MLTable, pinned to a table version. */
@Command(
    name = "mltable",
    mixinStandardHelpOptions = true,
    description = {
      "Print the training MLTable of a circuit: the sensor table pinned with version_as_of to"
          + " its latest (or --version) version, filtered to the circuit's sensor up to its cutoff.",
      "",
      "With --data-asset, also print the data asset's name, version and tags (a second YAML"
          + " document), with the fingerprint of the rows the MLTable selects."
    })
final class DataMlTableCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "PLANT/CIRCUIT",
      description = "The circuit, e.g. P001/C001.")
  String circuit;

  @Option(
      names = "--root",
      defaultValue = ".",
      description = "Repository root holding config/, or the config directory (default: .).")
  Path root;

  @Option(names = "--table", required = true, description = "The sensor table's directory.")
  Path table;

  @Option(names = "--version", description = "The Delta version to pin (default: the latest).")
  Long version;

  @Option(
      names = "--folder",
      description =
          "The Delta folder written in the MLTable, such as an abfss:// URI of the same table"
              + " (default: the --table directory's absolute path).")
  String folder;

  @Option(names = "--data-asset", description = "Also print the data asset description.")
  boolean dataAsset;

  @Option(names = "--pr-number", defaultValue = "", description = "Lineage: pull request number.")
  String prNumber;

  @Option(names = "--pr-author", defaultValue = "", description = "Lineage: pull request author.")
  String prAuthor;

  @Option(names = "--commit", defaultValue = "", description = "Lineage: git commit SHA.")
  String commit;

  @Override
  public Integer call() throws JsonProcessingException {
    CircuitConfig config = new ConfigLoader().loadCircuit(root, CircuitRef.parse(circuit));
    SensorTable sensorTable = SensorTable.open(table);
    long pinned = version != null ? version : sensorTable.version();
    String deltaFolder = folder != null ? folder : table.toAbsolutePath().normalize().toString();
    PrintWriter out = spec.commandLine().getOut();
    if (!dataAsset) {
      out.print(MlTables.forTraining(config, deltaFolder, pinned).toYaml());
      out.flush();
      return ExitCodes.OK;
    }
    DataFilters filters = config.training().dataFilters();
    SensorSlice slice =
        sensorTable.trainingSlice(
            filters.sensorId(),
            config.training().cutoffDate(),
            filters.featureColumns(),
            ReadOptions.defaults().withVersion(TableVersion.of(pinned)));
    DataAssetDescription description =
        DataAssetDescription.forTraining(
            config,
            deltaFolder,
            pinned,
            SensorTable.fingerprint(slice),
            new Lineage(prNumber, prAuthor, commit),
            Clock.systemUTC());
    Map<String, Object> asset = new LinkedHashMap<>();
    asset.put("name", description.name());
    asset.put("version", description.version());
    asset.put("type", description.type());
    asset.put("tags", description.tags());
    out.print(description.mlTableYaml());
    out.print(new YAMLMapper().writeValueAsString(asset));
    out.flush();
    DataSliceCommand.printStats(spec.commandLine().getErr(), slice);
    return ExitCodes.OK;
  }
}
