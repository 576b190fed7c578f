package io.mlops4j.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a pull request changed in the configuration, and so which circuits to train.
 *
 * @param base the base revision compared from (the merge base, for git), or {@code ""} if unknown
 * @param head the head revision compared to, or {@code ""} for a working tree
 * @param toTrain circuits added or modified, in plant/circuit order
 * @param deleted circuits removed; never trained
 * @param unchanged circuits whose file changed without changing the resolved config (comments,
 *     formatting); not trained
 * @param shared changes to files that affect every circuit
 */
public record ChangeSet(
    String base,
    String head,
    List<CircuitChange> toTrain,
    List<DeletedCircuit> deleted,
    List<CircuitRef> unchanged,
    List<SharedChange> shared) {
  public ChangeSet {
    requireNonNull(base, "base");
    requireNonNull(head, "head");
    toTrain = List.copyOf(toTrain);
    deleted = List.copyOf(deleted);
    unchanged = List.copyOf(unchanged);
    shared = List.copyOf(shared);
  }

  /**
   * Tells whether a shared file changed, so every circuit is affected.
   *
   * @return true if any shared file changed
   */
  public boolean affectsAllCircuits() {
    return !shared.isEmpty();
  }
}
