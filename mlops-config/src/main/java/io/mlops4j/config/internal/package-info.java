/**
 * Implementation of mlops4j-config: YAML reading, schema checks, semantic checks. Not API: other
 * modules never import this package.
 */
package io.mlops4j.config.internal;
