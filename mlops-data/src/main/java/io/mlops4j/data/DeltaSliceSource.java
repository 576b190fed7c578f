package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.MlopsException;
import io.mlops4j.data.internal.DataErrors;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads training slices from local Delta tables with {@link SensorTable}: the {@link SliceSource}
 * that makes {@link MlTable#evaluate(SliceSource)} read the folder and version an MLTable names.
 *
 * <p>The MLTable's folder may be a local path (relative ones resolve against the directory given to
 * {@link #relativeTo(Path)}, normally the MLTable file's folder) or a {@code file:} URI. Remote
 * folders ({@code abfss://}, {@code azureml://}, {@code https://}) are rejected with a message:
 * only local folders are evaluated locally.
 *
 * <p>Immutable and thread-safe.
 */
public final class DeltaSliceSource implements SliceSource {
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  private final Path baseDir;

  private DeltaSliceSource(Path baseDir) {
    this.baseDir = baseDir;
  }

  /**
   * Returns a source that resolves relative folders against a directory.
   *
   * @param baseDir the directory relative folders are relative to, normally the MLTable's folder
   * @return the source
   */
  public static DeltaSliceSource relativeTo(Path baseDir) {
    return new DeltaSliceSource(requireNonNull(baseDir, "baseDir"));
  }

  /**
   * Reads the slice at its {@code version_as_of}, dropping rows with null features.
   *
   * @param slice which table version, sensor, last date and columns
   * @return the rows, in timestamp order
   * @throws MlopsException if the folder is not local
   * @throws DataNotFoundException if the table, version, sensor or a column is missing, or the
   *     sensor has no rows up to the last date
   */
  @Override
  public SensorRows read(TrainingSlice slice) {
    requireNonNull(slice, "slice");
    SensorTable table = SensorTable.open(localFolder(slice.deltaFolder()));
    TableVersion version = TableVersion.of(slice.deltaVersion());
    List<String> columns =
        slice.featureColumns().isEmpty() ? table.featureColumns(version) : slice.featureColumns();
    return table
        .trainingSlice(
            slice.sensorId(),
            slice.lastDate(),
            columns,
            ReadOptions.defaults().withVersion(version))
        .rows();
  }

  /** Resolves a folder to a local path, or fails for remote folders. */
  Path localFolder(String folder) {
    if (folder.regionMatches(true, 0, "file:", 0, 5)) {
      try {
        return Path.of(URI.create(folder));
      } catch (IllegalArgumentException e) {
        throw new MlopsException(DataErrors.notLocalFolder(folder), e);
      }
    }
    if (SCHEME.matcher(folder).matches()) {
      throw new MlopsException(DataErrors.notLocalFolder(folder));
    }
    return baseDir.resolve(folder).normalize();
  }
}
