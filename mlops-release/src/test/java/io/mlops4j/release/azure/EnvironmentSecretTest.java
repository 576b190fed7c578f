package io.mlops4j.release.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.mlops4j.release.MlClient;
import io.mlops4j.release.Model;
import io.mlops4j.release.ModelSpec;
import io.mlops4j.release.RegistryException;
import io.mlops4j.release.RegistryException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client secret read from the environment (AZURE_CLIENT_SECRET, as {@code DefaultAzureCredential}
 * reads it) by a real azure-identity credential, whose Microsoft Entra token endpoint is served
 * here on HTTPS: the secret reaches the token endpoint and nowhere else, neither the logs, nor the
 * messages of a failure, nor what the backend sends to and stores in Azure ML.
 */
@ExtendWith(StubWorld.Resolver.class)
class EnvironmentSecretTest {
  private static final String MODEL = "lstm_P001_C001";
  private static final String TENANT = "72f988bf-0000-4000-8000-2d7cd011db47";
  private static final String CLIENT_ID = "5b1a6c2e-0000-4000-8000-0c1f7e9d3a11";

  /** The client secret placed in the environment: only the token endpoint may ever see it. */
  private static final String CLIENT_SECRET = "cs-ENVSECRET-Q8~e41b7d0";

  /** The access token the token endpoint grants: only the Authorization header may carry it. */
  private static final String GRANTED_TOKEN = "at-GRANTED-9d2f60c4e8";

  private final StubWorld world;
  private final ArmStub stub;
  private final TokenEndpoint entra;

  @TempDir Path dir;

  EnvironmentSecretTest(StubWorld world) throws Exception {
    this.world = world;
    this.stub = world.newStub();
    this.entra = new TokenEndpoint(world);
  }

  @AfterEach
  void everyRequestMatchedTheSwaggerThenStubsStop() {
    try {
      assertThat(stub.violations()).as("swagger violations").isEmpty();
    } finally {
      entra.close();
      stub.close();
    }
  }

  /** DefaultAzureCredential with an environment of tenant, client id and client secret. */
  private TokenCredential environmentCredential() {
    return new DefaultAzureCredentialBuilder()
        .configuration(
            new ConfigurationBuilder()
                .putProperty("AZURE_TENANT_ID", TENANT)
                .putProperty("AZURE_CLIENT_ID", CLIENT_ID)
                .putProperty("AZURE_CLIENT_SECRET", CLIENT_SECRET)
                .build())
        .authorityHost(entra.authorityHost())
        .disableInstanceDiscovery()
        .httpClient(world.httpClient())
        .build();
  }

