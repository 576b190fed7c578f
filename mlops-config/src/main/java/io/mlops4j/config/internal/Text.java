package io.mlops4j.config.internal;

/** Text helpers for messages that echo user input. */
public final class Text {
  private Text() {}

  /**
   * Escapes control characters and shortens long input.
   *
   * @param value user input
   * @return the input, safe to print on one line
   */
  public static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .limit(80)
        .forEach(
            cp -> {
              if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\u%04x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return value.codePointCount(0, value.length()) > 80 ? out + "..." : out.toString();
  }
}
