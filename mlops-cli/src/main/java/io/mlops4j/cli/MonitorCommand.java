package io.mlops4j.cli;

import io.mlops4j.monitoring.Status;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mlops monitor}: performance, drift, ad-hoc metrics and drift of plain files. */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
      "Compare predictions with actuals (performance) and recent inputs with training data"
          + " (drift) per circuit, raise alerts and write an HTML report.",
      "",
      "Exit code 3 when any circuit reaches the --fail-on status (default CRITICAL).",
      "",
      "Alerts also go to webhooks whose URLs are read from the environment variables "
          + AlertWebhooks.WEBHOOK_ENV
          + " (JSON) and "
          + AlertWebhooks.TEAMS_ENV
          + " (Microsoft Teams); their secret is never printed or written."
    },
    subcommands = {
      MonitorPerformanceCommand.class,
      MonitorDriftCommand.class,
      MonitorMetricsCommand.class,
      MonitorCompareCommand.class,
      MonitorAlertsCommand.class,
      MonitorBenchCommand.class
    })
final class MonitorCommand implements Runnable {
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a monitor subcommand");
  }

  /** When a run fails as a gate. */
  enum FailOn {
    CRITICAL,
    WARNING,
    NEVER;

    int exitCode(Status worst) {
      boolean failed =
          switch (this) {
            case CRITICAL -> worst == Status.CRITICAL;
            case WARNING -> worst != Status.OK;
            case NEVER -> false;
          };
      return failed ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }
  }

  /** A period of dates, both included, and its name. */
  record Period(String name, LocalDate from, LocalDate to) {
    static Period month(CommandSpec spec, String text) {
      try {
        YearMonth month = YearMonth.parse(text);
        return new Period(text, month.atDay(1), month.atEndOfMonth());
      } catch (DateTimeParseException e) {
        throw new ParameterException(
            spec.commandLine(),
            "--month '" + text + "' is not a month; expected YYYY-MM, such as 2026-10");
      }
    }

    static Period quarter(CommandSpec spec, String text) {
      Matcher m = QUARTER.matcher(text);
      if (!m.matches()) {
        throw new ParameterException(
            spec.commandLine(),
            "--quarter '"
                + text
                + "' is not a quarter; expected YYYY-Qn with n from 1 to 4, such as 2026-Q3");
      }
      int year = Integer.parseInt(m.group(1));
      int quarter = Integer.parseInt(m.group(2));
      LocalDate from = LocalDate.of(year, 3 * quarter - 2, 1);
      return new Period(text, from, from.plusMonths(3).minusDays(1));
    }
  }
}
