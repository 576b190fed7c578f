package io.mlops4j.model.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.tensorflow.TensorFlow;

/** The versions recorded in model metadata. */
public final class Versions {
  private Versions() {}

  /**
   * Returns mlops-model's version.
   *
   * @return e.g. {@code 0.1.0-SNAPSHOT}
   */
  public static String library() {
    return properties().getProperty("library.version", "unknown");
  }

  /**
   * Returns the TensorFlow runtime version and TensorFlow Java's.
   *
   * @return e.g. {@code 2.18.0 (tensorflow-java 1.1.0)}
   */
  public static String tensorflow() {
    return TensorFlow.version()
        + " (tensorflow-java "
        + properties().getProperty("tensorflow.java.version", "unknown")
        + ")";
  }

  private static Properties properties() {
    Properties p = new Properties();
    try (InputStream in =
        Versions.class.getResourceAsStream("/io/mlops4j/model/versions.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // versions are informative; an unreadable resource leaves them "unknown"
    }
    return p;
  }
}
