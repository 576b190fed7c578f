package io.mlops4j.config;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One malformed-config case under {@code src/test/resources/malformed/cases/<name>}: the files that
 * override the valid tree in {@code malformed/base}, plus control files.
 *
 * <ul>
 *   <li>{@code expected.txt}: the exact problem lines, in reported order, with the tree's root
 *       written as <code>{root}</code>
 *   <li>{@code delete.txt} (optional): base-relative paths to delete, one per line
 *   <li>{@code grow.txt} (optional): lines of {@code <path> <bytes>}; the file is padded with a
 *       YAML comment to exactly that size, so no large file is committed
 * </ul>
 *
 * @param name the case directory's name, which says what is wrong
 * @param dir the case directory
 */
public record MalformedCase(String name, Path dir) {
  /**
   * The resource folder, relative to the working directory of surefire: this module's directory, or
   * a sibling module's (mlops-cli runs the same cases through the command line).
   */
  public static final Path RESOURCES =
      Files.isDirectory(Path.of("src/test/resources/malformed"))
          ? Path.of("src/test/resources/malformed")
          : Path.of("../mlops-config/src/test/resources/malformed");

  private static final String EXPECTED = "expected.txt";
  private static final String DELETE = "delete.txt";
  private static final String GROW = "grow.txt";
  private static final Set<String> CONTROL_FILES = Set.of(EXPECTED, DELETE, GROW);

  /** Returns every case, sorted by name. */
  public static List<MalformedCase> all() {
    try (Stream<Path> dirs = Files.list(RESOURCES.resolve("cases"))) {
      return dirs.filter(Files::isDirectory)
          .sorted()
          .map(dir -> new MalformedCase(dir.getFileName().toString(), dir))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the malformed-config cases", e);
    }
  }

  /** Copies the valid base tree into {@code root}. */
  public static void copyBase(Path root) throws IOException {
    copyTree(RESOURCES.resolve("base"), root);
  }

  /** Builds this case's tree in {@code root}: base, then overrides, deletions and padding. */
  public void buildTree(Path root) throws IOException {
    copyBase(root);
    copyTree(dir, root);
    for (String path : controlLines(DELETE)) {
      Files.delete(root.resolve(path));
    }
    for (String line : controlLines(GROW)) {
      String[] parts = line.split(" ");
      grow(root.resolve(parts[0]), Long.parseLong(parts[1]));
    }
  }

  /** Returns the expected problem lines, with <code>{root}</code> replaced by {@code root}. */
  public List<String> expectedProblems(Path root) throws IOException {
    return controlLines(EXPECTED).stream()
        .map(line -> line.replace("{root}", root.toString()))
        .toList();
  }

  @Override
  public String toString() {
    return name;
  }

  private List<String> controlLines(String fileName) throws IOException {
    Path file = dir.resolve(fileName);
    if (!Files.exists(file)) {
      return List.of();
    }
    return Files.readAllLines(file, UTF_8).stream().filter(line -> !line.isBlank()).toList();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.filter(Files::isRegularFile).toList()) {
        Path relative = from.relativize(source);
        if (relative.getNameCount() == 1 && CONTROL_FILES.contains(relative.toString())) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        Files.createDirectories(target.getParent());
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Appends one comment line so that the file is exactly {@code size} bytes. */
  private static void grow(Path file, long size) throws IOException {
    long missing = size - Files.size(file);
    if (missing < 1) {
      throw new IllegalStateException(file + " is already " + Files.size(file) + " bytes");
    }
    String padding = "#".repeat(Math.toIntExact(missing - 1)) + "\n";
    Files.writeString(file, padding, UTF_8, StandardOpenOption.APPEND);
  }
}
