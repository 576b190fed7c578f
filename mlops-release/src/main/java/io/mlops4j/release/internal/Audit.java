package io.mlops4j.release.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;

/** Writes the audit trail: every state change, in the same transaction as the change. */
final class Audit {
  private final Clock clock;
  private final String actor;

  Audit(Clock clock, String actor) {
    this.clock = clock;
    this.actor = actor;
  }

  void record(
      Connection connection,
      String action,
      String target,
      String entity,
      String before,
      String after)
      throws SQLException {
    try (PreparedStatement st =
        connection.prepareStatement(
            "INSERT INTO audit (at, actor, action, target, entity, before, after)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      st.setString(1, clock.instant().toString());
      st.setString(2, actor);
      st.setString(3, action);
      st.setString(4, target);
      st.setString(5, entity);
      st.setString(6, before);
      st.setString(7, after);
      st.executeUpdate();
    }
  }
}
