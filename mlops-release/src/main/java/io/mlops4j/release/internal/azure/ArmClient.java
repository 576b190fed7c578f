package io.mlops4j.release.internal.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.http.rest.PagedResponse;
import com.azure.core.http.rest.PagedResponseBase;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.PollResponse;
import com.azure.core.util.polling.PollingStrategyOptions;
import com.azure.core.util.polling.SyncChainedPollingStrategy;
import com.azure.core.util.polling.SyncLocationPollingStrategy;
import com.azure.core.util.polling.SyncOperationResourcePollingStrategy;
import com.azure.core.util.polling.SyncPoller;
import com.azure.core.util.polling.SyncPollingStrategy;
import com.azure.core.util.polling.SyncStatusCheckPollingStrategy;
import com.azure.core.util.serializer.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.mlops4j.release.RegistryException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends ARM (and data-plane) requests through an azure-core pipeline: JSON in and out, ARM error
 * bodies mapped to {@link RegistryException}s, long-running operations through {@link SyncPoller}
 * (Azure-AsyncOperation, Operation-Location, Location), and paging through {@code nextLink}.
 * Immutable and thread-safe.
 */
final class ArmClient {
  static final String API_VERSION = "2024-10-01";
  private static final HttpHeaderName AZURE_ASYNC_OPERATION =
      HttpHeaderName.fromString("Azure-AsyncOperation");
  private static final TypeReference<BinaryData> BINARY =
      TypeReference.createInstance(BinaryData.class);

  private final HttpPipeline pipeline;
  private final String endpoint;
  private final Duration pollInterval;
  private final AzureJson json;

  ArmClient(HttpPipeline pipeline, String endpoint, Duration pollInterval, AzureJson json) {
    this.pipeline = pipeline;
    this.endpoint =
        endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    this.pollInterval = pollInterval;
    this.json = json;
  }

  /** The URL of an ARM path with the api-version. */
  String url(String path) {
    if (path.startsWith("http://") || path.startsWith("https://")) {
      return path;
    }
    return endpoint + path + (path.contains("?") ? "&" : "?") + "api-version=" + API_VERSION;
  }

  /** GETs a resource; NOT_FOUND and other failures are thrown. */
  JsonNode get(String operation, String path) {
    return call(operation, HttpMethod.GET, url(path), null, Map.of()).body();
  }

  /** POSTs an action and returns its answer (which may be empty). */
  JsonNode post(String operation, String path, JsonNode body) {
    return call(operation, HttpMethod.POST, url(path), body, Map.of()).body();
  }

  /** POSTs to an absolute URL (the data plane) with extra headers. */
  JsonNode postAbsolute(String operation, String url, JsonNode body, Map<String, String> headers) {
    return call(operation, HttpMethod.POST, url, body, headers).body();
  }

  /**
   * PUTs a resource, following a long-running operation to its end. With {@code createOnly}, the
   * request carries {@code If-None-Match: *}, so an existing resource fails with CONFLICT.
   */
  JsonNode put(String operation, String path, JsonNode body, boolean createOnly) {
    Map<String, String> headers = createOnly ? Map.of("If-None-Match", "*") : Map.of();
    Sent sent = call(operation, HttpMethod.PUT, url(path), body, headers);
    return followLongRunning(operation, sent);
  }

  /** POSTs an action that may run long (202 + Location), following it to its end. */
  JsonNode postLongRunning(String operation, String path, JsonNode body) {
    return followLongRunning(
        operation, call(operation, HttpMethod.POST, url(path), body, Map.of()));
  }

  /** Lists every item of a collection, following {@code nextLink} page by page. */
  List<JsonNode> list(String operation, String path) {
    PagedIterable<JsonNode> pages =
        new PagedIterable<>(() -> page(operation, url(path)), next -> page(operation, next));
    List<JsonNode> items = new ArrayList<>();
    pages.forEach(items::add);
    return items;
  }

  private PagedResponse<JsonNode> page(String operation, String url) {
    Sent sent = call(operation, HttpMethod.GET, url, null, Map.of());
    List<JsonNode> items = new ArrayList<>();
    sent.body().path("value").forEach(items::add);
    String next = sent.body().path("nextLink").asText("");
    return new PagedResponseBase<Void, JsonNode>(
        sent.request(), sent.status(), sent.headers(), items, next.isEmpty() ? null : next, null);
  }

