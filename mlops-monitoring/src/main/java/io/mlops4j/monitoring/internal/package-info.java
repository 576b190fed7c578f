/** Implementation of mlops-monitoring; not an API, other modules never import it. */
package io.mlops4j.monitoring.internal;
