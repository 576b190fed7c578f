package io.mlops4j.release.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import io.mlops4j.config.AzureLocation;
import io.mlops4j.config.Target;
import io.mlops4j.config.TargetKind;
import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.PollSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import reactor.core.publisher.Mono;

/**
 * What every Azure stub test shares, made once per test JVM: the swagger, a TLS certificate for the
 * stub, and a running Azurite. Injected into test constructors by {@link Resolver}.
 */
final class StubWorld implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  /** A secret placed in the credential: it must never show up in logs, messages or metadata. */
  static final String TOKEN_SECRET = "tok-SECRET-7f3c9a";

  static final String SUBSCRIPTION = "00000000-1111-2222-3333-444444444444";

  final SSLContext tls;
  final Azurite azurite;
  final SwaggerValidator swagger;
  final Path sharedDir;
  private final HttpClient httpClient;

  private StubWorld(Path dir) throws Exception {
    Path root = Path.of(System.getProperty("mlops.repo.root", "..")).toAbsolutePath().normalize();
    sharedDir =
        Path.of(System.getProperty("mlops.shared.dir", root.resolve("../shared").toString()))
            .toAbsolutePath()
            .normalize();
    Path rest = sharedDir.resolve("azure-ml-rest");
    if (!Files.isDirectory(rest)) {
      throw new IllegalStateException(
          "the Azure ML REST fixtures are missing at "
              + rest
              + "; the tests need the shared/ folder beside the clone (set -Dmlops.shared.dir)");
    }
    swagger = SwaggerValidator.forAzureMl(rest);
    tls = TestTls.create(Files.createDirectories(dir.resolve("tls")));
    azurite = Azurite.start(dir.resolve("azurite"));
    httpClient =
        new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(tls)).build();
  }

  /** Starts a world of its own (for other modules' tests), under a directory. */
  static StubWorld create(Path dir) throws Exception {
    return new StubWorld(dir);
  }

  @Override
  public void close() {
    azurite.close();
  }

  Path examples() {
    return sharedDir.resolve("azure-ml-rest/examples");
  }

  /** A new stub with empty state. */
  ArmStub newStub() throws Exception {
    return new ArmStub(swagger, tls, azurite, httpClient);
  }

  /** The JDK HTTP client trusting the stub's certificate, shared so connections are reused. */
  HttpClient httpClient() {
    return httpClient;
  }

  /** dev, test and prod workspaces and the shared registry, as in examples/workspaces.yml. */
  static TargetsConfig targets() {
    Map<String, Target> t = new LinkedHashMap<>();
    for (String env : new String[] {"dev", "test", "prod"}) {
      t.put(
          env,
          new Target(
              env,
              TargetKind.WORKSPACE,
              new AzureLocation(
                  SUBSCRIPTION, "rg-mlops-" + env, "mlw-forecasting-" + env, "westeurope")));
    }
    t.put(
        "shared",
        new Target(
            "shared",
            TargetKind.REGISTRY,
            new AzureLocation(
                SUBSCRIPTION, "rg-mlops-shared", "mlr-forecasting-shared", "westeurope")));
    return new TargetsConfig(t);
  }

  /** A credential that returns a fixed token naming its scope, and records the scopes asked. */
  static final class StaticCredential implements TokenCredential {
    final CopyOnWriteArrayList<String> scopes = new CopyOnWriteArrayList<>();

    @Override
    public Mono<AccessToken> getToken(com.azure.core.credential.TokenRequestContext request) {
      String scope = String.join(" ", request.getScopes());
      scopes.add(scope);
      return Mono.just(
          new AccessToken(scope + "|" + TOKEN_SECRET, OffsetDateTime.now().plusHours(1)));
    }
  }

  /** A builder wired to the stub: its endpoint, the test TLS, fast retries and polls, Azurite. */
  AzureMlClientBuilder builder(ArmStub stub, TokenCredential credential) {
    return new AzureMlClientBuilder()
        .targets(targets())
        .credential(credential)
        .endpoint(stub.endpoint())
        .httpClient(httpClient())
        .retryOptions(
            new ExponentialBackoffOptions()
                .setMaxRetries(3)
                .setBaseDelay(Duration.ofMillis(1))
                .setMaxDelay(Duration.ofMillis(10)))
        .pollInterval(Duration.ofMillis(1))
        .jobPoll(new PollSettings(Duration.ofMillis(1), 2.0, Duration.ofMillis(20)))
        .blobEndpoint(azurite.accountUrl());
  }

  /** Injects the one {@link StubWorld} of the test JVM. */
  static final class Resolver implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == StubWorld.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
      return c.getRoot()
          .getStore(ExtensionContext.Namespace.create(StubWorld.class))
          .getOrComputeIfAbsent(
              StubWorld.class,
              k -> {
                try {
                  return new StubWorld(Files.createTempDirectory("mlops4j-stub-world-"));
                } catch (RuntimeException e) {
                  throw e;
                } catch (Exception e) {
                  throw new IllegalStateException("cannot start the stub world: " + e, e);
                }
              },
              StubWorld.class);
    }
  }
}
