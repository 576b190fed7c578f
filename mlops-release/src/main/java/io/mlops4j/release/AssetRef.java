package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.MlopsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to one version of an asset, in the forms Azure ML uses.
 *
 * <ul>
 *   <li>{@code azureml:NAME:VERSION}: an asset of the current workspace ({@link #registry()} and
 *       {@link #workspaceId()} empty)
 *   <li>{@code azureml://registries/REGISTRY/models/NAME/versions/VERSION}: an asset of a registry
 *   <li>{@code
 *       /subscriptions/S/resourceGroups/G/providers/Microsoft.MachineLearningServices/workspaces/W/models/NAME/versions/VERSION}:
 *       an asset of a named workspace (an ARM id)
 * </ul>
 *
 * @param kind the asset kind
 * @param name the asset name
 * @param version the version (a positive integer for models)
 * @param registry the registry name for a registry asset, else empty
 * @param workspaceId the workspace's ARM id for a workspace-scoped ARM reference, else empty
 */
public record AssetRef(
    AssetKind kind, String name, String version, String registry, String workspaceId) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_.]{0,254}");
  private static final Pattern VERSION = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_.]{0,63}");
  private static final Pattern SHORT = Pattern.compile("azureml:([^:/]+):([^:/]+)");
  private static final Pattern REGISTRY =
      Pattern.compile(
          "azureml://registries/([^/]+)/(models|environments|data)/([^/]+)/versions/([^/]+)");
  private static final Pattern ARM =
      Pattern.compile(
          "(/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.MachineLearningServices/workspaces/[^/]+)"
              + "/(models|environments|data)/([^/]+)/versions/([^/]+)",
          Pattern.CASE_INSENSITIVE);

  /** Checks the components. */
  public AssetRef {
    requireNonNull(kind, "kind");
    requireNonNull(registry, "registry");
    requireNonNull(workspaceId, "workspaceId");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid asset name " + MlopsException.quote(name));
    }
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("invalid asset version " + MlopsException.quote(version));
    }
    if (kind == AssetKind.MODEL && !version.matches("[1-9][0-9]{0,9}")) {
      throw new IllegalArgumentException(
          "model versions are positive integers, was " + MlopsException.quote(version));
    }
    if (!registry.isEmpty() && !workspaceId.isEmpty()) {
      throw new IllegalArgumentException("an asset is in a registry or a workspace, not both");
    }
  }

  /**
   * References an asset of the current workspace.
   *
   * @param kind the asset kind
   * @param name the name
   * @param version the version
   * @return {@code azureml:NAME:VERSION}
   */
  public static AssetRef workspace(AssetKind kind, String name, String version) {
    return new AssetRef(kind, name, version, "", "");
  }

  /**
   * References an asset of a registry.
   *
   * @param registry the registry name
   * @param kind the asset kind
   * @param name the name
   * @param version the version
   * @return {@code azureml://registries/REGISTRY/KIND/NAME/versions/VERSION}
   */
  public static AssetRef registry(String registry, AssetKind kind, String name, String version) {
    if (registry.isEmpty()) {
      throw new IllegalArgumentException("registry must not be empty");
    }
    return new AssetRef(kind, name, version, registry, "");
  }

  /**
   * Parses any of the three forms.
   *
   * @param text the reference
   * @param kind the kind assumed for the short form {@code azureml:NAME:VERSION}, which does not
   *     carry one
   * @return the reference
   * @throws RegistryException with {@link RegistryException.Reason#VALIDATION} if the text is none
   *     of the forms
   */
  public static AssetRef parse(String text, AssetKind kind) {
    requireNonNull(text, "text");
    try {
      Matcher m = SHORT.matcher(text);
      if (m.matches()) {
        return workspace(kind, m.group(1), m.group(2));
      }
      m = REGISTRY.matcher(text);
      if (m.matches()) {
        return registry(m.group(1), AssetKind.ofSegment(m.group(2)), m.group(3), m.group(4));
      }
      m = ARM.matcher(text);
      if (m.matches()) {
        return new AssetRef(
            AssetKind.ofSegment(m.group(2)), m.group(3), m.group(4), "", m.group(1));
      }
    } catch (IllegalArgumentException e) {
      throw invalid(text, e.getMessage());
    }
    throw invalid(text, "not an asset reference");
  }

  private static RegistryException invalid(String text, String why) {
    return new RegistryException(
        RegistryException.Reason.VALIDATION,
        "parse asset reference",
        MlopsException.quote(text)
            + " is invalid ("
            + why
            + "); expected azureml:NAME:VERSION,"
            + " azureml://registries/REGISTRY/models/NAME/versions/VERSION or a workspace ARM id");
  }

  /**
   * Tells whether the asset is in a registry.
   *
   * @return true for a registry asset
   */
  public boolean inRegistry() {
    return !registry.isEmpty();
  }

  @Override
  public String toString() {
    if (inRegistry()) {
      return "azureml://registries/"
          + registry
          + "/"
          + kind.segment()
          + "/"
          + name
          + "/versions/"
          + version;
    }
    if (!workspaceId.isEmpty()) {
      return workspaceId + "/" + kind.segment() + "/" + name + "/versions/" + version;
    }
    return "azureml:" + name + ":" + version;
  }
}
