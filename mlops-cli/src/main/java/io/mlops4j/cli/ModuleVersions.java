package io.mlops4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Prints the version of every mlops4j module in this build, read from the jars' Maven metadata. */
final class ModuleVersions implements IVersionProvider {
  static final List<String> MODULES =
      List.of(
          "mlops-config",
          "mlops-data",
          "mlops-model",
          "mlops-monitoring",
          "mlops-release",
          "mlops-cli");

  @Override
  public String[] getVersion() {
    List<String> lines = new ArrayList<>();
    lines.add("mlops4j");
    for (String module : MODULES) {
      lines.add(String.format("  %-18s %s", module, version(module)));
    }
    lines.add(
        String.format(
            "  %-18s %s (%s)",
            "java", System.getProperty("java.version"), System.getProperty("java.vendor")));
    return lines.toArray(String[]::new);
  }

  static String version(String module) {
    String resource = "/META-INF/maven/io.mlops4j/" + module + "/pom.properties";
    try (InputStream in = ModuleVersions.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown (not run from a packaged jar)";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
