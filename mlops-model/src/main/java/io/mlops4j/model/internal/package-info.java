/**
 * Implementation of mlops-model: the TensorFlow graph, the training loop, windowing, evaluation and
 * the model directory format. Not an API: other modules never import this package.
 */
package io.mlops4j.model.internal;
