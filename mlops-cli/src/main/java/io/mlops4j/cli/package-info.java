/**
 * The {@code mlops} command: the composition root that wires mlops4j's modules for pipelines and
 * people. Exit codes: 0 ok, 1 failure, 2 invalid input or usage, 3 a gate failed.
 */
package io.mlops4j.cli;
