package io.mlops4j.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;

class AbfsConfigTest {
  private static final AbfsLocation LOC =
      AbfsLocation.parse(URI.create("abfss://sensors@plantdata01.dfs.core.windows.net/delta/t1"));

  @Test
  void settingsHaveExactlyTheExpectedKeys() {
    assertThat(AbfsConfig.settings(LOC))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "fs.azure.account.auth.type.plantdata01.dfs.core.windows.net", "Custom",
                "fs.azure.account.oauth.provider.type.plantdata01.dfs.core.windows.net",
                    "io.mlops4j.data.internal.AzureIdentityTokenProvider",
                "fs.azure.ssl.channel.mode", "Default_JSSE",
                "parquet.compression", "snappy"));
  }

  @Test
  void noSecretKeysAreSet() {
    Configuration conf = AbfsConfig.configuration(LOC);

    for (Map.Entry<String, String> e : conf) {
      assertThat(e.getKey())
          .doesNotContain("account.key")
          .doesNotContain("sas.token")
          .doesNotContain("client.secret");
    }
    assertThat(conf.get("fs.abfss.impl"))
        .isEqualTo("org.apache.hadoop.fs.azurebfs.SecureAzureBlobFileSystem");
  }

  /**
   * hadoop-azure is built against unshaded hadoop-common; this checks that its driver loads and
   * initializes on hadoop-client-api/-runtime, and that Hadoop instantiates our token provider.
   * With the namespace setting given, initialization makes no network call.
   */
  @Test
  void abfsDriverInitializesOnTheShadedClientWithoutNetwork() throws Exception {
    Class<?> driver = Class.forName("org.apache.hadoop.fs.azurebfs.SecureAzureBlobFileSystem");
    assertThat(FileSystem.class).isAssignableFrom(driver);

    Configuration conf = AbfsConfig.configuration(LOC);
    conf.set("fs.azure.account.hns.enabled", "true");
    try (FileSystem fs = FileSystem.newInstance(URI.create(LOC.uri()), conf)) {
      assertThat(fs.getClass().getName())
          .isEqualTo("org.apache.hadoop.fs.azurebfs.SecureAzureBlobFileSystem");
      assertThat(fs.getUri().toString())
          .isEqualTo("abfss://sensors@plantdata01.dfs.core.windows.net");
    }
  }
}
