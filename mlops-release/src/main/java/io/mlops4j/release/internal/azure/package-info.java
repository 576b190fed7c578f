/**
 * The Azure ML backend: ARM REST (api-version 2024-10-01) on an azure-core {@code HttpPipeline},
 * blob artifacts through azure-storage-blob, and batch invocation over the data plane. Wire JSON
 * stays in this package and is mapped to the records of {@code io.mlops4j.release} at the client
 * boundary. Not API: other modules never import it.
 */
package io.mlops4j.release.internal.azure;
