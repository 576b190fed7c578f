package io.mlops4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the {@code mlops} command in-process and captures its output. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = MlopsCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs with the given environment variables instead of this process's. */
  static CliRun withEnv(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        MlopsCommand.commandLine(
                new PrintWriter(out), new PrintWriter(err), MlopsCommand::openLocal, env)
            .execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
