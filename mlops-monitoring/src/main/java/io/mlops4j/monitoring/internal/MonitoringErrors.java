package io.mlops4j.monitoring.internal;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.monitoring.WebhookUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/** Every user-facing message of mlops-monitoring, built in one place. */
public final class MonitoringErrors {
  private MonitoringErrors() {}

  /**
   * A sample holds a value that is not a finite number.
   *
   * @param sample which sample, such as {@code actual} or {@code baseline}
   * @param index the position of the value
   * @param value the value
   * @return the message
   */
  public static String notFinite(String sample, int index, double value) {
    return sample
        + "["
        + index
        + "] is "
        + value
        + "; metrics and drift statistics need finite numbers: drop missing readings (NaN)"
        + " before comparing";
  }

  /**
   * A drift sample is too small to have a distribution.
   *
   * @param sample which sample
   * @param size its size
   * @return the message
   */
  public static String tooFewForDrift(String sample, int size) {
    return sample
        + " has "
        + size
        + " value(s); drift statistics need at least 2 values in each sample";
  }

  /**
   * Two samples that are compared pairwise differ in length.
   *
   * @param actual number of actual values
   * @param predicted number of predicted values
   * @return the message
   */
  public static String lengthMismatch(int actual, int predicted) {
    return actual
        + " actual values but "
        + predicted
        + " predicted values; expected one prediction per actual value";
  }

  /**
   * A sample is empty.
   *
   * @param sample which sample
   * @return the message
   */
  public static String empty(String sample) {
    return sample + " is empty; expected at least one value";
  }

  /**
   * A circuit has no prediction that could be matched to an actual reading.
   *
   * @param circuit the circuit
   * @param from first date
   * @param to last date
   * @param predictions predictions read
   * @param tolerance the join tolerance
   * @return the message
   */
  public static String nothingJoined(
      CircuitRef circuit, LocalDate from, LocalDate to, int predictions, Duration tolerance) {
    return "circuit "
        + circuit
        + ": none of the "
        + predictions
        + " predictions for "
        + from
        + ".."
        + to
        + " has an actual reading within "
        + tolerance
        + " of its forecast timestamp; check the prediction files and the sensor table, or"
        + " widen the join tolerance";
  }

  /**
   * A circuit has no rows in a window.
   *
   * @param circuit the circuit
   * @param what baseline or current
   * @param from first date, inclusive
   * @param to last date, inclusive
   * @return the message
   */
  public static String noRows(CircuitRef circuit, String what, LocalDate from, LocalDate to) {
    return "circuit "
        + circuit
        + ": no "
        + what
        + " rows between "
        + from
        + " and "
        + to
        + "; the sensor table has no readings in that window";
  }

  /**
   * A circuit's sensor has no readings in a multi-circuit read.
   *
   * @param circuit the circuit
   * @param sensorId its sensor
   * @param to the last date read
   * @return the message
   */
  public static String noSensorRows(CircuitRef circuit, String sensorId, LocalDate to) {
    return "circuit "
        + circuit
        + ": sensor "
        + sensorId
        + " has no readings up to "
        + to
        + " in the sensor table; check data_filters.sensor_id";
  }

  /**
   * A file of numbers cannot be parsed.
   *
   * @param file the file
   * @param line the line number, from 1
   * @param text the offending line
   * @param expected what the file should hold
   * @return the message
   */
  public static String badNumberFile(Path file, int line, String text, String expected) {
    return file + ":" + line + ": cannot read '" + text + "'; expected " + expected;
  }

  /**
   * Reading or writing a file failed.
   *
   * @param operation what was being done
   * @param file the file
   * @return the message
   */
  public static String io(String operation, Path file) {
    return "Failed to " + operation + " '" + file + "'";
  }

  /**
   * A line of the JSON-lines alert file is not a JSON object.
   *
   * @param file the alert file
   * @param line the line number, from 1
   * @param problem the parser's description
   * @return the message
   */
  public static String badAlertLine(Path file, int line, String problem) {
    return file
        + ":"
        + line
        + ": not a JSON object ("
        + problem
        + "); expected one alert object per line as mlops writes them; fix or delete the line"
        + " (its alert may then be sent again)";
  }

  /**
   * The report folder cannot be replaced by a new report.
   *
   * @param dir the folder
   * @param why what it is or holds
   * @return the message
   */
  public static String reportDirNotReplaceable(Path dir, String why) {
    return "report folder '"
        + dir
        + "' "
        + why
        + "; writing a report replaces the whole folder, so expected a new or empty folder, or one"
        + " holding only a previous report (index.html, plots/, patches/)";
  }

  /**
   * A webhook did not accept an alert.
   *
   * @param url the endpoint; only its scheme and host are shown, never the secret path or query
   * @param attempts attempts made
   * @param last the last status or error
   * @return the message
   */
  public static String webhookFailed(WebhookUrl url, int attempts, String last) {
    return "webhook "
        + url.redacted()
        + " did not accept the alert after "
        + attempts
        + " attempt(s): "
        + last;
  }

  /**
   * A webhook URL given by the user is not usable.
   *
   * @param source where it came from, such as an environment variable's name
   * @param problem what is wrong with it, without repeating it
   * @return the message
   */
  public static String badWebhookUrl(String source, String problem) {
    return "the webhook URL in "
        + source
        + " "
        + problem
        + " (the URL is not shown because it holds a secret)";
  }

  /**
   * The patched config no longer validates.
   *
   * @param file the circuit file
   * @param problems the loader's message
   * @return the message
   */
  public static String patchInvalid(String file, String problems) {
    return "the retraining patch of " + file + " does not validate: " + problems;
  }

  /**
   * A circuit file has no {@code cutoff_date} line to patch.
   *
   * @param file the circuit file
   * @return the message
   */
  public static String noCutoffLine(String file) {
    return file
        + " has no 'cutoff_date:' line under 'training:'; expected a line such as"
        + " '  cutoff_date: \"2025-12-09\"'";
  }

  /**
   * A period argument cannot be parsed.
   *
   * @param text the argument
   * @param expected the expected form
   * @return the message
   */
  public static String badPeriod(String text, String expected) {
    return "'" + text + "' is not a period; expected " + expected;
  }
}
