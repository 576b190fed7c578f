package io.mlops4j.cli;

import io.mlops4j.config.MlopsException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A {@code NAME[:VERSION]} command-line argument, such as {@code lstm_P001_C001:3}.
 *
 * @param name the asset name
 * @param version the version, or empty for the latest
 */
record AssetVersion(String name, String version) {
  /** Parses {@code NAME[:VERSION]}. */
  static AssetVersion parse(CommandSpec spec, String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    String version = colon < 0 ? "" : text.substring(colon + 1);
    if (name.isEmpty() || (colon >= 0 && version.isEmpty())) {
      throw new ParameterException(
          spec.commandLine(),
          MlopsException.quote(text) + " is not NAME[:VERSION]; for example lstm_P001_C001:3");
    }
    return new AssetVersion(name, version);
  }

  /** Parses {@code NAME:VERSION}, where the version is required. */
  static AssetVersion parseExact(CommandSpec spec, String text) {
    AssetVersion parsed = parse(spec, text);
    if (parsed.version().isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          MlopsException.quote(text)
              + " has no version; expected NAME:VERSION, for example "
              + text
              + ":1");
    }
    return parsed;
  }

  boolean hasVersion() {
    return !version.isEmpty();
  }

  /** The version as a model version: a positive integer. */
  int modelVersion(CommandSpec spec) {
    if (!version.matches("[1-9][0-9]{0,8}")) {
      throw new ParameterException(
          spec.commandLine(),
          "model version "
              + MlopsException.quote(version)
              + " is invalid; model versions are positive integers, as in "
              + name
              + ":3");
    }
    return Integer.parseInt(version);
  }
}
