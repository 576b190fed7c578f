package io.mlops4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads module versions from the reactor's pom files (tests run in the module directory). */
final class ReactorPoms {
  static final Path ROOT = Path.of("..");

  private ReactorPoms() {}

  /** Every mlops module's own version, by artifact id. */
  static Map<String, String> moduleVersions() throws Exception {
    Map<String, String> versions = new LinkedHashMap<>();
    try (var dirs = Files.list(ROOT)) {
      for (Path dir :
          dirs.filter(d -> d.getFileName().toString().startsWith("mlops-")).sorted().toList()) {
        Path pom = dir.resolve("pom.xml");
        if (Files.isRegularFile(pom)) {
          Element project = parse(pom).getDocumentElement();
          versions.put(child(project, "artifactId"), child(project, "version"));
        }
      }
    }
    return versions;
  }

  /** The versions the BOM pins, by artifact id. */
  static Map<String, String> bomVersions() throws Exception {
    Map<String, String> versions = new LinkedHashMap<>();
    NodeList dependencies =
        parse(ROOT.resolve("mlops-bom/pom.xml")).getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      versions.put(child(dependency, "artifactId"), child(dependency, "version"));
    }
    return versions;
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  private static String child(Element element, String name) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    throw new IllegalStateException("no <" + name + "> in <" + element.getTagName() + ">");
  }
}
