package io.mlops4j.cli;

import io.mlops4j.config.MlopsException;
import io.mlops4j.release.Job;
import io.mlops4j.release.JobStatus;
import io.mlops4j.release.MlWorkspace;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code mlops ws jobs}: show, wait for, cancel and read the log of batch scoring jobs. */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    description = "Show, wait for, cancel and read the log of batch scoring jobs.",
    subcommands = {
      WsJobsCommand.Show.class,
      WsJobsCommand.Wait.class,
      WsJobsCommand.Cancel.class,
      WsJobsCommand.Logs.class
    })
final class WsJobsCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a jobs subcommand");
  }

  /** {@code mlops ws jobs show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a job's status, exit code, error and inputs.")
  static final class Show implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Parameters(paramLabel = "ID", description = "The job id, e.g. batchjob-...")
    String id;

    @Override
    public Integer call() {
      try (WsOptions.Opened<MlWorkspace> target = ws.openWorkspace()) {
        Job job = target.target().getJob(id);
        WsViews.print(spec.commandLine().getOut(), WsViews.job(target.name(), job), ws.json);
      }
      return ExitCodes.OK;
    }
  }

  /**
   * {@code mlops ws jobs wait}: exit 0 when the job completed, 3 when it failed or was cancelled.
   */
  @Command(
      name = "wait",
      mixinStandardHelpOptions = true,
      description = {
        "Wait until a job ends, then show it.",
        "Exit code: 0 COMPLETED, 3 FAILED or CANCELED, 1 still running after --timeout."
      })
  static final class Wait implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Parameters(paramLabel = "ID", description = "The job id.")
    String id;

    @Option(
        names = "--timeout",
        paramLabel = "DURATION",
        defaultValue = "30m",
        converter = DurationConverter.class,
        description =
            "How long to wait at most: 90s, 30m, 2h, 1h30m or ISO-8601 PT30M"
                + " (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
      try (WsOptions.Opened<MlWorkspace> target = ws.openWorkspace()) {
        Job job = target.target().waitForJob(id, timeout);
        WsViews.print(spec.commandLine().getOut(), WsViews.job(target.name(), job), ws.json);
        if (job.status() == JobStatus.COMPLETED) {
          return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(
            "job %s ended %s%s%n",
            job.id(), job.status(), job.error().isEmpty() ? "" : ": " + job.error());
        err.flush();
        return ExitCodes.GATE_FAILED;
      }
    }
  }

  /** {@code mlops ws jobs cancel}. */
  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description =
          "Request cancellation of a job and show it; a job that has ended is shown unchanged.")
  static final class Cancel implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Parameters(paramLabel = "ID", description = "The job id.")
    String id;

    @Override
    public Integer call() {
      try (WsOptions.Opened<MlWorkspace> target = ws.openWorkspace()) {
        Job job = target.target().cancelJob(id);
        WsViews.print(spec.commandLine().getOut(), WsViews.job(target.name(), job), ws.json);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code mlops ws jobs logs}. */
  @Command(
      name = "logs",
      mixinStandardHelpOptions = true,
      description = "Print a job's log so far (with --json: {\"id\": ..., \"log\": ...}).")
  static final class Logs implements Callable<Integer> {
    @Spec private CommandSpec spec;
    @Mixin private WsOptions ws;

    @Parameters(paramLabel = "ID", description = "The job id.")
    String id;

    @Override
    public Integer call() {
      try (WsOptions.Opened<MlWorkspace> target = ws.openWorkspace()) {
        String log = target.target().getJobLogs(id);
        PrintWriter out = spec.commandLine().getOut();
        if (ws.json) {
          Map<String, Object> view = new LinkedHashMap<>();
          view.put("target", target.name());
          view.put("id", id);
          view.put("log", log);
          WsViews.print(out, view, true);
        } else {
          out.print(log);
          out.flush();
        }
      }
      return ExitCodes.OK;
    }
  }

  /** Parses {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 500ms} or ISO-8601. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    @Override
    public Duration convert(String text) {
      if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
        try {
          return positive(text, Duration.parse(text));
        } catch (DateTimeParseException e) {
          throw invalid(text);
        }
      }
      Matcher m = PART.matcher(text);
      Duration total = Duration.ZERO;
      int end = 0;
      while (m.find() && m.start() == end) {
        long n = Long.parseLong(m.group(1));
        total =
            total.plus(
                switch (m.group(2)) {
                  case "ms" -> Duration.ofMillis(n);
                  case "s" -> Duration.ofSeconds(n);
                  case "m" -> Duration.ofMinutes(n);
                  case "h" -> Duration.ofHours(n);
                  default -> Duration.ofDays(n);
                });
        end = m.end();
      }
      if (end == 0 || end != text.length()) {
        throw invalid(text);
      }
      return positive(text, total);
    }

    private static Duration positive(String text, Duration duration) {
      if (duration.isNegative() || duration.isZero()) {
        throw invalid(text);
      }
      return duration;
    }

    private static TypeConversionException invalid(String text) {
      return new TypeConversionException(
          MlopsException.quote(text)
              + " is not a positive duration; expected e.g. 90s, 30m, 2h, 1h30m or PT30M");
    }
  }
}
