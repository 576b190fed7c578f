package io.mlops4j.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * A real git repository in a test's temporary directory, built with JGit.
 *
 * <p>Every commit has the same author and committer and a fixed time (one minute after the previous
 * commit), so commit ids are the same on every run and commit order is unambiguous. Paths are
 * '/'-separated and relative to the repository root.
 */
public final class GitRepoFixture implements AutoCloseable {
  /** The sample config tree and environment definition of the project. */
  public static final Path EXAMPLES = Path.of("../examples");

  /** The circuits of the sample master list, in plant/circuit order. */
  public static final List<String> SAMPLE_CIRCUITS =
      List.of(
          "P001/C001",
          "P001/C002",
          "P001/C003",
          "P002/C001",
          "P002/C002",
          "P003/C001",
          "P003/C002",
          "P003/C003",
          "P003/C004");

  private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

  private final Path root;
  private final Git git;
  private int commits;

  private GitRepoFixture(Path root, Git git) {
    this.root = root;
    this.git = git;
  }

  /**
   * Creates an empty repository whose initial branch is {@code main}.
   *
   * @param root the working tree
   * @return the repository
   */
  public static GitRepoFixture init(Path root) {
    try {
      Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call();
      StoredConfig config = git.getRepository().getConfig();
      config.setBoolean("core", null, "autocrlf", false);
      config.setBoolean("commit", null, "gpgsign", false);
      config.save();
      return new GitRepoFixture(root, git);
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot create a git repository in " + root, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates a repository holding the sample config at {@code config/} and the environment
   * definition at {@code environment/} (the standard layout), committed on {@code main}.
   *
   * @param root the working tree
   * @return the repository, with one commit
   */
  public static GitRepoFixture standard(Path root) {
    GitRepoFixture repo = init(root);
    repo.copyExamples("config", "environment");
    repo.commit("seed config and environment");
    return repo;
  }

  /**
   * Copies {@code examples/config} and {@code examples/environment} into the working tree.
   *
   * @param configDir where the config tree goes, relative to the root
   * @param environmentDir where the environment definition goes, relative to the root
   */
  public void copyExamples(String configDir, String environmentDir) {
    copyExampleConfig(configDir);
    copyExampleEnvironment(environmentDir);
  }

  /** Copies {@code examples/config} into the working tree at {@code configDir}. */
  public void copyExampleConfig(String configDir) {
    copyTree(EXAMPLES.resolve("config"), root.resolve(configDir));
  }

  /** Copies {@code examples/environment} into the working tree at {@code environmentDir}. */
  public void copyExampleEnvironment(String environmentDir) {
    copyTree(EXAMPLES.resolve("environment"), root.resolve(environmentDir));
  }

  public Path root() {
    return root;
  }

  /** Writes a file, creating its directories. */
  public void write(String path, String content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a file of the working tree. */
  public String read(String path) {
    try {
      return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replaces text in a file; fails if the text is not there, so a test cannot silently edit
   * nothing.
   */
  public void replace(String path, String text, String replacement) {
    String content = read(path);
    if (!content.contains(text)) {
      throw new IllegalArgumentException(path + " does not contain '" + text + "'");
    }
    write(path, content.replace(text, replacement));
  }

  /** Deletes a file. */
  public void delete(String path) {
    try {
      Files.delete(root.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves a file, creating the target's directories. */
  public void rename(String from, String to) {
    try {
      Path target = root.resolve(to);
      Files.createDirectories(target.getParent());
      Files.move(root.resolve(from), target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stages every change of the working tree (additions, modifications, deletions) and commits it.
   *
   * @param message the commit message
   * @return the full commit id
   */
  public String commit(String message) {
    try {
      git.add().addFilepattern(".").setAll(true).call();
      PersonIdent ident =
          new PersonIdent(
              "mlops4j test",
              "test@mlops4j.invalid",
              EPOCH.plusSeconds(60L * commits++),
              ZoneOffset.UTC);
      return git.commit()
          .setMessage(message)
          .setAuthor(ident)
          .setCommitter(ident)
          .setSign(false)
          .call()
          .getId()
          .name();
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot commit in " + root, e);
    }
  }

  /** Creates a branch at the current commit and checks it out. */
  public void createBranch(String name) {
    try {
      git.checkout().setCreateBranch(true).setName(name).call();
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot create branch " + name, e);
    }
  }

  /** Returns the full id of the checked-out commit. */
  public String headId() {
    try {
      return git.getRepository().resolve("HEAD").name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks out an existing branch. */
  public void checkout(String name) {
    try {
      git.checkout().setName(name).call();
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot check out " + name, e);
    }
  }

  /** Returns the abbreviated id (7 characters) used in problem labels such as {@code f@abc1234}. */
  public static String abbreviated(String commitId) {
    return commitId.substring(0, 7);
  }

  @Override
  public void close() {
    git.close();
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.sorted().toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from.toAbsolutePath() + " to " + to, e);
    }
  }
}
