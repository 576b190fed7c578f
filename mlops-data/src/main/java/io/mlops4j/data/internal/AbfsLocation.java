package io.mlops4j.data.internal;

import static io.mlops4j.config.MlopsException.quote;

import io.mlops4j.config.MlopsException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Delta table on ADLS Gen2, parsed from {@code
 * abfss://<container>@<account>.dfs.core.windows.net/<path>}. Only the TLS scheme and the public
 * Azure cloud are accepted, and no query string: credentials come from azure-identity, never from
 * the URI.
 *
 * @param account the storage account name (3-24 lower-case letters and digits)
 * @param container the container, or file system (3-63 lower-case letters, digits and hyphens)
 * @param path the table directory inside the container, without leading or trailing {@code /}
 */
record AbfsLocation(String account, String container, String path) {
  /** The ADLS Gen2 endpoint suffix of the public Azure cloud. */
  static final String DFS_SUFFIX = ".dfs.core.windows.net";

  static final String FORM = "abfss://<container>@<account>" + DFS_SUFFIX + "/<path>";

  private static final Pattern ACCOUNT = Pattern.compile("^[a-z0-9]{3,24}$");
  private static final Pattern CONTAINER =
      Pattern.compile("^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$");
  private static final Pattern SEGMENT = Pattern.compile("^[^/\\\\]+$");

  /**
   * Parses an {@code abfss://} URI.
   *
   * @param uri the URI
   * @return the location
   * @throws MlopsException if the URI is not a valid abfss table URI; the message says what is
   *     valid and never repeats a query string or user-info password
   */
  static AbfsLocation parse(URI uri) {
    String scheme = uri.getScheme();
    if (scheme == null || !scheme.equalsIgnoreCase("abfss")) {
      throw DataErrors.unsupportedTableUri(scheme);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      // A SAS token (?sv=...&sig=...) would be a secret: say nothing of the URI's content.
      throw invalid(
          null,
          "it has a query string or fragment; SAS tokens and keys are not accepted in the URI,"
              + " the token comes from azure-identity (DefaultAzureCredential)");
    }
    if (uri.isOpaque() || uri.getRawAuthority() == null) {
      throw invalid(shown(uri), "it has no container and account");
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && userInfo.contains(":")) {
      throw invalid(null, "it has a password in its user info; credentials are not accepted");
    }
    if (userInfo == null || userInfo.isEmpty()) {
      throw invalid(shown(uri), "the container is missing (before '@')");
    }
    String container = userInfo;
    if (!CONTAINER.matcher(container).matches()) {
      throw invalid(
          shown(uri),
          "container "
              + quote(container)
              + " is not valid: 3-63 lower-case letters, digits and single hyphens");
    }
    String host = uri.getHost();
    if (host == null) {
      throw invalid(shown(uri), "the account host is missing or malformed");
    }
    String lowerHost = host.toLowerCase(Locale.ROOT);
    if (!lowerHost.endsWith(DFS_SUFFIX)) {
      throw invalid(
          shown(uri),
          "host "
              + quote(host)
              + " is not an ADLS Gen2 endpoint of the form <account>"
              + DFS_SUFFIX
              + " (blob.core.windows.net endpoints and other clouds are not supported)");
    }
    String account = lowerHost.substring(0, lowerHost.length() - DFS_SUFFIX.length());
    if (!ACCOUNT.matcher(account).matches()) {
      throw invalid(
          shown(uri),
          "account " + quote(account) + " is not valid: 3-24 lower-case letters and digits");
    }
    if (uri.getPort() != -1) {
      throw invalid(shown(uri), "it has a port; leave it out");
    }
    String path = trimSlashes(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (path.isEmpty()) {
      throw invalid(shown(uri), "the table directory inside the container is missing");
    }
    for (String segment : path.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        throw invalid(shown(uri), "its path has an empty, '.' or '..' segment");
      }
    }
    return new AbfsLocation(account, container, path);
  }

  /**
   * Returns the account's host.
   *
   * @return {@code <account>.dfs.core.windows.net}
   */
  String host() {
    return account + DFS_SUFFIX;
  }

  /**
   * Returns the table's URI, as given to delta-kernel and shown in messages.
   *
   * @return {@code abfss://<container>@<host>/<path>}
   */
  String uri() {
    return "abfss://" + container + "@" + host() + "/" + path;
  }

  @Override
  public String toString() {
    return uri();
  }

  private static String trimSlashes(String p) {
    int start = 0;
    int end = p.length();
    while (start < end && p.charAt(start) == '/') {
      start++;
    }
    while (end > start && p.charAt(end - 1) == '/') {
      end--;
    }
    return p.substring(start, end);
  }

  /** The URI without query, fragment or user-info password; the callers check there are none. */
  private static String shown(URI uri) {
    return uri.toString();
  }

  private static MlopsException invalid(String shown, String problem) {
    return DataErrors.invalidAbfsUri(shown, problem, FORM);
  }
}
