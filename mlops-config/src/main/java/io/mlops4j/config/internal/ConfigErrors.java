package io.mlops4j.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops4j.config.CircuitRef;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every user-facing message of mlops-config, so the wording stays consistent. */
public final class ConfigErrors {
  private ConfigErrors() {}

  /**
   * A circuit asked for by reference that the tree does not have.
   *
   * @param ref the circuit asked for
   * @param configDir the config directory
   * @param known the circuits the tree has
   * @return the message
   */
  public static String unknownCircuit(CircuitRef ref, Path configDir, Set<CircuitRef> known) {
    return "circuit "
        + ref
        + " is not in "
        + configDir.resolve("plants_circuits.yml")
        + "; known circuits: "
        + known.stream().sorted().map(CircuitRef::toString).collect(Collectors.joining(", "));
  }

  static String noConfigDir(Path root) {
    return "no plants_circuits.yml in "
        + root
        + " or "
        + root.resolve("config")
        + "; pass the repository root (holding config/plants_circuits.yml) or the config directory";
  }

  static String missingKey(String key, String description) {
    return "required key '"
        + key
        + "'"
        + (description == null || description.isEmpty() ? "" : " (" + description + ")")
        + " is missing";
  }

  static String unknownKey(String key, Collection<String> valid) {
    String suggestion = Suggestions.closest(key, valid);
    return "unknown key '"
        + key
        + "'"
        + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")
        + (suggestion == null ? "; valid keys: " : " Valid keys: ")
        + valid.stream().sorted().collect(Collectors.joining(", "));
  }

  static String wrongType(String shown, JsonNode actual, String plainText, String expectedType) {
    String hint =
        expectedType.equals("string") && plainText != null && !actual.isContainerNode()
            ? "; quote it: \"" + Text.printable(plainText) + "\""
            : "";
    return "expected " + article(expectedType) + " but found " + shown + hint;
  }

  static String outOfRange(String shown, String name, JsonNode schema) {
    return shown + " is out of range; expected " + range(name, schema);
  }

  static String badPattern(String shown, String description) {
    return shown + " is not valid" + expected(description);
  }

  static String tooFewItems(int min) {
    return "must list at least " + min + (min == 1 ? " item" : " items");
  }

  static String duplicateItems(List<String> duplicates) {
    return "items must be unique; repeated: " + String.join(", ", duplicates);
  }

  static String emptyString() {
    return "must not be empty";
  }

  static String tooLong(int max) {
    return "is longer than " + max + " characters";
  }

  static String notADate(String value) {
    return "'" + value + "' is not a real calendar date; expected an ISO date YYYY-MM-DD";
  }

  static String idMismatch(String kind, String value, String fromPath, String file) {
    return kind
        + " '"
        + value
        + "' does not match the file's location "
        + file
        + "; expected '"
        + fromPath
        + "'";
  }

  static String targetNotAFeature(String target, List<String> features) {
    return "target_column '"
        + target
        + "' is not one of feature_columns "
        + features
        + "; add it to feature_columns or pick one of them";
  }

  static String levelsOutOfOrder(
      String lower,
      double low,
      boolean lowIsDefault,
      String upper,
      double high,
      boolean highIsDefault) {
    return lower
        + " ("
        + plain(low)
        + (lowIsDefault ? ", the default" : "")
        + ") must be less than "
        + upper
        + " ("
        + plain(high)
        + (highIsDefault ? ", the default" : "")
        + ")";
  }

  static String duplicateId(String kind, String id, int firstLine) {
    return "duplicate " + kind + " '" + id + "'; already listed at line " + firstLine;
  }

  static String duplicateIdIgnoringCase(String kind, String id, String other, int firstLine) {
    return kind
        + " '"
        + id
        + "' differs only in letter case from '"
        + other
        + "' (line "
        + firstLine
        + "); Azure ML endpoint and deployment names are case-insensitive";
  }

  static String circuitFileMissing(CircuitRef ref, String expectedFile) {
    return "circuit " + ref + " has no config file; expected " + expectedFile;
  }

  static String circuitNotListed(CircuitRef ref, String masterFile) {
    return "circuit "
        + ref
        + " is not listed in "
        + masterFile
        + "; add it under plant "
        + ref.plant()
        + " or delete this file";
  }

  static String misplacedFile(String relative) {
    return "unexpected file '"
        + relative
        + "'; circuit configs live at plants/{plant_id}/{circuit_id}.yml";
  }

  static String sharedSensor(String sensorId, CircuitRef other, String otherFile) {
    return "sensor_id '"
        + sensorId
        + "' is also used by circuit "
        + other
        + " ("
        + otherFile
        + "); each circuit has its own sensor";
  }

  static String unreadable(String file, String reason) {
    return "cannot read " + file + ": " + reason;
  }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isTextual()) {
      return "'" + Text.printable(node.asText()) + "'";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isBoolean()) {
      return node.asText();
    }
    if (node.isNumber()) {
      return plain(node.decimalValue());
    }
    return node.isArray() ? "a list" : "a mapping";
  }

  private static String article(String type) {
    return switch (type) {
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "string" -> "a string";
      case "boolean" -> "a boolean";
      case "array" -> "a list";
      case "object" -> "a mapping";
      default -> type;
    };
  }

  private static String expected(String description) {
    return description == null || description.isEmpty() ? "" : "; expected " + description;
  }

  private static String range(String name, JsonNode schema) {
    String lower = null;
    String upper = null;
    if (schema.has("minimum")) {
      lower = plain(schema.get("minimum").decimalValue()) + " <= ";
    } else if (schema.has("exclusiveMinimum")) {
      lower = plain(schema.get("exclusiveMinimum").decimalValue()) + " < ";
    }
    if (schema.has("maximum")) {
      upper = " <= " + plain(schema.get("maximum").decimalValue());
    } else if (schema.has("exclusiveMaximum")) {
      upper = " < " + plain(schema.get("exclusiveMaximum").decimalValue());
    }
    if (lower != null && upper != null) {
      return lower + name + upper;
    }
    if (lower != null) {
      return name + (lower.endsWith("<= ") ? " >= " : " > ") + lower.replaceAll(" <=? $", "");
    }
    return upper == null ? "a value in range" : name + upper;
  }

  static String plain(double d) {
    return plain(BigDecimal.valueOf(d));
  }

  private static String plain(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
  }

  /** Orders problems by file, line and column. */
  static final Comparator<io.mlops4j.config.ConfigProblem> ORDER =
      Comparator.comparing(io.mlops4j.config.ConfigProblem::file)
          .thenComparingInt(io.mlops4j.config.ConfigProblem::line)
          .thenComparingInt(io.mlops4j.config.ConfigProblem::column)
          .thenComparing(io.mlops4j.config.ConfigProblem::field);
}
