package io.mlops4j.data.internal;

import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * Builds the Hadoop configuration for a table on ADLS Gen2: the ABFS driver authenticates with an
 * Azure AD token from {@link AzureIdentityTokenProvider}. No key, secret or SAS is ever set here.
 */
final class AbfsConfig {
  /** ABFS's custom OAuth token provider mode. */
  static final String AUTH_TYPE = "fs.azure.account.auth.type.";

  static final String PROVIDER_TYPE = "fs.azure.account.oauth.provider.type.";

  /** JSSE only: wildfly-openssl (ABFS's optional OpenSSL binding) is not on the class path. */
  static final String SSL_CHANNEL_MODE = "fs.azure.ssl.channel.mode";

  private AbfsConfig() {}

  /**
   * Returns the settings added to Hadoop's defaults for one location.
   *
   * @param location the table
   * @return key to value, sorted by key
   */
  static Map<String, String> settings(AbfsLocation location) {
    String host = location.host();
    Map<String, String> s = new TreeMap<>();
    s.put(AUTH_TYPE + host, "Custom");
    s.put(PROVIDER_TYPE + host, AzureIdentityTokenProvider.class.getName());
    s.put(SSL_CHANNEL_MODE, "Default_JSSE");
    s.put("parquet.compression", "snappy");
    return s;
  }

  /**
   * Returns Hadoop's default configuration (core-default.xml, which maps {@code abfss} to the ABFS
   * driver) with {@link #settings} applied.
   *
   * @param location the table
   * @return a new configuration
   */
  static Configuration configuration(AbfsLocation location) {
    Configuration conf = new Configuration();
    settings(location).forEach(conf::set);
    return conf;
  }
}
