package io.mlops4j.cli;

import io.mlops4j.config.MlopsException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/** One {@code KEY=VALUE} option value, such as {@code --tag plant_id=P001}. */
record KeyValue(String key, String value) {
  /** Parses {@code KEY=VALUE}; a missing '=' or an empty key is a usage error. */
  static final class Converter implements ITypeConverter<KeyValue> {
    @Override
    public KeyValue convert(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        throw new TypeConversionException(
            MlopsException.quote(text)
                + " is not KEY=VALUE"
                + (eq == 0 ? " (the key is empty)" : " (no '=')")
                + "; for example plant_id=P001");
      }
      return new KeyValue(text.substring(0, eq), text.substring(eq + 1));
    }
  }

  /**
   * Collects option values into a map, sorted by key.
   *
   * @throws CommandLine.ParameterException if a key is given twice
   */
  static Map<String, String> toMap(CommandSpec spec, String option, List<KeyValue> values) {
    Map<String, String> map = new TreeMap<>();
    for (KeyValue kv : values == null ? List.<KeyValue>of() : values) {
      if (map.put(kv.key(), kv.value()) != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            option + " " + MlopsException.quote(kv.key()) + " is given more than once");
      }
    }
    return map;
  }
}
