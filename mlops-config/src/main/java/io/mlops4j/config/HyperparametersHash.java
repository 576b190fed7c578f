package io.mlops4j.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hyperparameters hash of the original Python tooling, so model tags stay comparable: the first
 * 8 hex characters of the MD5 of {@code str(sorted(hyperparameters.items()))}.
 *
 * <p>Values are rendered as Python would: integers as integers, floats with Python's shortest
 * round-trip {@code repr} ({@code 0.001}, {@code 1e-05}, {@code 0.0}), strings quoted, booleans as
 * {@code True}/{@code False}. An integer written as {@code 0} and a float written as {@code 0.0}
 * therefore hash differently, as they do in Python. Config files are hashed as written (keys left
 * out are not filled with defaults), which is what the Python tooling did.
 */
public final class HyperparametersHash {
  private HyperparametersHash() {}

  /**
   * Computes the hash.
   *
   * @param hyperparameters names to values: {@link Integer}, {@link Long}, {@link BigInteger},
   *     {@link Double}, {@link Float}, {@link BigDecimal}, {@link String} or {@link Boolean}
   * @return 8 lowercase hex characters
   * @throws IllegalArgumentException if a value has another type
   */
  public static String of(Map<String, ?> hyperparameters) {
    return md5(pythonSortedItems(hyperparameters)).substring(0, 8);
  }

  /**
   * Renders {@code str(sorted(hyperparameters.items()))} as Python 3 prints it.
   *
   * @param hyperparameters names to values, as for {@link #of(Map)}
   * @return the Python rendering, e.g. {@code [('batch_size', 32), ('dropout', 0.2)]}
   */
  public static String pythonSortedItems(Map<String, ?> hyperparameters) {
    StringBuilder out = new StringBuilder("[");
    // Python sorts str keys by code point; String.compareTo agrees outside surrogate pairs.
    new TreeMap<String, Object>(hyperparameters)
        .forEach(
            (key, value) -> {
              if (out.length() > 1) {
                out.append(", ");
              }
              out.append('(').append(pythonStr(key)).append(", ").append(pythonRepr(value));
              out.append(')');
            });
    return out.append(']').toString();
  }

  static String pythonRepr(Object value) {
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof Double || value instanceof Float) {
      return pythonFloat(((Number) value).doubleValue());
    }
    if (value instanceof BigDecimal d) {
      return pythonFloat(d.doubleValue());
    }
    if (value instanceof String s) {
      return pythonStr(s);
    }
    throw new IllegalArgumentException(
        "hyperparameter values must be numbers, strings or booleans, got "
            + (value == null ? "null" : value.getClass().getSimpleName()));
  }

  /** Python's {@code repr(float)}: shortest round-trip digits, exponent if < 1e-4 or >= 1e16. */
  static String pythonFloat(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    // Shortest decimal that reads back as the same double, correctly rounded.
    String sci = null;
    for (int precision = 1; precision <= 17; precision++) {
      sci = String.format(Locale.ROOT, "%." + (precision - 1) + "e", Math.abs(d));
      if (Double.parseDouble(sci) == Math.abs(d)) {
        break;
      }
    }
    int e = sci.indexOf('e');
    String digits = sci.substring(0, e).replace(".", "").replaceAll("0+$", "");
    if (digits.isEmpty()) {
      digits = "0";
    }
    int exponent = Integer.parseInt(sci.substring(e + 1));
    int decimalPoint = exponent + 1; // value = 0.DIGITS * 10^decimalPoint
    String sign = d < 0 ? "-" : "";
    if (decimalPoint <= -4 || decimalPoint > 16) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return sign
          + mantissa
          + "e"
          + (exponent < 0 ? "-" : "+")
          + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }
    if (decimalPoint <= 0) {
      return sign + "0." + "0".repeat(-decimalPoint) + digits;
    }
    if (decimalPoint >= digits.length()) {
      return sign + digits + "0".repeat(decimalPoint - digits.length()) + ".0";
    }
    return sign + digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
  }

  /** Python's {@code repr(str)} for the characters config keys and values use. */
  static String pythonStr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    s.codePoints()
        .forEach(
            cp -> {
              if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
              } else if (cp == '\n') {
                out.append("\\n");
              } else if (cp == '\r') {
                out.append("\\r");
              } else if (cp == '\t') {
                out.append("\\t");
              } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.append(quote).toString();
  }

  private static String md5(String text) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
  }
}
