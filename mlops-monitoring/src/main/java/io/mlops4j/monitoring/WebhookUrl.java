package io.mlops4j.monitoring;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.InvalidInputException;
import io.mlops4j.config.MlopsException;
import io.mlops4j.monitoring.internal.MonitoringErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URL of a webhook, such as a Microsoft Teams incoming webhook, whose path and query hold a
 * secret token. {@link #toString()} and {@link #redacted()} show only the scheme and host ({@code
 * https://example.webhook.office.com/…}), so the secret does not reach messages, logs or files when
 * the URL is printed; only the sink that posts to it reads {@link #uri()}.
 *
 * @param uri the full URL; absolute, {@code http} or {@code https}, with a host
 */
public record WebhookUrl(URI uri) {
  /**
   * Checks the URL.
   *
   * @throws IllegalArgumentException if it is not an absolute http(s) URL with a host (the message
   *     shows only its scheme and host)
   */
  public WebhookUrl {
    requireNonNull(uri, "uri");
    String problem = problem(uri);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /**
   * Parses a webhook URL given by the user, such as the value of an environment variable.
   *
   * @param text the URL
   * @param source where it came from, such as {@code environment variable MLOPS_TEAMS_WEBHOOK_URL};
   *     named in the error
   * @return the URL
   * @throws MlopsException if it is not an absolute http(s) URL with a host; the message names the
   *     source but never repeats the text, which may hold a secret
   */
  public static WebhookUrl parse(String text, String source) {
    requireNonNull(text, "text");
    requireNonNull(source, "source");
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      // the exception's message and input repeat the secret, so it is not kept as the cause
      throw new InvalidInputException(
          MonitoringErrors.badWebhookUrl(
              source, "is not a valid URL (at character " + e.getIndex() + ")"));
    }
    String problem = problem(uri);
    if (problem != null) {
      throw new InvalidInputException(MonitoringErrors.badWebhookUrl(source, problem));
    }
    return new WebhookUrl(uri);
  }

  /**
   * Returns the URL without its secret: scheme, host and port followed by {@code /…}.
   *
   * @return such as {@code https://example.webhook.office.com/…}
   */
  public String redacted() {
    return redacted(uri);
  }

  /**
   * Returns {@link #redacted()}, never the full URL.
   *
   * @return the redacted URL
   */
  @Override
  public String toString() {
    return redacted();
  }

  /**
   * Tells whether a text holds this URL's secret part: its path (beyond {@code /}), query or user
   * info. Used to keep messages of failures, which may quote the request, from reaching the user.
   *
   * @param text any text; null gives false
   * @return true if the text contains a secret part of this URL
   */
  public boolean leaksInto(String text) {
    if (text == null) {
      return false;
    }
    for (String part :
        new String[] {
          uri.getRawPath(), uri.getPath(), uri.getRawQuery(), uri.getQuery(), uri.getRawUserInfo()
        }) {
      if (part != null && part.length() > 1 && text.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static String redacted(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme() + "://";
    String host = uri.getHost() == null ? "?" : uri.getHost();
    return scheme + host + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…";
  }

  private static String problem(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return "is not an http(s) URL"
          + (scheme.isEmpty() ? "" : " (scheme '" + scheme + "')")
          + "; expected https://HOST/PATH, such as an incoming webhook's URL";
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return "has no host; expected https://HOST/PATH, such as an incoming webhook's URL";
    }
    return null;
  }
}
