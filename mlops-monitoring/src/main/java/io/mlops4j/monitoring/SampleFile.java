package io.mlops4j.monitoring;

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
 * column to take. Blank lines are skipped; {@code NaN} is read as NaN, so metrics and drift reject
 * it with its position.
 */
public final class SampleFile {
  private SampleFile() {}

  /**
   * Reads one column.
   *
   * @param file the file
   * @param column the column to take when the first line is a CSV header holding it (such as {@code
   *     actual}); otherwise the first column
   * @return the values, in file order
   * @throws MlopsException if the file cannot be read or a value is not a number (the message names
   *     file and line)
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
      index = Math.max(0, header.indexOf(column.toLowerCase(Locale.ROOT)));
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
        throw new MlopsException(
            MonitoringErrors.badNumberFile(
                file, i + 1, line, "one number per line, or CSV columns such as actual,predicted"));
      }
      values[n++] = Double.parseDouble(cell);
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
