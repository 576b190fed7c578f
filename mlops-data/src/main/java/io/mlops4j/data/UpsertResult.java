package io.mlops4j.data;

/**
 * What one upsert committed.
 *
 * @param version the table version the commit created
 * @param filesRemoved data files removed because they held a replaced (sensor_id, date)
 * @param filesRewritten files written again with the surviving rows of removed files
 * @param filesAdded files written with the new rows
 * @param rowsReplaced existing rows replaced
 * @param rowsWritten new rows written
 */
public record UpsertResult(
    long version,
    int filesRemoved,
    int filesRewritten,
    int filesAdded,
    long rowsReplaced,
    long rowsWritten) {}
