package io.mlops4j.release.azure;

import static java.util.Objects.requireNonNull;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.RetryStrategy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.identity.DefaultAzureCredentialBuilder;
import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.PollSettings;
import io.mlops4j.release.internal.azure.AzureBackend;
import java.time.Duration;

/**
 * Builds an {@link AzureMlClient}. Only {@link #targets} is required; everything else has a
 * production default. Not thread-safe; the client it builds is.
 *
 * <pre>{@code
 * MlClient client = new AzureMlClientBuilder().targets(targets).buildClient();
 * }</pre>
 */
public final class AzureMlClientBuilder {
  /** The public-cloud ARM endpoint. */
  public static final String DEFAULT_ENDPOINT = "https://management.azure.com";

  /** The token scope of ARM (control plane). */
  public static final String MANAGEMENT_SCOPE = "https://management.azure.com/.default";

  /** The token scope of the batch endpoints' scoring URIs (data plane). */
  public static final String ML_SCOPE = "https://ml.azure.com/.default";

  private TargetsConfig targets;
  private TokenCredential credential;
  private HttpClient httpClient;
  private String endpoint = DEFAULT_ENDPOINT;
  private HttpLogOptions logOptions = new HttpLogOptions();
  private ExponentialBackoffOptions retry =
      new ExponentialBackoffOptions()
          .setMaxRetries(4)
          .setBaseDelay(Duration.ofMillis(800))
          .setMaxDelay(Duration.ofSeconds(30));
  private Duration pollInterval = Duration.ofSeconds(5);
  private PollSettings jobPoll = PollSettings.defaults();
  private String blobEndpoint = "";

  /** Creates a builder with the defaults. */
  public AzureMlClientBuilder() {}

  /**
   * Sets the targets the client serves (from {@code workspaces.yml}); local targets are ignored.
   *
   * @param targets the targets
   * @return this builder
   */
  public AzureMlClientBuilder targets(TargetsConfig targets) {
    this.targets = requireNonNull(targets, "targets");
    return this;
  }

  /**
   * Sets the credential; by default azure-identity's {@code DefaultAzureCredential}.
   *
   * @param credential the credential
   * @return this builder
   */
  public AzureMlClientBuilder credential(TokenCredential credential) {
    this.credential = requireNonNull(credential, "credential");
    return this;
  }

  /**
   * Sets the HTTP client; by default the JDK's ({@code azure-core-http-jdk-httpclient}).
   *
   * @param httpClient the client
   * @return this builder
   */
  public AzureMlClientBuilder httpClient(HttpClient httpClient) {
    this.httpClient = requireNonNull(httpClient, "httpClient");
    return this;
  }

  /**
   * Sets the ARM endpoint, such as {@code https://management.usgovcloudapi.net}; must be HTTPS.
   *
   * @param endpoint the endpoint URL
   * @return this builder
   */
  public AzureMlClientBuilder endpoint(String endpoint) {
    requireNonNull(endpoint, "endpoint");
    if (!endpoint.startsWith("https://")) {
      throw new IllegalArgumentException(
          "endpoint must be an https:// URL (bearer tokens are only sent over HTTPS), was "
              + endpoint);
    }
    this.endpoint = endpoint;
    return this;
  }

  /**
   * Sets HTTP logging; by default none. Query parameters and headers other than azure-core's
   * allowed ones are redacted, so SAS signatures and tokens are never logged.
   *
   * @param logOptions the options
   * @return this builder
   */
  public AzureMlClientBuilder httpLogOptions(HttpLogOptions logOptions) {
    this.logOptions = requireNonNull(logOptions, "logOptions");
    return this;
  }

  /**
   * Sets the retry backoff for 408, 429 and 5xx answers; a Retry-After header takes precedence. By
   * default 4 retries from 800 ms up to 30 s.
   *
   * @param retry the backoff options
   * @return this builder
   */
  public AzureMlClientBuilder retryOptions(ExponentialBackoffOptions retry) {
    this.retry = requireNonNull(retry, "retry");
    return this;
  }

