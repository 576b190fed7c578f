package io.mlops4j.cli;

/** The exit codes of every {@code mlops} command. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** A failure: the command could not do its work. */
  public static final int FAILURE = 1;

  /** Invalid input or usage: fix the input and run again. */
  public static final int INVALID_INPUT = 2;

  /** The command ran, but a gate it checks failed (monitoring CRITICAL, test inference failed). */
  public static final int GATE_FAILED = 3;

  /** Interrupted by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it); nothing was written. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
