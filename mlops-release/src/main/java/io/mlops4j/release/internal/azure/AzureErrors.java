package io.mlops4j.release.internal.azure;

import io.mlops4j.config.MlopsException;
import io.mlops4j.release.RegistryException;
import io.mlops4j.release.RegistryException.Reason;
import java.util.regex.Pattern;

/** Every user-facing message of the Azure backend, built in one place (STYLE P6). */
final class AzureErrors {
  /** Query parameters and headers that carry credentials in Azure URLs and messages. */
  private static final Pattern SECRET_PARAM =
      Pattern.compile(
          "(?i)(sig|se|st|sp|sv|spr|srt|ss|skoid|sktid|skt|ske|sks|skv|sr|saoid|suoid|scid|rscc|rscd"
              + "|rsce|rscl|rsct|accountkey|sharedaccesssignature|password|secret|token)=[^&\\s;\"']*");

  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+");

  private AzureErrors() {}

  /**
   * Removes credentials from text that may echo a URL or header: SAS query parameters, account
   * keys, bearer tokens.
   */
  static String redact(String text) {
    if (text == null) {
      return "";
    }
    String out = SECRET_PARAM.matcher(text).replaceAll("$1=REDACTED");
    return BEARER.matcher(out).replaceAll("Bearer REDACTED");
  }

  /**
   * The cause to attach: the exception itself when no message in its chain carries a credential,
   * else a copy of the chain with redacted messages (and the original stack traces), since {@code
   * mlops --verbose} and loggers print every cause's message.
   */
  static Throwable redacted(Throwable cause) {
    if (cause == null || clean(cause, 0)) {
      return cause;
    }
    return copy(cause, 0);
  }

  private static boolean clean(Throwable t, int depth) {
    if (t == null || depth > 20) {
      return true;
    }
    String message = t.getMessage();
    return (message == null || redact(message).equals(message)) && clean(t.getCause(), depth + 1);
  }