  private MlClient client() {
    return world
        .builder(stub, environmentCredential())
        .httpLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.HEADERS))
        .buildClient();
  }

  private static Path logFile() {
    return Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "target/test-log.txt"));
  }

  private static long logSize() throws IOException {
    return Files.exists(logFile()) ? Files.size(logFile()) : 0;
  }

  private static String loggedSince(long before) throws IOException {
    if (!Files.exists(logFile())) {
      return "";
    }
    return new String(Files.readAllBytes(logFile()), StandardCharsets.UTF_8)
        .substring((int) before);
  }

  private Path artifact(String content) throws IOException {
    Path file = Files.createDirectories(dir.resolve("a-" + System.nanoTime())).resolve("model.bin");
    return Files.writeString(file, content);
  }

  private static List<String> messageChain(Throwable e) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.add(t.getClass().getName() + ": " + t.getMessage());
      for (Throwable s : t.getSuppressed()) {
        messages.addAll(messageChain(s));
      }
    }
    return messages;
  }

  @Test
  void aRejectedEnvironmentSecretFailsUnauthorizedWithoutTheSecretInMessagesOrLogs()
      throws Exception {
    entra.reject(true);
    long before = logSize();

    RegistryException failure =
        catchThrowableOfType(
            RegistryException.class, () -> client().workspace("dev").getModel(MODEL, 1));

    assertThat(failure).as("the call failed with a RegistryException").isNotNull();
    assertThat(failure.reason()).isEqualTo(Reason.UNAUTHORIZED);
    assertThat(failure).hasMessageContaining("could not get a token");
    assertThat(entra.forms())
        .as("the credential sent the environment's secret to the token endpoint")
        .anySatisfy(
            form ->
                assertThat(form)
                    .containsEntry("client_secret", CLIENT_SECRET)
                    .containsEntry("client_id", CLIENT_ID)
                    .containsEntry("grant_type", "client_credentials"));
    assertThat(stub.requests()).as("nothing reached Azure ML without a token").isEmpty();
    String messages = String.join("\n", messageChain(failure));
    assertThat(messages).contains("AADSTS7000215").doesNotContain(CLIENT_SECRET);
    assertThat(loggedSince(before))
        .as("azure-identity logged the rejection, without the secret")
        .contains("AADSTS7000215")
        .doesNotContain(CLIENT_SECRET);
  }

  @Test
  void aGrantedEnvironmentSecretIsSentOnlyToTheTokenEndpoint() throws Exception {
    long before = logSize();
    MlClient client = client();

    Model model =
        client
            .workspace("dev")
            .registerModel(ModelSpec.of(MODEL, artifact("environment secret"), Map.of()));
    Model again = client.workspace("dev").getModel(MODEL, model.version());

    assertThat(again.version()).isEqualTo(model.version());
    assertThat(entra.forms())
        .as("the credential sent the environment's secret to the token endpoint")
        .anySatisfy(
            form -> {
              assertThat(form).containsEntry("client_secret", CLIENT_SECRET);
              assertThat(form.get("scope")).startsWith("https://management.azure.com/.default");
            });
    assertThat(stub.requests())
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.authorization())
                    .isEqualTo("Bearer https://management.azure.com/.default|" + GRANTED_TOKEN));
    String sent =
        stub.requests().stream()
            .map(r -> r.path() + "?" + r.query() + " " + r.body())
            .collect(Collectors.joining("\n"));
    assertThat(sent).doesNotContain(CLIENT_SECRET).doesNotContain(GRANTED_TOKEN);
    assertThat(model.source() + model.properties() + model.tags() + again)
        .doesNotContain(CLIENT_SECRET)
        .doesNotContain(GRANTED_TOKEN);
    String logged = loggedSince(before);
    assertThat(logged).doesNotContain(CLIENT_SECRET).doesNotContain(GRANTED_TOKEN);
    assertThat(logged)
        .as("the ARM calls were logged with their headers, the Authorization header redacted")
        .containsPattern("\"redactedHeaders\":\"[^\"]*Authorization");
  }

  /**
   * Microsoft Entra ID's token endpoint for one tenant, {@code POST /{tenant}/oauth2/v2.0/token},
   * on HTTPS with the stub's certificate: it grants a token naming the requested resource scope
   * (MSAL adds openid, profile and offline_access after it) and ending in {@link #GRANTED_TOKEN} to
   * the client credentials grant (the ARM stub checks the scope, as it does for {@link
   * StubWorld.StaticCredential}), or answers invalid_client as Entra does for a wrong secret. Every
   * form posted to it is recorded.
   */
  private static final class TokenEndpoint implements AutoCloseable {
    private final HttpsServer server;
    private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private volatile boolean reject;

    TokenEndpoint(StubWorld world) throws IOException {
      server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(world.tls));
      server.createContext("/", this::handle);
      server.start();
    }

    String authorityHost() {
      return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    void reject(boolean reject) {
      this.reject = reject;
    }

    List<Map<String, String>> forms() {
      assertThat(unexpected).as("requests the token endpoint does not serve").isEmpty();
      return List.copyOf(forms);
    }

    private void handle(HttpExchange exchange) throws IOException {
      try (exchange) {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
          body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        String answer;
        int status;
        if (exchange.getRequestMethod().equals("POST")
            && path.equals("/" + TENANT + "/oauth2/v2.0/token")) {
          Map<String, String> form = form(body);
          forms.add(form);
          if (reject) {
            status = 401;
            answer =
                "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client"
                    + " secret provided. Ensure the secret being sent in the request is the client"
                    + " secret value, not the client secret ID, for a secret added to app '"
                    + CLIENT_ID
                    + "'.\",\"error_codes\":[7000215],\"timestamp\":\"2026-11-22 23:00:00Z\","
                    + "\"trace_id\":\"0b6c0f57-1111-4000-8000-6a1e2f3c4d5e\","
                    + "\"correlation_id\":\"3f1d2c4b-2222-4000-8000-7b8c9d0e1f2a\"}";
          } else {
            status = 200;
            answer =
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                    + "\"access_token\":\""
                    + form.getOrDefault("scope", "").split(" ")[0]
                    + "|"
                    + GRANTED_TOKEN
                    + "\"}";
          }
        } else {
          unexpected.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          status = 404;
          answer = "{\"error\":\"not_found\"}";
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
          os.write(out);
        }
      }
    }

    private static Map<String, String> form(String body) {
      return java.util.Arrays.stream(body.split("&"))
          .map(pair -> pair.split("=", 2))
          .collect(
              Collectors.toMap(
                  kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                  kv -> kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8),
                  (a, b) -> b));
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
