package io.mlops4j.release.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import io.mlops4j.config.TargetsConfig;
import io.mlops4j.release.MlClients;
import io.mlops4j.release.RegistryException;
import io.mlops4j.release.RegistryException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The builder fails fast naming what is missing, and the client talks through the pipeline it
 * builds: a lambda {@link HttpClient} checks the request and answers a canned ARM error (as in
 * Azure's SecretClientBuilderTest), so no network and no stub are needed.
 */
class AzureMlClientBuilderTest {
  private static final String SAS = "https://acct.blob.core.windows.net/c?sv=2022&sig=abcSECRET";

  @Test
  void buildClientWithoutTargetsNamesTheMissingSetting() {
    assertThatThrownBy(() -> MlClients.azure().buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("targets must be set before buildClient()")
        .hasMessageContaining("targets(TargetsConfig)");
  }

  @Test
  void buildClientWithOnlyLocalTargetsSaysHowToDeclareAnAzureOne() {
    assertThatThrownBy(() -> MlClients.azure().targets(TargetsConfig.localDefaults()).buildClient())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("backend: azure");
  }

  @Test
  void rejectsAPlainHttpEndpoint() {
    assertThatThrownBy(() -> MlClients.azure().endpoint("http://127.0.0.1:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https://");
  }

  @Test
  void sendsArmRequestsWithApiVersionAndBearerTokenAndMapsTheErrorBodyWithoutSecrets() {
    List<HttpRequest> seen = new ArrayList<>();
    HttpClient canned =
        request -> {
          seen.add(request);
          String body =
              "{\"error\":{\"code\":\"UserError\",\"message\":\"blob " + SAS + " is invalid\"}}";
          return Mono.just(response(request, 400, body));
        };
    AzureMlClient client =
        MlClients.azure()
            .targets(StubWorld.targets())
            .credential(
                r ->
                    Mono.just(
                        new AccessToken(
                            "token-" + String.join(",", r.getScopes()),
                            OffsetDateTime.now().plusHours(1))))
            .httpClient(canned)
            .buildClient();

    assertThatThrownBy(() -> client.workspace("prod").getModel("lstm_P001_C001", 3))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.VALIDATION);
              assertThat(e.operation()).isEqualTo("getModel lstm_P001_C001 version 3");
            })
        .hasMessageContaining("UserError")
        .hasMessageContaining("sig=REDACTED")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abcSECRET"));
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).getUrl().toString())
        .isEqualTo(
            "https://management.azure.com/subscriptions/"
                + StubWorld.SUBSCRIPTION
                + "/resourceGroups/rg-mlops-prod/providers/Microsoft.MachineLearningServices"
                + "/workspaces/mlw-forecasting-prod/models/lstm_P001_C001/versions/3"
                + "?api-version=2024-10-01");
    assertThat(seen.get(0).getHeaders().getValue(com.azure.core.http.HttpHeaderName.AUTHORIZATION))
        .isEqualTo("Bearer token-https://management.azure.com/.default");
  }

  private static HttpResponse response(HttpRequest request, int status, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new HttpResponse(request) {
      @Override
      public int getStatusCode() {
        return status;
      }

      @Override
      @Deprecated
      public String getHeaderValue(String name) {
        return getHeaders().getValue(name);
      }

      @Override
      public HttpHeaders getHeaders() {
        return new HttpHeaders()
            .set(com.azure.core.http.HttpHeaderName.CONTENT_TYPE, "application/json");
      }

      @Override
      public reactor.core.publisher.Flux<java.nio.ByteBuffer> getBody() {
        return reactor.core.publisher.Flux.just(java.nio.ByteBuffer.wrap(bytes));
      }

      @Override
      public Mono<byte[]> getBodyAsByteArray() {
        return Mono.just(bytes);
      }

      @Override
      public Mono<String> getBodyAsString() {
        return Mono.just(body);
      }

      @Override
      public Mono<String> getBodyAsString(java.nio.charset.Charset charset) {
        return Mono.just(body);
      }

      @Override
      public BinaryData getBodyAsBinaryData() {
        return BinaryData.fromBytes(bytes);
      }
    };
  }
}
