package io.mlops4j.data;

import static java.util.Objects.requireNonNull;

import io.mlops4j.config.MlopsException;
import io.mlops4j.data.internal.DataErrors;
import java.util.regex.Pattern;

/**
 * Where a registration came from: the pull request and commit that changed the circuit's config.
 * Each part may be empty, as when registering from a laptop.
 *
 * @param prNumber the pull request number, digits only, or empty
 * @param prAuthor the pull request's author as the CI system names them, at most 256 characters on
 *     one line, or empty
 * @param gitCommitSha the commit, 7 to 64 hex digits, or empty
 */
public record Lineage(String prNumber, String prAuthor, String gitCommitSha) {
  /** No lineage: every part empty. */
  public static final Lineage NONE = new Lineage("", "", "");

  private static final Pattern PR_NUMBER = Pattern.compile("[0-9]{1,10}");
  private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,64}");
  private static final int MAX_AUTHOR = 256;

  /**
   * Checks each part.
   *
   * @throws MlopsException naming the part that is malformed
   */
  public Lineage {
    requireNonNull(prNumber, "prNumber");
    requireNonNull(prAuthor, "prAuthor");
    requireNonNull(gitCommitSha, "gitCommitSha");
    if (!prNumber.isEmpty() && !PR_NUMBER.matcher(prNumber).matches()) {
      throw new MlopsException(
          DataErrors.invalidLineage("pr_number", prNumber, "expected 1-10 digits or nothing"));
    }
    if (prAuthor.length() > MAX_AUTHOR || DataErrors.hasControlCharacter(prAuthor)) {
      throw new MlopsException(
          DataErrors.invalidLineage(
              "pr_author", prAuthor, "expected at most 256 characters on one line"));
    }
    if (!gitCommitSha.isEmpty() && !SHA.matcher(gitCommitSha).matches()) {
      throw new MlopsException(
          DataErrors.invalidLineage(
              "git_commit_sha", gitCommitSha, "expected 7-64 hex digits or nothing"));
    }
  }
}
