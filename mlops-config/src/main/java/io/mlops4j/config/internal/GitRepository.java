package io.mlops4j.config.internal;

import io.mlops4j.config.ChangedPath;
import io.mlops4j.config.ConfigException;
import io.mlops4j.config.ConfigProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/** A git repository opened with JGit; close it after use. */
public final class GitRepository implements AutoCloseable {
  private final Path dir;
  private final Repository repository;

  /**
   * Opens the repository holding a directory.
   *
   * @param dir the repository root or a directory inside it
   * @throws ConfigException if there is no git repository there
   */
  public GitRepository(Path dir) {
    this.dir = dir;
    try {
      FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
      if (builder.getGitDir() == null) {
        throw invalid("no git repository at " + dir + " or above it");
      }
      this.repository = builder.setMustExist(true).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open git repository at " + dir, e);
    }
  }

  /**
   * Resolves a revision to a commit.
   *
   * @param revision a branch, tag, commit id or expression such as {@code HEAD~1}
   * @return the commit id
   * @throws ConfigException if the revision does not name a commit
   */
  public ObjectId commit(String revision) {
    try {
      ObjectId id = repository.resolve(revision + "^{commit}");
      if (id == null) {
        throw invalid(
            "revision '"
                + Text.printable(revision)
                + "' is not a commit in "
                + dir
                + "; pass a branch, tag or commit id (fetch the base branch first in CI)");
      }
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve revision " + revision, e);
    }
  }

  /**
   * Finds the merge base of two commits, as a pull request diff uses.
   *
   * @param base the base commit
   * @param head the head commit
   * @return the merge base, or {@code base} when they share no history
   */
  public ObjectId mergeBase(ObjectId base, ObjectId head) {
    try (RevWalk walk = new RevWalk(repository)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(base));
      walk.markStart(walk.parseCommit(head));
      RevCommit mergeBase = walk.next();
      return mergeBase == null ? base : mergeBase.getId();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compute merge base", e);
    }
  }

  /**
   * Lists the files that differ between two commits, with renames detected.
   *
   * @param from the older commit
   * @param to the newer commit
   * @return the changed paths
   */
  public List<ChangedPath> diff(ObjectId from, ObjectId to) {
    try (DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      formatter.setRepository(repository);
      formatter.setDetectRenames(true);
      List<ChangedPath> changes = new ArrayList<>();
      for (DiffEntry entry : formatter.scan(tree(from), tree(to))) {
        changes.add(
            switch (entry.getChangeType()) {
              case ADD, COPY -> new ChangedPath('A', entry.getNewPath(), entry.getNewPath());
              case MODIFY -> new ChangedPath('M', entry.getOldPath(), entry.getNewPath());
              case DELETE -> new ChangedPath('D', entry.getOldPath(), entry.getOldPath());
              case RENAME -> new ChangedPath('R', entry.getOldPath(), entry.getNewPath());
            });
      }
      return changes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot diff " + from.name() + " and " + to.name(), e);
    }
  }

  /**
   * Returns the files of a commit.
   *
   * @param commit the commit
   * @return a view reading files at that commit
   */
  public RevisionFiles files(ObjectId commit) {
    RevTree tree = tree(commit);
    String abbreviated = commit.abbreviate(7).name();
    return new RevisionFiles() {
      @Override
      public byte[] read(String path) {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, tree)) {
          if (walk == null
              || walk.getFileMode(0).getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB) {
            return null;
          }
          ObjectLoader loader = repository.open(walk.getObjectId(0));
          if (loader.getSize() > SafeYaml.MAX_BYTES) {
            throw new ConfigException(
                List.of(
                    new ConfigProblem(
                        label(path),
                        0,
                        0,
                        "",
                        "file is "
                            + loader.getSize()
                            + " bytes; configuration files are limited to "
                            + SafeYaml.MAX_BYTES
                            + " bytes")));
          }
          return loader.getBytes();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + label(path), e);
        }
      }

      @Override
      public String label(String path) {
        return path + "@" + abbreviated;
      }
    };
  }

  private RevTree tree(ObjectId commit) {
    try (RevWalk walk = new RevWalk(repository)) {
      return walk.parseCommit(commit).getTree();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read commit " + commit.name(), e);
    }
  }

  private static ConfigException invalid(String message) {
    return new ConfigException(List.of(new ConfigProblem("git", 0, 0, "", message)));
  }

  @Override
  public void close() {
    repository.close();
  }
}
