package io.mlops4j.release;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One state change recorded by the local store.
 *
 * @param id increasing sequence number
 * @param at when it happened
 * @param actor who made it ({@code user@host pid})
 * @param action what happened, such as {@code model.register}
 * @param target the workspace or registry
 * @param entity what changed, such as {@code lstm_P001_C001:3}
 * @param before the state before, as JSON; empty for a creation or where the store keeps no earlier
 *     state (a job's end)
 * @param after the state after, as JSON
 */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String action,
    String target,
    String entity,
    String before,
    String after) {
  /** Checks the components. */
  public AuditEntry {
    requireNonNull(at, "at");
    requireNonNull(actor, "actor");
    requireNonNull(action, "action");
    requireNonNull(target, "target");
    requireNonNull(entity, "entity");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
  }
}
