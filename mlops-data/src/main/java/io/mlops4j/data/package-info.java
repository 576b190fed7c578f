/**
 * The data of mlops4j: the sensor table every model trains on and every daily score reads
 * (timestamp, sensor_id, date, one double column per feature), synthetic sensors for demos, tests
 * and benchmarks, MLTable data assets, and the prediction files scoring writes.
 */
package io.mlops4j.data;
