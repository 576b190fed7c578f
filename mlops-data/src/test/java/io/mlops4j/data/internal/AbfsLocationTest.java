package io.mlops4j.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops4j.config.MlopsException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AbfsLocationTest {
  @Test
  void parsesAccountContainerAndPath() {
    AbfsLocation loc =
        AbfsLocation.parse(
            URI.create("abfss://sensors@plantdata01.dfs.core.windows.net/delta/t1/"));

    assertThat(loc.account()).isEqualTo("plantdata01");
    assertThat(loc.host()).isEqualTo("plantdata01.dfs.core.windows.net");
    assertThat(loc.container()).isEqualTo("sensors");
    assertThat(loc.path()).isEqualTo("delta/t1");
    assertThat(loc.uri()).isEqualTo("abfss://sensors@plantdata01.dfs.core.windows.net/delta/t1");
    assertThat(loc).hasToString(loc.uri());
  }

  @Test
  void acceptsUpperCaseSchemeAndHost() {
    AbfsLocation loc = AbfsLocation.parse(URI.create("ABFSS://c01@Acct.DFS.core.windows.net/t"));

    assertThat(loc.host()).isEqualTo("acct.dfs.core.windows.net");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "wasbs://c01@acct.blob.core.windows.net/t",
        "abfs://c01@acct.dfs.core.windows.net/t",
        "https://acct.dfs.core.windows.net/c01/t",
        "s3a://bucket/t",
        "hdfs://namenode/t"
      })
  void rejectsOtherSchemes(String uri) {
    assertThatThrownBy(() -> DeltaSensorTable.open(URI.create(uri), java.time.Clock.systemUTC()))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("is not supported")
        .hasMessageContaining("abfss://<container>@<account>.dfs.core.windows.net/<path>");
  }

  @Test
  void rejectsMissingContainer() {
    assertThatThrownBy(() -> AbfsLocation.parse(URI.create("abfss://acct.dfs.core.windows.net/t")))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("container is missing")
        .hasMessageContaining("expected abfss://<container>@<account>.dfs.core.windows.net/<path>");
  }

  @Test
  void rejectsMissingAccountOrForeignHost() {
    assertThatThrownBy(() -> AbfsLocation.parse(URI.create("abfss://c01@/t")))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("expected abfss://");
    assertThatThrownBy(
            () -> AbfsLocation.parse(URI.create("abfss://c01@acct.blob.core.windows.net/t")))
        .hasMessageContaining("not an ADLS Gen2 endpoint");
    assertThatThrownBy(() -> AbfsLocation.parse(URI.create("abfss://c01@a.dfs.core.windows.net/t")))
        .hasMessageContaining("account 'a' is not valid");
  }

  @Test
  void rejectsBadContainerPathAndPort() {
    assertThatThrownBy(
            () -> AbfsLocation.parse(URI.create("abfss://Bad_C@acct.dfs.core.windows.net/t")))
        .hasMessageContaining("container 'Bad_C' is not valid");
    assertThatThrownBy(
            () -> AbfsLocation.parse(URI.create("abfss://c01@acct.dfs.core.windows.net/")))
        .hasMessageContaining("table directory inside the container is missing");
    assertThatThrownBy(
            () -> AbfsLocation.parse(URI.create("abfss://c01@acct.dfs.core.windows.net/a/../b")))
        .hasMessageContaining("'..' segment");
    assertThatThrownBy(
            () -> AbfsLocation.parse(URI.create("abfss://c01@acct.dfs.core.windows.net:443/t")))
        .hasMessageContaining("port");
  }

  @Test
  void rejectsSasTokenWithoutEchoingIt() {
    String secret = "s3cr3tSignatureValue";
    URI sas =
        URI.create(
            "abfss://c01@acct.dfs.core.windows.net/t?sv=2022-11-02&ss=b&sig=" + secret + "%3D");

    assertThatThrownBy(() -> AbfsLocation.parse(sas))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("query string")
        .hasMessageContaining("azure-identity")
        .hasMessageNotContaining(secret)
        .hasMessageNotContaining("sig=")
        .hasMessageNotContaining("acct.dfs");
  }

  @Test
  void rejectsPasswordInUserInfoWithoutEchoingIt() {
    URI withKey = URI.create("abfss://c01:AccountKey123@acct.dfs.core.windows.net/t");

    assertThatThrownBy(() -> AbfsLocation.parse(withKey))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("password")
        .hasMessageNotContaining("AccountKey123");
  }

  @Test
  void fileUrisOpenLocally(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    DeltaSensorTable t = DeltaSensorTable.open(dir.toUri(), java.time.Clock.systemUTC());

    assertThat(t.location()).isEqualTo(dir.toAbsolutePath().normalize().toString());
    assertThatThrownBy(
            () -> DeltaSensorTable.open(URI.create("file:/tmp/t?x=1"), java.time.Clock.systemUTC()))
        .isInstanceOf(MlopsException.class)
        .hasMessageContaining("file: table URI is not valid");
  }
}