  private JsonNode followLongRunning(String operation, Sent sent) {
    HttpHeaders headers = sent.headers();
    boolean longRunning =
        sent.status() == 202
            || headers.get(AZURE_ASYNC_OPERATION) != null
            || headers.get(HttpHeaderName.fromString("Operation-Location")) != null
            || (sent.status() == 201 && headers.get(HttpHeaderName.LOCATION) != null);
    if (!longRunning) {
      return sent.body();
    }
    Response<BinaryData> initial =
        new SimpleResponse<>(
            sent.request(), sent.status(), headers, BinaryData.fromString(sent.raw()));
    PollingStrategyOptions options = new PollingStrategyOptions(pipeline).setEndpoint(endpoint);
    List<SyncPollingStrategy<BinaryData, BinaryData>> strategies =
        List.of(
            new SyncOperationResourcePollingStrategy<>(AZURE_ASYNC_OPERATION, options),
            new SyncOperationResourcePollingStrategy<>(
                HttpHeaderName.fromString("Operation-Location"), options),
            new SyncLocationPollingStrategy<>(options),
            new SyncStatusCheckPollingStrategy<>());
    try {
      SyncPoller<BinaryData, BinaryData> poller =
          SyncPoller.createPoller(
              pollInterval,
              () -> initial,
              new SyncChainedPollingStrategy<>(strategies),
              BINARY,
              BINARY);
      PollResponse<BinaryData> last = poller.waitForCompletion();
      if (last.getStatus() != LongRunningOperationStatus.SUCCESSFULLY_COMPLETED) {
        JsonNode status =
            json.parseOrEmpty(last.getValue() == null ? "" : last.getValue().toString());
        String statusUrl = headers.getValue(AZURE_ASYNC_OPERATION);
        if (status.path("error").isMissingNode() && statusUrl != null) {
          // azure-core keeps the resource, not the operation, as the value: read the error itself
          status = call(operation, HttpMethod.GET, statusUrl, null, Map.of()).body();
        }
        throw AzureErrors.lroFailed(
            operation,
            String.valueOf(last.getStatus()),
            status.path("error").path("code").asText(""),
            status.path("error").path("message").asText(""));
      }
      BinaryData result = poller.getFinalResult();
      String text = result == null ? "" : result.toString();
      return text.isBlank() ? NullNode.getInstance() : json.parse(text);
    } catch (HttpResponseException e) {
      HttpResponse response = e.getResponse();
      int status = response == null ? 500 : response.getStatusCode();
      JsonNode error = json.parseOrEmpty(response == null ? "" : bodyOf(response));
      throw AzureErrors.service(
          operation,
          status,
          error.path("error").path("code").asText(""),
          error.path("error").path("message").asText(e.getMessage()));
    } catch (RegistryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(operation, endpoint, e);
    }
  }

  /** A failure before any answer: the credential could not give a token, or no connection. */
  private static RegistryException failure(String operation, String url, RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClientAuthenticationException) {
        return AzureErrors.noToken(operation, t);
      }
    }
    return AzureErrors.unreachable(operation, host(url), e);
  }

  private static String bodyOf(HttpResponse response) {
    try {
      BinaryData data = response.getBodyAsBinaryData();
      return data == null ? "" : data.toString();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private Sent call(
      String operation, HttpMethod method, String url, JsonNode body, Map<String, String> extra) {
    HttpRequest request = new HttpRequest(method, url);
    request.setHeader(HttpHeaderName.ACCEPT, "application/json");
    extra.forEach((k, v) -> request.setHeader(HttpHeaderName.fromString(k), v));
    if (body != null) {
      request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
      request.setBody(json.write(body));
    } else if (method == HttpMethod.POST || method == HttpMethod.PUT) {
      request.setHeader(HttpHeaderName.CONTENT_LENGTH, "0");
    }
    String raw;
    int status;
    HttpHeaders headers;
    try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
      status = response.getStatusCode();
      headers = response.getHeaders();
      raw = bodyOf(response);
    } catch (RegistryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failure(operation, url, e);
    }
    if (status >= 400) {
      JsonNode error = json.parseOrEmpty(raw);
      throw AzureErrors.service(
          operation,
          status,
          error.path("error").path("code").asText(""),
          error.path("error").path("message").asText(""));
    }
    return new Sent(
        request,
        status,
        headers,
        raw,
        raw.isBlank() ? NullNode.getInstance() : parse(operation, url, raw));
  }

  private JsonNode parse(String operation, String url, String raw) {
    try {
      return json.parse(raw);
    } catch (IllegalStateException e) {
      throw AzureErrors.unreachable(operation, host(url), e);
    }
  }

  static String host(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getHost() == null ? "the service" : uri.getHost();
    } catch (IllegalArgumentException e) {
      return "the service";
    }
  }

  /** Applies a function to the body of every item, for list mappings. */
  static <T> List<T> map(List<JsonNode> items, Function<JsonNode, T> f) {
    List<T> out = new ArrayList<>(items.size());
    items.forEach(i -> out.add(f.apply(i)));
    return out;
  }

  private record Sent(
      HttpRequest request, int status, HttpHeaders headers, String raw, JsonNode body) {}
}