  /**
   * Sets the interval between polls of long-running operations when the service gives no
   * Retry-After; by default 5 s.
   *
   * @param pollInterval the interval
   * @return this builder
   */
  public AzureMlClientBuilder pollInterval(Duration pollInterval) {
    requireNonNull(pollInterval, "pollInterval");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    this.pollInterval = pollInterval;
    return this;
  }

  /**
   * Sets the backoff of {@code waitForJob}; by default {@link PollSettings#defaults()}.
   *
   * @param jobPoll the backoff
   * @return this builder
   */
  public AzureMlClientBuilder jobPoll(PollSettings jobPoll) {
    this.jobPoll = requireNonNull(jobPoll, "jobPoll");
    return this;
  }

  /**
   * Sets a blob account URL that replaces the one of the workspace's default datastore, for a
   * storage emulator such as Azurite ({@code http://127.0.0.1:10000/devstoreaccount1}).
   *
   * @param blobEndpoint the account URL
   * @return this builder
   */
  public AzureMlClientBuilder blobEndpoint(String blobEndpoint) {
    this.blobEndpoint = requireNonNull(blobEndpoint, "blobEndpoint");
    return this;
  }

  /**
   * Builds the client.
   *
   * @return the client
   * @throws IllegalStateException if the targets are not set or none is an Azure target
   */
  public AzureMlClient buildClient() {
    if (targets == null) {
      throw new IllegalStateException(
          "targets must be set before buildClient(); call targets(TargetsConfig) with the targets"
              + " of workspaces.yml");
    }
    if (targets.targets().values().stream().allMatch(t -> t.isLocal())) {
      throw new IllegalStateException(
          "targets has no Azure target; give a target backend: azure with subscription_id,"
              + " resource_group and workspace_name or registry_name in workspaces.yml");
    }
    HttpClient client = httpClient != null ? httpClient : new JdkHttpClientBuilder().build();
    TokenCredential tokens =
        credential != null
            ? credential
            : new DefaultAzureCredentialBuilder().httpClient(client).build();
    RetryStrategy backoff = new ExponentialBackoff(retry);
    HttpPipeline management = pipeline(client, tokens, MANAGEMENT_SCOPE, backoff);
    // The data plane's only call is the invoke POST, which starts a batch job: a 5xx, 408 or lost
    // connection may come after the job was created, and a retry would start a second one. Only
    // 429 (refused, nothing started) is retried.
    HttpPipeline dataPlane = pipeline(client, tokens, ML_SCOPE, new ThrottledOnly(backoff));
    return new AzureMlClient(
        new AzureBackend(
            targets,
            management,
            dataPlane,
            endpoint,
            client,
            logOptions,
            pollInterval,
            jobPoll,
            blobEndpoint));
  }

  private HttpPipeline pipeline(
      HttpClient client, TokenCredential tokens, String scope, RetryStrategy strategy) {
    return new HttpPipelineBuilder()
        .httpClient(client)
        .policies(
            new UserAgentPolicy("mlops4j-release"),
            new RequestIdPolicy(),
            new RetryPolicy(strategy),
            new BearerTokenAuthenticationPolicy(tokens, scope),
            new HttpLoggingPolicy(logOptions))
        .build();
  }

  /** A backoff that retries only 429 answers: for requests that must not run twice. */
  private record ThrottledOnly(RetryStrategy backoff) implements RetryStrategy {
    @Override
    public int getMaxRetries() {
      return backoff.getMaxRetries();
    }

    @Override
    public Duration calculateRetryDelay(int retryAttempts) {
      return backoff.calculateRetryDelay(retryAttempts);
    }

    @Override
    public boolean shouldRetry(HttpResponse response) {
      return response.getStatusCode() == 429;
    }

    @Override
    public boolean shouldRetryException(Throwable throwable) {
      return false;
    }
  }
}
