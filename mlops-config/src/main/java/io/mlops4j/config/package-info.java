/**
 * Plant and circuit configuration for mlops4j.
 *
 * <p>{@link io.mlops4j.config.ConfigLoader} reads {@code config/plants_circuits.yml} and {@code
 * config/plants/{plant_id}/{circuit_id}.yml} into immutable records ({@link
 * io.mlops4j.config.ConfigTree}, {@link io.mlops4j.config.CircuitConfig}), reporting every problem
 * with file, line, column and field path. {@link io.mlops4j.config.NamingPolicy} derives every
 * Azure ML name from the ids; {@link io.mlops4j.config.ChangeDetector} finds the circuits a pull
 * request changed; {@link io.mlops4j.config.EnvironmentChangeClassifier} tells a breaking
 * environment change from an environment-only release; {@link
 * io.mlops4j.config.HyperparametersHash} matches the Python tooling's hash. The JSON schemas of
 * both file kinds are published in this jar under {@code io/mlops4j/config/schema/}.
 */
package io.mlops4j.config;
