package io.mlops4j.data;

import io.mlops4j.config.MlopsException;
import io.mlops4j.data.MlTableTransformation.Filter;
import io.mlops4j.data.MlTableTransformation.KeepColumns;
import io.mlops4j.data.MlTableTransformation.ReadDeltaLake;
import io.mlops4j.data.internal.DataErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Interprets an MLTable as a {@link TrainingSlice}, or says why it cannot. */
final class TrainingSlices {
  private TrainingSlices() {}

  static TrainingSlice of(MlTable table) {
    if (table.paths().size() != 1) {
      throw notEvaluable("it lists " + table.paths().size() + " paths; expected one folder");
    }
    MlTablePath path = table.paths().get(0);
    if (path.kind() != MlTablePath.Kind.FOLDER) {
      throw notEvaluable(
          "its path is a " + path.kind().key() + ": path; expected the Delta table's folder:");
    }
    List<MlTableTransformation> steps = table.transformations();
    if (steps.isEmpty() || !(steps.get(0) instanceof ReadDeltaLake read)) {
      throw notEvaluable(
          "its first step is "
              + (steps.isEmpty() ? "missing" : steps.get(0).name())
              + "; expected read_delta_lake");
    }
    if (!(read.asOf() instanceof DeltaAsOf.Version version)) {
      throw notEvaluable(
          "read_delta_lake is pinned with timestamp_as_of; local evaluation needs version_as_of");
    }
    if (read.includePathColumn()) {
      throw notEvaluable("read_delta_lake sets include_path_column: true, which is not supported");
    }
    Filter filter = null;
    KeepColumns keep = null;
    for (MlTableTransformation step : steps.subList(1, steps.size())) {
      if (step instanceof Filter f && filter == null) {
        filter = f;
      } else if (step instanceof KeepColumns k && keep == null) {
        keep = k;
      } else if (step instanceof Filter || step instanceof KeepColumns) {
        throw notEvaluable("it has more than one " + step.name());
      } else {
        throw notEvaluable("step " + step.name() + " is not supported after read_delta_lake");
      }
    }
    if (filter == null) {
      throw notEvaluable("it has no filter, so it would read every sensor");
    }
    FilterExpression.TrainingFilter selected = FilterExpression.parseTraining(filter.expression());
    List<String> features = new ArrayList<>();
    if (keep != null) {
      if (!keep.columns().containsAll(SensorTableColumns.KEYS)) {
        throw notEvaluable(
            "keep_columns "
                + keep.columns()
                + " must keep the key columns "
                + SensorTableColumns.KEYS);
      }
      if (new HashSet<>(keep.columns()).size() != keep.columns().size()) {
        throw notEvaluable("keep_columns " + keep.columns() + " names a column twice");
      }
      for (String column : keep.columns()) {
        if (!SensorTableColumns.KEYS.contains(column)) {
          features.add(column);
        }
      }
    }
    return new TrainingSlice(
        path.location(), version.version(), selected.sensorId(), selected.lastDate(), features);
  }

  private static MlopsException notEvaluable(String detail) {
    return new MlopsException(DataErrors.notEvaluable(detail));
  }
}
