package io.mlops4j.data.internal;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.azurebfs.extensions.CustomTokenProviderAdaptee;

/**
 * Gives the ABFS driver an Azure AD token for Azure Storage from azure-identity's {@code
 * DefaultAzureCredential}: environment variables (service principal), workload identity, managed
 * identity (Azure ML compute), then developer logins such as the Azure CLI.
 *
 * <p>Hadoop instantiates this class by name (see {@link AbfsConfig}) and caches the token until
 * shortly before {@link #getExpiryTime()}. The token is never logged, put in a message or returned
 * by {@link #toString()}.
 */
public final class AzureIdentityTokenProvider implements CustomTokenProviderAdaptee {
  /** The OAuth scope of Azure Storage. */
  static final String STORAGE_SCOPE = "https://storage.azure.com/.default";

  private final TokenSource injected;
  private volatile TokenSource source;
  private volatile String account = "(not initialized)";
  private volatile Instant expiresAt;

  /** Called by Hadoop; the credential is built in {@link #initialize}. */
  public AzureIdentityTokenProvider() {
    this.injected = null;
  }

  /**
   * For tests: takes tokens from {@code source} instead of azure-identity.
   *
   * @param source the token source
   */
  AzureIdentityTokenProvider(TokenSource source) {
    this.injected = requireNonNull(source, "source");
    this.source = source;
  }

  @Override
  public void initialize(Configuration configuration, String accountName) {
    this.account = String.valueOf(accountName);
    if (injected == null) {
      this.source = azureIdentity(new DefaultAzureCredentialBuilder().build());
    }
  }

  @Override
  public String getAccessToken() throws IOException {
    TokenSource s = source;
    if (s == null) {
      throw new IOException("AzureIdentityTokenProvider for " + account + " is not initialized");
    }
    Token token;
    try {
      token = s.get();
    } catch (RuntimeException e) {
      throw new IOException(
          "could not get an Azure AD token for storage account "
              + account
              + " from azure-identity's DefaultAzureCredential (tried environment variables, workload"
              + " identity, managed identity and developer logins such as the Azure CLI): "
              + firstLine(e.getMessage()),
          e);
    }
    if (token == null || token.value().isEmpty()) {
      throw new IOException("azure-identity returned no token for storage account " + account);
    }
    expiresAt = token.expiresAt();
    return token.value();
  }

  @Override
  public Date getExpiryTime() {
    Instant e = expiresAt;
    return e == null ? null : Date.from(e);
  }

  @Override
  public String toString() {
    return "AzureIdentityTokenProvider[account=" + account + ", expiresAt=" + expiresAt + "]";
  }

  static TokenSource azureIdentity(TokenCredential credential) {
    TokenRequestContext request = new TokenRequestContext().addScopes(STORAGE_SCOPE);
    return () -> {
      AccessToken t = credential.getTokenSync(request);
      return t == null ? null : new Token(t.getToken(), t.getExpiresAt().toInstant());
    };
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    return message.lines().findFirst().orElse("").strip();
  }

  /** Where tokens come from: azure-identity, or a fake in tests. */
  @FunctionalInterface
  interface TokenSource {
    /**
     * Gets a token.
     *
     * @return the token, or null if none
     */
    Token get();
  }

  /**
   * An access token and its expiry. {@link #toString()} leaves the token out.
   *
   * @param value the bearer token
   * @param expiresAt when it expires
   */
  record Token(String value, Instant expiresAt) {
    Token {
      requireNonNull(value, "value");
      requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
      return "Token[value=(redacted), expiresAt=" + expiresAt + "]";
    }
  }
}
