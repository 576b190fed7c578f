package io.mlops4j.release.internal;

import io.mlops4j.release.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * The local store's SQLite database: pooled connections in WAL mode, versioned migrations ({@code
 * PRAGMA user_version}), and write transactions that take the write lock up front ({@code BEGIN
 * IMMEDIATE}) so concurrent writers, in threads or other processes, queue instead of deadlocking.
 */
public final class Sqlite implements AutoCloseable {
  /** Migrations in order; the index + 1 is the schema version each one produces. */
  static final List<String> MIGRATIONS = List.of("V1__store.sql");

  private static final int BUSY_TIMEOUT_MS = 60_000;

  /** Work done with a connection. */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Does the work.
     *
     * @param connection an open connection, inside a transaction for writes
     * @return the result
     * @throws SQLException on a database error
     */
    T apply(Connection connection) throws SQLException;
  }

  private final String url;
  private final SQLiteConfig config;
  private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

  /**
   * Opens (and creates or migrates) the database.
   *
   * @param file the database file
   */
  public Sqlite(Path file) {
    this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    this.config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    try {
      migrate();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Runs work in a write transaction, committed if it returns and rolled back if it throws.
   *
   * @param operation what is attempted, for error messages
   * @param work the work
   * @param <T> the result type
   * @return the work's result
   */
  public <T> T write(String operation, Work<T> work) {
    Connection connection = borrow(operation);
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.apply(connection);
        connection.commit();
        return result;
      } catch (RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure(operation, e);
    } finally {
      release(connection);
    }
  }

  /**
   * Runs read-only work; each statement sees the data committed when it runs.
   *
   * @param operation what is attempted, for error messages
   * @param work the work
   * @param <T> the result type
   * @return the work's result
   */
  public <T> T read(String operation, Work<T> work) {
    Connection connection = borrow(operation);
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw failure(operation, e);
    } finally {
      release(connection);
    }
  }

  private void migrate() {
    write(
        "migrate local store schema",
        connection -> {
          int current;
          try (Statement st = connection.createStatement();
              var rs = st.executeQuery("PRAGMA user_version")) {
            current = rs.getInt(1);
          }
          if (current > MIGRATIONS.size()) {
            throw new RegistryException(
                RegistryException.Reason.VALIDATION,
                "open local store " + url,
                "schema version "
                    + current
                    + " is newer than this mlops4j supports ("
                    + MIGRATIONS.size()
                    + "); upgrade mlops4j");
          }
          for (int v = current; v < MIGRATIONS.size(); v++) {
            try (Statement st = connection.createStatement()) {
              for (String sql : script(MIGRATIONS.get(v)).split(";\\s*\\n")) {
                String code = sql.replaceAll("(?m)^\\s*--.*$", "").strip();
                if (!code.isEmpty()) {
                  st.execute(code);
                }
              }
              st.execute("PRAGMA user_version = " + (v + 1));
            }
          }
          return null;
        });
  }

  private static String script(String name) {
    try (InputStream in = Sqlite.class.getResourceAsStream("/io/mlops4j/release/db/" + name)) {
      if (in == null) {
        throw new IllegalStateException("migration " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Connection borrow(String operation) {
    Connection connection = idle.pollFirst();
    if (connection != null) {
      return connection;
    }
    try {
      return config.createConnection(url);
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  private void release(Connection connection) {
    if (idle.size() < 8) {
      idle.addFirst(connection);
    } else {
      closeQuietly(connection);
    }
  }

  private static RegistryException failure(String operation, SQLException e) {
    boolean busy =
        e.getErrorCode() == SQLiteErrorCode.SQLITE_BUSY.code
            || e.getErrorCode() == SQLiteErrorCode.SQLITE_LOCKED.code;
    return new RegistryException(
        busy ? RegistryException.Reason.THROTTLED : RegistryException.Reason.FAILED,
        operation,
        busy
            ? "the local store stayed locked by another writer for "
                + BUSY_TIMEOUT_MS / 1000
                + " s; retry"
            : "local store error: " + e.getMessage(),
        e);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing a pooled connection: nothing left to do
    }
  }

  @Override
  public void close() {
    for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      closeQuietly(c);
    }
  }
}
