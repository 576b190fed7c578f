package io.mlops4j.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops4j.data.internal.AzureIdentityTokenProvider.Token;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.azurebfs.extensions.CustomTokenProviderAdaptee;
import org.junit.jupiter.api.Test;

class AzureIdentityTokenProviderTest {
  private static final String TOKEN = "eyJfake.eyJpayloadpayload.signaturesig";
  private static final Instant EXPIRY = Instant.parse("2030-01-02T03:04:05Z");

  @Test
  void loadsByNameAndImplementsTheHadoopInterface() throws Exception {
    Class<?> c = Class.forName("io.mlops4j.data.internal.AzureIdentityTokenProvider");

    assertThat(CustomTokenProviderAdaptee.class).isAssignableFrom(c);
    assertThat(c.getConstructor().newInstance()).isInstanceOf(CustomTokenProviderAdaptee.class);
  }

  @Test
  void delegatesToTheTokenSourceAndConvertsTheExpiry() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    AzureIdentityTokenProvider p =
        new AzureIdentityTokenProvider(
            () -> {
              calls.incrementAndGet();
              return new Token(TOKEN, EXPIRY);
            });
    p.initialize(new Configuration(false), "acct.dfs.core.windows.net");

    assertThat(p.getExpiryTime()).isNull();
    assertThat(p.getAccessToken()).isEqualTo(TOKEN);
    assertThat(calls).hasValue(1);
    assertThat(p.getExpiryTime()).isEqualTo(Date.from(EXPIRY));
    assertThat(p.getExpiryTime().getTime()).isEqualTo(EXPIRY.toEpochMilli());
  }

  @Test
  void tokenNeverInToString() throws IOException {
    AzureIdentityTokenProvider p = new AzureIdentityTokenProvider(() -> new Token(TOKEN, EXPIRY));
    p.initialize(new Configuration(false), "acct.dfs.core.windows.net");
    p.getAccessToken();

    assertThat(p.toString())
        .doesNotContain(TOKEN)
        .contains("acct.dfs.core.windows.net")
        .contains("2030-01-02T03:04:05Z");
    assertThat(new Token(TOKEN, EXPIRY).toString()).doesNotContain(TOKEN).contains("redacted");
  }

  @Test
  void failuresBecomeIoExceptionsWithoutTheToken() {
    AzureIdentityTokenProvider p =
        new AzureIdentityTokenProvider(
            () -> {
              throw new IllegalStateException("no credential available\nsecond line");
            });
    p.initialize(new Configuration(false), "acct.dfs.core.windows.net");

    assertThatThrownBy(p::getAccessToken)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("acct.dfs.core.windows.net")
        .hasMessageContaining("DefaultAzureCredential")
        .hasMessageContaining("no credential available")
        .hasMessageNotContaining("second line");
  }

  @Test
  void emptyTokenIsRejected() {
    AzureIdentityTokenProvider p = new AzureIdentityTokenProvider(() -> new Token("", EXPIRY));
    p.initialize(new Configuration(false), "acct.dfs.core.windows.net");

    assertThatThrownBy(p::getAccessToken)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no token");
  }

  @Test
  void azureIdentitySourceAsksForTheStorageScope() {
    var source =
        AzureIdentityTokenProvider.azureIdentity(
            request -> {
              assertThat(request.getScopes()).containsExactly("https://storage.azure.com/.default");
              return reactor.core.publisher.Mono.just(
                  new com.azure.core.credential.AccessToken(
                      TOKEN, EXPIRY.atOffset(java.time.ZoneOffset.UTC)));
            });

    Token t = source.get();

    assertThat(t.value()).isEqualTo(TOKEN);
    assertThat(t.expiresAt()).isEqualTo(EXPIRY);
  }
}
