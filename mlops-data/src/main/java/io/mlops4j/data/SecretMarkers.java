package io.mlops4j.data;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises text that carries a credential: SAS tokens, storage keys, connection-string passwords,
 * bearer tokens, private keys, GitHub tokens and JWTs. Used before anything is written into a tag
 * or an MLTable that Azure ML stores for every workspace reader to see.
 */
final class SecretMarkers {
  /** Lower-case markers; a value containing one (ignoring case) is treated as a secret. */
  private static final List<String> MARKERS =
      List.of(
          "sig=",
          "accountkey=",
          "sharedaccesskey=",
          "sharedaccesssignature=",
          "password=",
          "pwd=",
          "secret=",
          "token=",
          "bearer ",
          "-----begin",
          "ghp_",
          "github_pat_");

  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");

  private SecretMarkers() {}

  /**
   * Returns the marker that makes the text look like a secret.
   *
   * @return the marker, such as {@code sig=}, or empty if the text looks harmless
   */
  static Optional<String> find(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String marker : MARKERS) {
      if (lower.contains(marker)) {
        return Optional.of(marker);
      }
    }
    Matcher jwt = JWT.matcher(text);
    return jwt.find() ? Optional.of("eyJ... (a JSON web token)") : Optional.empty();
  }
}
