package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.CircuitRef;
import io.mlops4j.config.LogKeys;
import io.mlops4j.config.MlopsException;
import io.mlops4j.config.NamingPolicy;
import io.mlops4j.data.internal.DataErrors;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prediction files under an output directory: one Parquet file per circuit and scored day, at
 * {@code predictions/{plant}/{circuit}/{YYYY-MM-DD}.parquet} (see {@link
 * NamingPolicy#predictionPath}).
 *
 * <p>Each file holds the rows of one circuit, with the columns {@code plant_id}, {@code
 * circuit_id}, {@code sensor_id}, {@code model_name} (strings), {@code forecast_timestamp} and
 * {@code scored_at} (timestamps in microseconds, UTC), {@code horizon_step} and {@code
 * model_version} (32-bit integers), {@code prediction} (double) and {@code delta_version} (64-bit
 * integer), compressed with Snappy. Any Parquet reader can read them.
 *
 * <p>A file is written whole or not at all: rows go to a hidden temporary file in the same
 * directory ({@code .{YYYY-MM-DD}.parquet.tmp-{uuid}}), which is flushed to disk and then renamed
 * over the day's file. Readers never see a partial file, and a failed write leaves the previous
 * file as it was.
 *
 * <p>Instances are immutable and safe to share between threads. Two concurrent writes of the same
 * circuit and day both succeed, and the file holds the rows of the one that finished last.
 */
public final class PredictionFiles {
  private static final Logger LOG = LoggerFactory.getLogger(PredictionFiles.class);

  /** A day file: {@code YYYY-MM-DD.parquet}; temporary files start with a dot and never match. */
  private static final Pattern DAY_FILE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\.parquet");

  private static final String SUFFIX = ".parquet";

  private final Path root;

  /**
   * Creates the prediction files of an output directory. Nothing is read or created until a method
   * is called.
   *
   * @param root the output directory; {@code predictions/} is created inside it when first written
   */
  public PredictionFiles(Path root) {
    this.root = requireNonNull(root, "root");
  }

  /**
   * Returns the output directory.
   *
   * @return the directory that holds {@code predictions/}
   */
  public Path root() {
    return root;
  }

  /**
   * Returns where a day's predictions of a circuit are, whether or not the file exists.
   *
   * @param circuit the circuit
   * @param date the scored day
   * @return {@code {root}/predictions/{plant}/{circuit}/{YYYY-MM-DD}.parquet}
   */
  public Path path(CircuitRef circuit, LocalDate date) {
    requireNonNull(circuit, "circuit");
    return root.resolve(NamingPolicy.predictionPath(circuit, date));
  }

  /**
   * Writes a day's predictions of a circuit, replacing the day's file as a whole if it exists.
   *
   * <p>Rows are written in list order, and the list is iterated once. An empty list writes a file
   * with no rows.
   *
   * @param circuit the circuit every row belongs to
   * @param date the scored day, which names the file
   * @param rows the predictions
   * @return the file written
   * @throws IllegalArgumentException if a row is a prediction of another circuit; nothing is
   *     written
   * @throws MlopsException if the file cannot be written; the previous file, if any, is unchanged
   */
  public Path write(CircuitRef circuit, LocalDate date, List<Prediction> rows) {
    requireNonNull(rows, "rows");
    Path target = path(circuit, date);
    Path directory = target.getParent();
    Path temporary = directory.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(directory);
      PredictionParquet.write(temporary, circuit, rows);
      flushToDisk(temporary);
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      flushDirectory(directory);
    } catch (IOException e) {
      deleteTemporary(temporary, e);
      throw DataErrors.writeFailed(target, e);
    } catch (RuntimeException | Error e) {
      deleteTemporary(temporary, e);
      throw e;
    }
    LOG.atDebug()
        .addKeyValue(LogKeys.PLANT_ID, circuit.plant().value())
        .addKeyValue(LogKeys.CIRCUIT_ID, circuit.circuit().value())
        .addKeyValue(LogKeys.ROWS, rows.size())
        .log("wrote prediction file");
    return target;
  }

  /**
   * Reads every row of one prediction file.
   *
   * @param file a prediction file, such as one returned by {@link #write}
   * @return its rows, in file order
   * @throws MlopsException if the file does not exist, is not Parquet, lacks a prediction column,
   *     or holds an invalid row; the message names the file and what is wrong
   */
  public List<Prediction> read(Path file) {
    requireNonNull(file, "file");
    return PredictionParquet.read(file);
  }

  /**
   * Reads a circuit's predictions of the scored days {@code from} to {@code to}, both included, in
   * day order; days without a file are skipped.
   *
   * @param circuit the circuit
   * @param from the first scored day
   * @param to the last scored day, not before {@code from}
   * @return the rows of every day file in the range; empty if there are none
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   * @throws MlopsException if a file in the range cannot be read, or holds rows of another circuit
   */
  public List<Prediction> read(CircuitRef circuit, LocalDate from, LocalDate to) {
    requireNonNull(circuit, "circuit");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "to (" + to + ") is before from (" + from + "); expected from <= to");
    }
    List<Prediction> rows = new ArrayList<>();
    for (LocalDate day : listDays(circuit)) {
      if (day.isBefore(from) || day.isAfter(to)) {
        continue;
      }
      Path file = path(circuit, day);
      List<Prediction> dayRows = read(file);
      for (int row = 0; row < dayRows.size(); row++) {
        CircuitRef actual = dayRows.get(row).circuit();
        if (!actual.equals(circuit)) {
          throw DataErrors.misplacedRow(file, row, actual, circuit);
        }
      }
      rows.addAll(dayRows);
    }
    return rows;
  }

  /**
   * Lists the scored days that have a prediction file for a circuit. Temporary files of writes in
   * progress, and any file not named {@code YYYY-MM-DD.parquet}, are ignored.
   *
   * @param circuit the circuit
   * @return the days, earliest first; empty if the circuit has no predictions
   * @throws MlopsException if the circuit's directory exists but cannot be listed
   */
  public List<LocalDate> listDays(CircuitRef circuit) {
    Path directory = path(circuit, LocalDate.EPOCH).getParent();
    List<LocalDate> days = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (DAY_FILE.matcher(name).matches() && Files.isRegularFile(file)) {
          try {
            days.add(LocalDate.parse(name.substring(0, name.length() - SUFFIX.length())));
          } catch (DateTimeParseException e) {
            // Shaped like a day file, but no calendar day (2025-13-40.parquet): not ours.
          }
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw DataErrors.listFailed(directory, e);
    }
    days.sort(null);
    return List.copyOf(days);
  }

  private static void flushToDisk(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /** Makes the rename durable where the platform can flush a directory (not on Windows). */
  private static void flushDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open a directory as a channel; the rename itself has already succeeded.
    }
  }

  private static void deleteTemporary(Path temporary, Throwable failure) {
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
