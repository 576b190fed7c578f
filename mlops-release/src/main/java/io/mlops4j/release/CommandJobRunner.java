package io.mlops4j.release;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a job as an operating-system command, as an Azure ML batch container would run its scoring
 * entry point. The command sees the deployment's environment variables plus {@code
 * AZUREML_MODEL_DIR} (the downloaded model), {@code AZUREML_BI_OUTPUT_PATH} (the output folder),
 * {@code MLOPS_JOB_ID}, {@code MLOPS_INPUT} (the data input) and {@code MLOPS_VALUE_<KEY>} for each
 * per-invocation value. Its standard output and error go to the job log; its exit code is the
 * job's. Cancellation destroys the process.
 */
public final class CommandJobRunner implements JobRunner {
  private final List<String> command;

  /**
   * Creates a runner for a command.
   *
   * @param command the program and its arguments
   */
  public CommandJobRunner(List<String> command) {
    this.command = List.copyOf(command);
    if (this.command.isEmpty()) {
      throw new IllegalArgumentException("command must name a program");
    }
  }

  @Override
  public int run(JobContext context) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.putAll(context.deployment().spec().environmentVariables());
    env.put("AZUREML_MODEL_DIR", context.modelDir().toString());
    env.put("AZUREML_BI_OUTPUT_PATH", context.outputDir().toString());
    env.put("MLOPS_JOB_ID", context.jobId());
    env.put("MLOPS_INPUT", context.inputs().input());
    context
        .inputs()
        .values()
        .forEach(
            (key, value) ->
                env.put(
                    "MLOPS_VALUE_" + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"),
                    value));
    Process process = builder.start();
    process.getOutputStream().close();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  context.log().println(line);
                  context.log().flush();
                }
              } catch (IOException e) {
                context.log().println("[mlops] log stream ended: " + e.getMessage());
              }
            },
            "job-log-" + context.jobId());
    pump.setDaemon(true);
    pump.start();
    while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
      if (context.cancelRequested()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        break;
      }
    }
    pump.join(5_000);
    return process.exitValue();
  }
}
