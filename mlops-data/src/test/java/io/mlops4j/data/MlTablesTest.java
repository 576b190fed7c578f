package io.mlops4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops4j.config.ConfigException;
import io.mlops4j.config.ConfigProblem;
import io.mlops4j.config.InvalidIdException;
import io.mlops4j.config.MlopsException;
import io.mlops4j.data.MlTableTransformation.ColumnConversion;
import io.mlops4j.data.MlTableTransformation.ConvertColumnTypes;
import io.mlops4j.data.MlTableTransformation.DropColumns;
import io.mlops4j.data.MlTableTransformation.Filter;
import io.mlops4j.data.MlTableTransformation.KeepColumns;
import io.mlops4j.data.MlTableTransformation.ReadDelimited;
import io.mlops4j.data.MlTableTransformation.ReadDeltaLake;
import io.mlops4j.data.MlTableTransformation.ReadJsonLines;
import io.mlops4j.data.MlTableTransformation.ReadParquet;
import io.mlops4j.data.MlTableTransformation.Skip;
import io.mlops4j.data.MlTableTransformation.Take;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MlTablesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/mltable/azureml-examples");

  @Test
  void writesTheTrainingMlTableOfACircuit() {
    MlTable table = MlTables.forTraining(TestCircuits.p001c001(), TestCircuits.DELTA_FOLDER, 812);

    assertThat(table.toYaml())
        .isEqualTo(
            """
            $schema: https://azuremlschemas.azureedge.net/latest/MLTable.schema.json
            type: mltable
            paths:
              - folder: abfss://sensors@mlops4jdata.dfs.core.windows.net/sensor_readings
            transformations:
              - read_delta_lake:
                  version_as_of: 812
              - filter: 'col("sensor_id") == "SENSOR_P001_C001" and col("date") <= "2025-12-09"'
              - keep_columns: [timestamp, sensor_id, date, temperature, pressure, flow_rate]
            """);
  }

  @Test
  void trainingMlTableRoundTrips() {
    MlTable table = MlTables.forTraining(TestCircuits.p001c001(), TestCircuits.DELTA_FOLDER, 0);

    assertThat(MlTables.parse("MLTable", table.toYaml())).isEqualTo(table);
  }

  @Test
  void rejectsASensorIdThatWouldBreakOutOfTheFilter() {
    var config = TestCircuits.withFilters("SENSOR\" or col(\"x\") == \"1", List.of("temperature"));

    assertThatThrownBy(() -> MlTables.forTraining(config, TestCircuits.DELTA_FOLDER, 1))
        .isInstanceOf(InvalidIdException.class)
        .hasMessage(
            "sensor id 'SENSOR\" or col(\"x\") == \"1' cannot be written into an MLTable filter"
                + " expression; sensor ids are 1-64 letters, digits, '_', '.', ':' or '-',"
                + " starting with a letter or digit (no quotes, backslashes, spaces, parentheses"
                + " or line breaks)");
  }

  @Test
  void rejectsASensorIdWithALineBreakAndShowsItEscaped() {
    var config = TestCircuits.withFilters("SENSOR_P001\nC001", List.of("temperature"));

    assertThatThrownBy(() -> MlTables.forTraining(config, TestCircuits.DELTA_FOLDER, 1))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageStartingWith("sensor id 'SENSOR_P001\\u000aC001' cannot be written");
  }

  @Test
  void rejectsUnsafeOrReservedFeatureColumns() {
    var quoted = TestCircuits.withFilters("SENSOR_P001_C001", List.of("temp\")"));
    var reserved = TestCircuits.withFilters("SENSOR_P001_C001", List.of("date"));

    assertThatThrownBy(() -> MlTables.forTraining(quoted, TestCircuits.DELTA_FOLDER, 1))
        .isInstanceOf(InvalidIdException.class)
        .hasMessage(
            "column 'temp\")' is not a valid name; column names are 1-64 letters, digits or '_',"
                + " starting with a letter or '_'");
    assertThatThrownBy(() -> MlTables.forTraining(reserved, TestCircuits.DELTA_FOLDER, 1))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("'date' is a key column of the sensor table");
  }

  @Test
  void rejectsAFolderUriCarryingASasTokenWithoutEchoingIt() {
    String sas = "https://acct.blob.core.windows.net/sensors?sv=2022-11-02&sig=c2VjcmV0";

    assertThatThrownBy(() -> MlTables.forTraining(TestCircuits.p001c001(), sas, 1))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("Delta folder URI looks like it holds a credential")
        .hasMessageContaining("'sig='")
        .hasMessageNotContaining("c2VjcmV0");
  }

  @Test
  void rejectsAFolderUriWithALineBreak() {
    assertThatThrownBy(
            () -> MlTables.forTraining(TestCircuits.p001c001(), "abfss://x/y\n- folder: z", 1))
        .isInstanceOf(MlopsException.class)
        .hasMessageStartingWith("Delta folder URI 'abfss://x/y\\u000a- folder: z' is not valid");
  }

  static Stream<Arguments> fixtures() {
    Map<String, String> csv = new LinkedHashMap<>();
    csv.put("delimiter", ",");
    csv.put("header", "from_first_file");
    csv.put("encoding", "utf8");
    Map<String, String> sameHeaders = new LinkedHashMap<>(csv);
    sameHeaders.put("header", "all_files_same_headers");
    Map<String, String> ascii = new LinkedHashMap<>();
    ascii.put("delimiter", ",");
    ascii.put("encoding", "ascii");
    Map<String, String> parquet = new LinkedHashMap<>();
    parquet.put("include_path_column", "false");
    parquet.put("path_column", "Path");
    List<ColumnConversion> floats =
        Stream.of("temp", "atemp", "hum", "windspeed", "cnt")
            .map(c -> new ColumnConversion(List.of(c), "float"))
            .toList();
    return Stream.of(
        Arguments.of(
            "local-mltable_MLTable",
            new MlTable(
                MlTable.SCHEMA_URL,
                List.of(MlTablePath.file("./titanic.csv")),
                List.of(new ReadDelimited(csv)))),
        Arguments.of(
            "bike-share-training_MLTable",
            new MlTable(
                "",
                List.of(MlTablePath.file("./bike-share-train.csv")),
                List.of(new ReadDelimited(ascii), new ConvertColumnTypes(floats)))),
        Arguments.of(
            "ner-conll-training_MLTable",
            new MlTable("", List.of(MlTablePath.file("./train.txt")), List.of(new Take(1)))),
        Arguments.of(
            "sample-mltable_MLTable",
            new MlTable(
                MlTable.SCHEMA_URL,
                List.of(MlTablePath.pattern("./*validated.csv")),
                List.of(
                    new ReadDelimited(sameHeaders),
                    new DropColumns(List.of("PassengerId", "Ticket", "Name"))))),
        Arguments.of(
            "forecasting-tcn-train_MLTable",
            new MlTable(
                "",
                List.of(MlTablePath.file("./uci_electro_small_train.parquet")),
                List.of(new ReadParquet(parquet)))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void parsesTheRealAzureMlExamplesFaithfully(String file, MlTable expected) throws IOException {
    String yaml = Files.readString(FIXTURES.resolve(file), StandardCharsets.UTF_8);

    MlTable parsed = MlTables.parse(file, yaml);

    assertThat(parsed).isEqualTo(expected);
    assertThat(MlTables.parse(file, parsed.toYaml())).isEqualTo(parsed);
  }

  @Test
  void everyFixtureFileIsCovered() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_MLTable")))
          .containsExactlyInAnyOrderElementsOf(fixtures().map(a -> (String) a.get()[0]).toList());
    }
  }

  @Test
  void roundTripsEveryTransformationAndAwkwardStrings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("delimiter", "\t");
    settings.put("quote", "'");
    settings.put("comment", "# not a comment");
    settings.put("looks_like_number", "1.5");
    settings.put("empty", "");
    settings.put("flag", "true");
    settings.put("date", "2025-12-09");
    settings.put("colon", "a: b");
    settings.put("unicode", "température µs");
    MlTable table =
        new MlTable(
            "",
            List.of(
                MlTablePath.folder("./data dir/with 'quotes'"),
                MlTablePath.pattern("azureml://datastores/x/paths/*.csv"),
                MlTablePath.file("- not a list item")),
            List.of(
                new ReadDelimited(settings),
                new ReadParquet(Map.of()),
                new ReadJsonLines(Map.of("encoding", "utf8")),
                new ReadDeltaLake(new DeltaAsOf.Timestamp("2022-10-01T00:00:00Z"), true),
                new Filter("col('x') > 32\nand col(\"y\") == \"a\\b\""),
                new KeepColumns(List.of("a,b", "[c]", "{d}", "true", "null", "e")),
                new DropColumns(List.of("f")),
                new ConvertColumnTypes(
                    List.of(
                        new ColumnConversion(List.of("g", "h"), "int"),
                        new ColumnConversion(List.of("i"), "boolean"))),
                new Take(10),
                new Skip(0)));

    assertThat(MlTables.parse("MLTable", table.toYaml())).isEqualTo(table);
  }

  @Test
  void rejectsAFileWithoutPaths() {
    assertProblems(
        "transformations:\n  - take: 1\n",
        "MLTable:1:1 paths: required key 'paths' is missing; an MLTable lists at least one file:,"
            + " folder: or pattern: path");
  }

  @Test
  void rejectsReadDeltaLakeWithBothVersionAndTimestamp() {
    assertProblems(
        """
        paths:
          - folder: ./delta
        transformations:
          - read_delta_lake:
              version_as_of: 3
              timestamp_as_of: '2022-10-01T00:00:00Z'
        """,
        "MLTable:5:7 transformations[0].read_delta_lake: read_delta_lake sets both version_as_of"
            + " and timestamp_as_of; set exactly one (Azure ML's MLTable reference requires one"
            + " of them); mlops4j pins training data with version_as_of");
  }

  @Test
  void rejectsReadDeltaLakeWithNeitherVersionNorTimestamp() {
    String neither =
        "MLTable:%d:%d transformations[0].read_delta_lake: read_delta_lake sets neither"
            + " version_as_of nor timestamp_as_of; set version_as_of: <n> (reproducible) or"
            + " timestamp_as_of: <RFC 3339 timestamp>. Azure ML's MLTable reference requires one;"
            + " the Python SDK also writes files with neither (reading the latest version), which"
            + " mlops4j rejects because such an asset is not reproducible";
    assertProblems(
        """
        paths:
          - folder: ./delta
        transformations:
          - read_delta_lake:
              include_path_column: false
              timestamp_as_of: null
              version_as_of: null
        """,
        neither.formatted(5, 7));
    assertProblems(
        "paths: [{folder: ./delta}]\ntransformations:\n  - read_delta_lake:\n",
        neither.formatted(3, 21));
  }

  @Test
  void explainsThatDeltaTableVersionIsNotAnAzureMlField() {
    assertProblems(
        """
        paths:
          - folder: ./delta
        transformations:
          - read_delta_lake:
              delta_table_version: latest
        """,
        "MLTable:5:7 transformations[0].read_delta_lake.delta_table_version: unknown key"
            + " 'delta_table_version'; valid keys: version_as_of, timestamp_as_of,"
            + " include_path_column (delta_table_version is not a field Azure ML accepts; pin"
            + " the table with version_as_of: <n>)");
  }

  @Test
  void rejectsUnknownAndUnsupportedTransformations() {
    assertProblems(
        """
        paths:
          - file: ./a.csv
        transformations:
          - read_excel: {}
          - take_random_sample:
              probability: 0.1
        """,
        "MLTable:4:5 transformations[0].read_excel: unknown transformation 'read_excel';"
            + " supported transformations: read_delimited, read_parquet, read_json_lines,"
            + " read_delta_lake, filter, keep_columns, drop_columns, convert_column_types, take,"
            + " skip",
        "MLTable:5:5 transformations[1].take_random_sample: transformation 'take_random_sample'"
            + " is valid in Azure ML but not supported by mlops4j; supported transformations:"
            + " read_delimited, read_parquet, read_json_lines, read_delta_lake, filter,"
            + " keep_columns, drop_columns, convert_column_types, take, skip");
  }

  @Test
  void reportsMalformedYamlWithItsPosition() {
    assertThatThrownBy(() -> MlTables.parse("MLTable", "paths:\n  - folder: [unclosed\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("MLTable:3:1: invalid YAML: ");
  }

  @Test
  void reportsEveryProblemOfAFileAtOnce() {
    assertProblems(
        """
        $schema: https://azuremlschemas.azureedge.net/latest/MLTable.schema.json
        type: dataset
        paths:
          - folder: ./delta
            file: ./x
          - url: ./y
        transformations:
          - take: ten
          - read_delta_lake:
              version_as_of: -1
          - take: 1
            skip: 2
          - keep_columns: {a: b}
          - convert_column_types:
              - columns: a
                column_type: {datetime: {formats: ['%Y']}}
        extra: 1
        paths: []
        """,
        "MLTable:2:7 type: type is 'dataset'; an MLTable file has type: mltable",
        "MLTable:4:5 paths[0]: has 2 keys; expected exactly one, as in a path such as - folder:"
            + " ./data",
        "MLTable:6:5 paths[1].url: unknown key 'url'; valid keys: file, folder, pattern",
        "MLTable:8:11 transformations[0].take: expected a whole number but found 'ten'",
        "MLTable:10:22 transformations[1].read_delta_lake.version_as_of: version_as_of must be a"
            + " Delta table version >= 0, got -1",
        "MLTable:11:5 transformations[2]: has 2 keys; expected exactly one, as in a"
            + " transformation such as - take: 10",
        "MLTable:13:19 transformations[3].keep_columns: expected a column name or a list of"
            + " column names but found a mapping",
        "MLTable:16:22 transformations[4].convert_column_types[0].column_type: column_type with"
            + " options (formats, true/false values) is not supported by mlops4j; use a plain"
            + " type name such as float, int, boolean, string or datetime",
        "MLTable:17:1 extra: unknown key 'extra'; valid keys: $schema, type, paths,"
            + " transformations",
        "MLTable:18:1 paths: duplicate key 'paths'; each key may appear once");
  }

  @Test
  void rejectsCustomYamlTags() {
    assertProblems(
        "paths: [{file: a}]\ntransformations:\n  - filter: !!python/object:os.system x\n",
        "MLTable:3:13: invalid YAML: Global tag is not allowed:"
            + " tag:yaml.org,2002:python/object:os.system");
  }

  @Test
  void rejectsAnInvalidTimestamp() {
    assertProblems(
        "paths: [{folder: ./d}]\ntransformations:\n  - read_delta_lake: {timestamp_as_of: yesterday}\n",
        "MLTable:3:40 transformations[0].read_delta_lake.timestamp_as_of: timestamp_as_of"
            + " 'yesterday' is not an RFC 3339 timestamp; expected for example"
            + " 2022-10-01T00:00:00Z");
  }

  @Test
  void rejectsEmptyAndMultiDocumentFiles() {
    assertProblems(
        "# nothing\n",
        "MLTable: file is empty; expected an MLTable with paths and transformations");
    assertProblems(
        "paths: [{file: a}]\n---\npaths: [{file: b}]\n",
        "MLTable:3:1: file holds more than one YAML document; an MLTable file holds exactly one");
    assertProblems(
        "- file: a\n",
        "MLTable:1:1: expected a mapping with paths and transformations but found a list");
  }

  @Test
  void acceptsNullSettingsAndAnEmptyTransformationList() {
    MlTable table =
        MlTables.parse(
            "MLTable",
            "paths:\n  - file: a.parquet\ntransformations:\n  - read_parquet:\n"
                + "      path_column: null\n  - read_delimited:\n");

    assertThat(table.transformations())
        .containsExactly(new ReadParquet(Map.of()), new ReadDelimited(Map.of()));
    assertThat(
            MlTables.parse("MLTable", "paths: [{file: a}]\ntransformations:\n").transformations())
        .isEmpty();
  }

  @Test
  void loadsAnMlTableFromItsFolder(@TempDir Path dir) throws IOException {
    MlTable table = MlTables.forTraining(TestCircuits.p001c001(), TestCircuits.DELTA_FOLDER, 5);
    Files.writeString(dir.resolve("MLTable"), table.toYaml(), StandardCharsets.UTF_8);

    assertThat(MlTables.load(dir)).isEqualTo(table);
    assertThat(MlTables.load(dir.resolve("MLTable"))).isEqualTo(table);
    assertThatThrownBy(() -> MlTables.load(dir.resolve("missing")))
        .isInstanceOf(MlopsException.class)
        .hasMessage(
            "no MLTable file at "
                + dir.resolve("missing")
                + "; pass the MLTable file or the folder that holds a file named MLTable");
  }

  private static void assertProblems(String yaml, String... expected) {
    assertThatThrownBy(() -> MlTables.parse("MLTable", yaml))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::toString)
                    .containsExactly(expected));
  }
}
