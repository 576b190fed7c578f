package io.mlops4j.data.internal;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link ColumnarBatch} over plain Java arrays, using only kernel's public API (the defaults
 * module's DefaultColumnarBatch / Default*Vector classes live in an ".internal" package).
 */
public final class ArrayBatch implements ColumnarBatch {
  private final StructType schema;
  private final ColumnVector[] vectors;
  private final int size;

  public ArrayBatch(StructType schema, ColumnVector[] vectors, int size) {
    if (schema.length() != vectors.length) {
      throw new IllegalArgumentException(
          "schema has " + schema.length() + " fields, got " + vectors.length + " vectors");
    }
    this.schema = schema;
    this.vectors = vectors;
    this.size = size;
  }

  @Override
  public StructType getSchema() {
    return schema;
  }

  @Override
  public ColumnVector getColumnVector(int ordinal) {
    return vectors[ordinal];
  }

  @Override
  public int getSize() {
    return size;
  }

  // transformLogicalData() calls these for partition columns only; implemented for completeness.
  @Override
  public ColumnarBatch withDeletedColumnAt(int ordinal) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.remove(ordinal);
    List<ColumnVector> vs = new ArrayList<>(Arrays.asList(vectors));
    vs.remove(ordinal);
    return new ArrayBatch(new StructType(fields), vs.toArray(new ColumnVector[0]), size);
  }

  @Override
  public ColumnarBatch withNewColumn(int ordinal, StructField field, ColumnVector vector) {
    List<StructField> fields = new ArrayList<>(schema.fields());
    fields.add(ordinal, field);
    List<ColumnVector> vs = new ArrayList<>(Arrays.asList(vectors));
    vs.add(ordinal, vector);
    return new ArrayBatch(new StructType(fields), vs.toArray(new ColumnVector[0]), size);
  }

  @Override
  public ColumnarBatch withNewSchema(StructType newSchema) {
    return new ArrayBatch(newSchema, vectors, size);
  }

  // ---------------------------------------------------------------- vectors

  private abstract static class Base implements ColumnVector {
    private final DataType type;
    private final int size;

    Base(DataType type, int size) {
      this.type = type;
      this.size = size;
    }

    @Override
    public DataType getDataType() {
      return type;
    }

    @Override
    public int getSize() {
      return size;
    }

    @Override
    public void close() {}

    @Override
    public boolean isNullAt(int rowId) {
      return false;
    }
  }

  /** long-backed: TimestampType / TimestampNTZType (micros since epoch) and LongType. */
  public static ColumnVector longs(DataType type, long[] v) {
    return new Base(type, v.length) {
      @Override
      public long getLong(int i) {
        return v[i];
      }
    };
  }

  /** int-backed: DateType (days since epoch) and IntegerType. */
  public static ColumnVector ints(DataType type, int[] v) {
    return new Base(type, v.length) {
      @Override
      public int getInt(int i) {
        return v[i];
      }
    };
  }

  /** NaN is stored as a value; use {@link #doublesWithNulls} for SQL NULLs. */
  public static ColumnVector doubles(double[] v) {
    return new Base(DoubleType.DOUBLE, v.length) {
      @Override
      public double getDouble(int i) {
        return v[i];
      }
    };
  }

  public static ColumnVector doublesWithNulls(double[] v, boolean[] isNull) {
    return new Base(DoubleType.DOUBLE, v.length) {
      @Override
      public boolean isNullAt(int i) {
        return isNull[i];
      }

      @Override
      public double getDouble(int i) {
        return v[i];
      }
    };
  }

  /** NaN is written as SQL NULL (NaN means "missing" in SensorRows). */
  public static ColumnVector doublesNaNAsNull(double[] v) {
    return new Base(DoubleType.DOUBLE, v.length) {
      @Override
      public boolean isNullAt(int i) {
        return Double.isNaN(v[i]);
      }

      @Override
      public double getDouble(int i) {
        return v[i];
      }
    };
  }

  public static ColumnVector strings(String[] v) {
    return new Base(StringType.STRING, v.length) {
      @Override
      public boolean isNullAt(int i) {
        return v[i] == null;
      }

      @Override
      public String getString(int i) {
        return v[i];
      }
    };
  }

  public static ColumnVector booleans(boolean[] v) {
    return new Base(BooleanType.BOOLEAN, v.length) {
      @Override
      public boolean getBoolean(int i) {
        return v[i];
      }
    };
  }
}
