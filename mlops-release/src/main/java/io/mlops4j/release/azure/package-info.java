/**
 * The Azure ML backend of the workspace and registry client: {@link
 * io.mlops4j.release.azure.AzureMlClientBuilder} builds an {@link
 * io.mlops4j.release.azure.AzureMlClient} that serves the Azure targets of {@code workspaces.yml}
 * over the ARM REST API (api-version 2024-10-01) on azure-core, with artifacts in blob storage.
 *
 * <p>Credentials come from azure-identity ({@code DefaultAzureCredential} unless one is given);
 * nothing in {@code workspaces.yml} is secret. Model versions are integers allocated by the client
 * from the model container's next version, with a create-only PUT retried on conflict.
 */
package io.mlops4j.release.azure;
