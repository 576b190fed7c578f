package io.mlops4j.monitoring;

import io.mlops4j.config.InvalidInputException;
import io.mlops4j.config.MlopsException;
import io.mlops4j.monitoring.internal.MonitoringErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a sample of numbers from a plain file: one number per line, or CSV whose header names the
 * column to take. Blank lines are skipped; a value that is not a finite number ({@code NaN}, {@code
 * Infinity}) is rejected with its file and line.
 */
public final class SampleFile {
  private SampleFile() {}

  /**
   * Reads one column.
   *
   * @param file the file
   * @param column the column to take when the first line is a CSV header (such as {@code actual});
   *     a header of one column is taken whatever its name; without a header, the first column
   * @return the values, in file order
   * @throws MlopsException if the file cannot be read, a header of several columns does not name
   *     the column, or a value is not a finite number (the message names file and line)
   */
  public static double[] read(Path file, String column) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MlopsException(MonitoringErrors.io("read sample", file), e);
    }
    int index = 0;
    int start = 0;
    if (!lines.isEmpty() && !isNumber(lines.get(0).split(",", -1)[0].trim())) {
      List<String> header =
          Arrays.stream(lines.get(0).split(",", -1))
              .map(h -> h.trim().toLowerCase(Locale.ROOT))
              .toList();
      index = header.indexOf(column.toLowerCase(Locale.ROOT));
      if (index < 0 && header.size() > 1) {
        throw new InvalidInputException(
            MonitoringErrors.badNumberFile(
                file,
                1,
                lines.get(0),
                "a header naming the column '"
                    + column
                    + "' (such as "
                    + column
                    + ",...), or one number per line without a header"));
      }
      index = Math.max(0, index);
      start = 1;
    }
    double[] values = new double[lines.size()];
    int n = 0;
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      String cell = index < cells.length ? cells[index].trim() : "";
      if (!isNumber(cell)) {
        throw new InvalidInputException(
            MonitoringErrors.badNumberFile(
                file, i + 1, line, "one number per line, or CSV columns such as actual,predicted"));
      }
      double value = Double.parseDouble(cell);
      if (!Double.isFinite(value)) {
        throw new InvalidInputException(
            MonitoringErrors.badNumberFile(
                file,
                i + 1,
                line,
                "a finite number; drop missing readings (NaN) before comparing"));
      }
      values[n++] = value;
    }
    return Arrays.copyOf(values, n);
  }

  private static boolean isNumber(String text) {
    if (text.isEmpty()) {
      return false;
    }
    try {
      Double.parseDouble(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
