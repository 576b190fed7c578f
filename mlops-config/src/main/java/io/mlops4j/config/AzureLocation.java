package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

/**
 * Where a target lives in Azure: subscription, resource group and the workspace or registry name.
 * Holds no credentials; those come from azure-identity.
 *
 * @param subscriptionId the subscription id (a GUID), or empty for {@link #NONE}
 * @param resourceGroup the resource group, or empty
 * @param name the workspace or registry name, or empty
 * @param region the Azure region if given, or empty
 */
public record AzureLocation(
    String subscriptionId, String resourceGroup, String name, String region) {
  /** Not in Azure: the embedded local store. */
  public static final AzureLocation NONE = new AzureLocation("", "", "", "");

  /** Checks the components. */
  public AzureLocation {
    requireNonNull(subscriptionId, "subscriptionId");
    requireNonNull(resourceGroup, "resourceGroup");
    requireNonNull(name, "name");
    requireNonNull(region, "region");
  }
}
