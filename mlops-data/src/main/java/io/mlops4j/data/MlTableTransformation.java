package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import io.mlops4j.data.internal.DataErrors;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step of an MLTable's {@code transformations}, in the order the file lists them.
 *
 * <p>The read steps with many optional settings ({@code read_delimited}, {@code read_parquet},
 * {@code read_json_lines}) keep their settings as written, as text in file order; mlops4j does not
 * interpret them. The steps mlops4j produces or evaluates ({@code read_delta_lake}, {@code filter},
 * {@code keep_columns}) and the simple ones ({@code drop_columns}, {@code convert_column_types},
 * {@code take}, {@code skip}) are typed. Azure ML's {@code take_random_sample} and {@code
 * extract_columns_from_partition_format} are not modelled.
 */
public sealed interface MlTableTransformation
    permits MlTableTransformation.ReadDelimited,
        MlTableTransformation.ReadParquet,
        MlTableTransformation.ReadJsonLines,
        MlTableTransformation.ReadDeltaLake,
        MlTableTransformation.Filter,
        MlTableTransformation.KeepColumns,
        MlTableTransformation.DropColumns,
        MlTableTransformation.ConvertColumnTypes,
        MlTableTransformation.Take,
        MlTableTransformation.Skip {

  /**
   * Returns the step's YAML key.
   *
   * @return such as {@code read_delta_lake}
   */
  String name();

  /**
   * {@code read_delimited}: read CSV-like files.
   *
   * @param settings settings such as {@code delimiter}, {@code header}, {@code encoding}, as text,
   *     in file order; values are scalars
   */
  record ReadDelimited(Map<String, String> settings) implements MlTableTransformation {
    /** Copies the settings, keeping their order. */
    public ReadDelimited {
      settings = orderedCopy(settings);
    }

    @Override
    public String name() {
      return "read_delimited";
    }
  }

  /**
   * {@code read_parquet}: read Parquet files.
   *
   * @param settings settings such as {@code include_path_column}, as text, in file order
   */
  record ReadParquet(Map<String, String> settings) implements MlTableTransformation {
    /** Copies the settings, keeping their order. */
    public ReadParquet {
      settings = orderedCopy(settings);
    }

    @Override
    public String name() {
      return "read_parquet";
    }
  }

  /**
   * {@code read_json_lines}: read JSON Lines files.
   *
   * @param settings settings such as {@code encoding}, as text, in file order
   */
  record ReadJsonLines(Map<String, String> settings) implements MlTableTransformation {
    /** Copies the settings, keeping their order. */
    public ReadJsonLines {
      settings = orderedCopy(settings);
    }

    @Override
    public String name() {
      return "read_json_lines";
    }
  }

  /**
   * {@code read_delta_lake}: read the Delta table in the MLTable's folder path, at one snapshot.
   *
   * @param asOf the version or time read
   * @param includePathColumn whether a column with each row's file path is added ({@code
   *     include_path_column}, written only when true)
   */
  record ReadDeltaLake(DeltaAsOf asOf, boolean includePathColumn) implements MlTableTransformation {
    /** Checks the snapshot is set. */
    public ReadDeltaLake {
      requireNonNull(asOf, "asOf");
    }

    /**
     * Returns a step reading one table version, without a path column.
     *
     * @param version the Delta table version, {@code >= 0}
     * @return {@code read_delta_lake: {version_as_of: version}}
     */
    public static ReadDeltaLake versionAsOf(long version) {
      return new ReadDeltaLake(new DeltaAsOf.Version(version), false);
    }

    @Override
    public String name() {
      return "read_delta_lake";
    }
  }

  /**
   * {@code filter}: keep the rows an expression accepts, such as {@code col("sensor_id") ==
   * "SENSOR_P001_C001" and col("date") <= "2025-12-09"}.
   *
   * @param expression the expression in MLTable's syntax, as written; any text is kept, local
   *     evaluation accepts one form only (see {@link MlTable#trainingSlice()})
   */
  record Filter(String expression) implements MlTableTransformation {
    /** Checks the expression is present. */
    public Filter {
      requireNonNull(expression, "expression");
    }

    @Override
    public String name() {
      return "filter";
    }
  }

  /**
   * {@code keep_columns}: keep only these columns.
   *
   * @param columns the columns, at least one, in order
   */
  record KeepColumns(List<String> columns) implements MlTableTransformation {
    /** Copies the columns and checks there is one. */
    public KeepColumns {
      columns = nonEmptyCopy(columns, "keep_columns");
    }

    @Override
    public String name() {
      return "keep_columns";
    }
  }

  /**
   * {@code drop_columns}: drop these columns.
   *
   * @param columns the columns, at least one, in order
   */
  record DropColumns(List<String> columns) implements MlTableTransformation {
    /** Copies the columns and checks there is one. */
    public DropColumns {
      columns = nonEmptyCopy(columns, "drop_columns");
    }

    @Override
    public String name() {
      return "drop_columns";
    }
  }

  /**
   * {@code convert_column_types}: change column types.
   *
   * @param conversions the conversions, at least one, in order
   */
  record ConvertColumnTypes(List<ColumnConversion> conversions) implements MlTableTransformation {
    /** Copies the conversions and checks there is one. */
    public ConvertColumnTypes {
      conversions = List.copyOf(conversions);
      if (conversions.isEmpty()) {
        throw new IllegalArgumentException("convert_column_types must list at least one entry");
      }
    }

    @Override
    public String name() {
      return "convert_column_types";
    }
  }

  /**
   * One entry of {@code convert_column_types}.
   *
   * @param columns the columns converted, at least one
   * @param columnType the type name, such as {@code float}, {@code int}, {@code boolean}, {@code
   *     string} or {@code datetime}; type options (formats, true/false values) are not modelled
   */
  record ColumnConversion(List<String> columns, String columnType) {
    /** Copies the columns and checks the type is named. */
    public ColumnConversion {
      columns = nonEmptyCopy(columns, "columns");
      requireNonNull(columnType, "columnType");
      if (columnType.isBlank()) {
        throw new IllegalArgumentException("column_type must name a type such as float");
      }
    }
  }

  /**
   * {@code take}: keep the first rows.
   *
   * @param count how many rows, {@code >= 0}
   */
  record Take(long count) implements MlTableTransformation {
    /** Checks the count. */
    public Take {
      if (count < 0) {
        throw new IllegalArgumentException("take must be a row count >= 0, got " + count);
      }
    }

    @Override
    public String name() {
      return "take";
    }
  }

  /**
   * {@code skip}: drop the first rows.
   *
   * @param count how many rows, {@code >= 0}
   */
  record Skip(long count) implements MlTableTransformation {
    /** Checks the count. */
    public Skip {
      if (count < 0) {
        throw new IllegalArgumentException("skip must be a row count >= 0, got " + count);
      }
    }

    @Override
    public String name() {
      return "skip";
    }
  }

  private static Map<String, String> orderedCopy(Map<String, String> settings) {
    Map<String, String> copy = new LinkedHashMap<>();
    settings.forEach(
        (key, value) -> {
          requireNonNull(key, "setting name");
          requireNonNull(value, "value of setting " + key);
          if (key.isBlank()) {
            throw new IllegalArgumentException("a setting name must not be blank");
          }
          copy.put(key, value);
        });
    return Collections.unmodifiableMap(copy);
  }

  private static List<String> nonEmptyCopy(List<String> columns, String what) {
    List<String> copy = List.copyOf(columns);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(what + " must name at least one column");
    }
    for (String column : copy) {
      if (column.isBlank() || DataErrors.hasControlCharacter(column)) {
        throw new IllegalArgumentException(
            what + " has an empty column name or one with control characters");
      }
    }
    return copy;
  }
}
