/**
 * The {@code mlops} command: the composition root that wires mlops4j's modules for pipelines and
 * people. Exit codes: 0 ok, 1 failure, 2 invalid input or usage, 3 a gate failed.
 *
 * <p>{@code mlops config} validates, shows and diffs configuration; {@code mlops ws} works with the
 * models, environments, data assets, endpoints, deployments and jobs of a workspace or registry,
 * through the client the root command opens ({@link io.mlops4j.cli.MlopsCommand}).
 */
package io.mlops4j.cli;
