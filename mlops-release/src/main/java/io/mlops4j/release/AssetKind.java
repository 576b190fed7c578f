package io.mlops4j.release;

import java.util.Locale;

/** The kinds of versioned asset in a workspace or registry. */
public enum AssetKind {
  /** A model: integer versions. */
  MODEL("models"),
  /** An environment: string (semver) versions. */
  ENVIRONMENT("environments"),
  /** A data asset: string versions (the cutoff date). */
  DATA("data");

  private final String segment;

  AssetKind(String segment) {
    this.segment = segment;
  }

  /**
   * Returns the path segment Azure uses: {@code models}, {@code environments} or {@code data}.
   *
   * @return the segment
   */
  public String segment() {
    return segment;
  }

  static AssetKind ofSegment(String segment) {
    for (AssetKind kind : values()) {
      if (kind.segment.equals(segment.toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    return null;
  }
}
