package io.mlops4j.release.internal;

import io.mlops4j.config.MlopsException;
import io.mlops4j.release.RegistryException;
import io.mlops4j.release.RegistryException.Reason;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks names, versions and tags before anything is stored (both backends). */
public final class Validation {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,254}");
  private static final Pattern VERSION = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_.]{0,63}");
  private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9_.:/-]{1,128}");
  private static final Pattern SECRET_VALUE =
      Pattern.compile(
          "(?i).*(\\bsig=|accountkey=|sharedaccesssignature|password=|secret=|bearer\\s|"
              + "-----BEGIN [A-Z ]*PRIVATE KEY).*",
          Pattern.DOTALL);

  private Validation() {}

  /**
   * Checks an asset, endpoint or deployment name.
   *
   * @param operation the operation, for the message
   * @param kind what is named
   * @param name the name
   */
  public static void name(String operation, String kind, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new RegistryException(
          Reason.VALIDATION,
          operation,
          kind
              + " name "
              + MlopsException.quote(name)
              + " is invalid; expected 1-255 characters: a letter or digit, then letters, digits,"
              + " '-' or '_'");
    }
  }

  /**
   * Checks a version.
   *
   * @param operation the operation
   * @param version the version
   */
  public static void version(String operation, String version) {
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new RegistryException(
          Reason.VALIDATION,
          operation,
          "version "
              + MlopsException.quote(version)
              + " is invalid; expected 1-64 letters, digits, '.', '-' or '_', starting with a"
              + " letter or digit");
    }
  }

  /** Tags and variables are stored and shown: keys must be plain, values must not be secrets. */
  /**
   * Checks tags or variables.
   *
   * @param operation the operation
   * @param what what the entries are
   * @param entries the entries
   */
  public static void entries(String operation, String what, Map<String, String> entries) {
    for (Map.Entry<String, String> e : entries.entrySet()) {
      if (!TAG_KEY.matcher(e.getKey()).matches()) {
        throw new RegistryException(
            Reason.VALIDATION,
            operation,
            what
                + " key "
                + MlopsException.quote(e.getKey())
                + " is invalid; expected 1-128 letters, digits, '_', '.', ':', '/' or '-'");
      }
      if (e.getValue().length() > 4096) {
        throw new RegistryException(
            Reason.VALIDATION,
            operation,
            what + " '" + e.getKey() + "' is longer than 4096 characters");
      }
      noCredential(operation, what + " '" + e.getKey() + "'", e.getValue());
    }
  }

  /** A stored or shown value, such as a data path or a job input, must not carry a credential. */
  /**
   * Checks that a value carries no credential.
   *
   * @param operation the operation
   * @param what what the value is
   * @param value the value
   */
  public static void noCredential(String operation, String what, String value) {
    if (SECRET_VALUE.matcher(value).matches()) {
      throw new RegistryException(
          Reason.VALIDATION,
          operation,
          what
              + " looks like a credential (value not shown); secrets are never stored, so use"
              + " azure-identity or a key vault reference instead of a SAS token or key");
    }
  }
}
