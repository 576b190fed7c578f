/**
 * The data of mlops4j: the sensor table every model trains on and every daily score reads
 * (timestamp, sensor_id, date, one double column per feature), synthetic sensors for demos, tests
 * and benchmarks, MLTable data assets, and the prediction files scoring writes.
 *
 * <ul>
 *   <li>{@link io.mlops4j.data.SensorRows}: rows of one sensor, in columns.
 *   <li>{@link io.mlops4j.data.SyntheticSensors}: deterministic synthetic sensor days, described by
 *       a {@link io.mlops4j.data.SyntheticSensorSpec} (with optional {@link
 *       io.mlops4j.data.Drift}).
 *   <li>{@link io.mlops4j.data.MlTables}: build a circuit's training {@link
 *       io.mlops4j.data.MlTable}, parse and load MLTable files; {@link
 *       io.mlops4j.data.MlTable#evaluate} reads the {@link io.mlops4j.data.TrainingSlice} an
 *       MLTable selects through the {@link io.mlops4j.data.SliceSource} seam.
 *   <li>{@link io.mlops4j.data.DataAssetDescription}: what to register as a circuit's training data
 *       asset, with its {@link io.mlops4j.data.Lineage}.
 * </ul>
 */
package io.mlops4j.data;