  private static Throwable copy(Throwable t, int depth) {
    if (t == null || depth > 20) {
      return null;
    }
    RedactedCause copy =
        new RedactedCause(
            t.getClass().getName() + ": " + redact(String.valueOf(t.getMessage())),
            copy(t.getCause(), depth + 1));
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  /** A cause whose message had a credential redacted; it prints as the original class and text. */
  private static final class RedactedCause extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RedactedCause(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }

  /** Maps an HTTP status from ARM or the data plane to a reason. */
  static Reason reasonOf(int status) {
    return switch (status) {
      case 400, 422 -> Reason.VALIDATION;
      case 401, 403 -> Reason.UNAUTHORIZED;
      case 404 -> Reason.NOT_FOUND;
      case 409, 412 -> Reason.CONFLICT;
      case 429 -> Reason.THROTTLED;
      case 408 -> Reason.TIMEOUT;
      default -> Reason.FAILED;
    };
  }

  /** An error answer of the service, with its code and message (redacted). */
  static RegistryException service(String operation, int status, String code, String message) {
    String what =
        switch (reasonOf(status)) {
          case NOT_FOUND -> "not found";
          case CONFLICT -> "already exists or was changed concurrently";
          case UNAUTHORIZED ->
              "not authorized; check the credential (azure-identity) and its role on the"
                  + " workspace";
          case THROTTLED -> "throttled by Azure ML after retries; try again later";
          case VALIDATION -> "rejected as invalid";
          default -> "failed";
        };
    String detail = code == null || code.isEmpty() ? "" : " [" + code + "]";
    String service = message == null || message.isEmpty() ? "" : ": " + redact(message);
    return new RegistryException(
        reasonOf(status), operation, what + " (HTTP " + status + detail + ")" + service);
  }

  /** The service could not be reached or answered garbage. */
  static RegistryException unreachable(String operation, String host, Throwable cause) {
    return new RegistryException(
        Reason.FAILED,
        operation,
        "cannot reach " + host + ": " + redact(String.valueOf(cause.getMessage())),
        redacted(cause));
  }

  static RegistryException lroFailed(String operation, String status, String code, String message) {
    String detail = code.isEmpty() ? "" : " [" + code + "]";
    String service = message.isEmpty() ? "" : ": " + redact(message);
    return new RegistryException(
        Reason.FAILED,
        operation,
        "the long-running operation ended "
            + status
            + detail
            + service
            + "; see the activity log of the resource");
  }

  static RegistryException noToken(String operation, Throwable cause) {
    return new RegistryException(
        Reason.UNAUTHORIZED,
        operation,
        "could not get a token from the credential ("
            + redact(String.valueOf(cause.getMessage()))
            + "); set AZURE_CLIENT_ID/AZURE_TENANT_ID with a secret or federated token, use a"
            + " managed identity, or run az login",
        redacted(cause));
  }

  static RegistryException artifactMissing(String operation, String path) {
    return new RegistryException(
        Reason.VALIDATION,
        operation,
        "artifact " + MlopsException.quote(path) + " does not exist; expected a file or directory");
  }

  static RegistryException artifactIo(String operation, String what, Throwable cause) {
    return new RegistryException(
        Reason.FAILED,
        operation,
        "failed to " + what + ": " + redact(String.valueOf(cause.getMessage())),
        redacted(cause));
  }

  static RegistryException digestMismatch(String operation, String expected, String actual) {
    return new RegistryException(
        Reason.FAILED,
        operation,
        "downloaded artifact has digest " + actual + " but the version records " + expected);
  }

  static RegistryException targetNotEmpty(String operation, String dir) {
    return new RegistryException(
        Reason.VALIDATION,
        operation,
        "target directory "
            + MlopsException.quote(dir)
            + " is not empty; expected an empty or"
            + " missing directory");
  }

  static RegistryException reservedProperty(String operation, String key) {
    return new RegistryException(
        Reason.VALIDATION,
        operation,
        "property '"
            + key
            + "' uses the reserved prefix "
            + AzureJson.RESERVED_PREFIX
            + "; choose another key");
  }

  static RegistryException versionsExhausted(String operation, int attempts) {
    return new RegistryException(
        Reason.CONFLICT,
        operation,
        "every version tried was taken by concurrent writers (" + attempts + " attempts)");
  }

  static RegistryException registryOnly(String operation, String target) {
    return new RegistryException(
        Reason.VALIDATION,
        operation,
        "'"
            + target
            + "' is a registry; endpoints, deployments, jobs and sharing need a"
            + " workspace target");
  }

  static RegistryException noDefaultDeployment(String operation, String endpoint) {
    return new RegistryException(
        Reason.VALIDATION,
        operation,
        "endpoint '"
            + endpoint
            + "' has no default deployment; name a deployment or set one"
            + " with setDefaultDeployment");
  }

  static RegistryException differentCopy(String operation, String ref) {
    return new RegistryException(
        Reason.CONFLICT,
        operation,
        ref
            + " already exists in the registry with different content; share under a new"
            + " version");
  }

  static RegistryException missingRegion(String operation, String target) {
    return new RegistryException(
        Reason.VALIDATION,
        operation,
        "target '"
            + target
            + "' has no region in workspaces.yml; batch endpoints and"
            + " deployments are tracked resources and need one (region: westeurope)");
  }

  static RegistryException unknownRegistry(String operation, String registry) {
    return new RegistryException(
        Reason.NOT_FOUND,
        operation,
        "registry '" + registry + "' is not a target of workspaces.yml");
  }

  static RegistryException timeout(String operation, String id, String waited) {
    return new RegistryException(
        Reason.TIMEOUT, operation, "job " + id + " has not ended after " + waited);
  }

  static RegistryException noBlobLocation(String operation) {
    return new RegistryException(
        Reason.FAILED,
        operation,
        "the workspace has no default blob datastore (datastores?isDefault=true answered none)");
  }
}
