package seedance.cli;

import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import seedance.sdk.ApiConnectionException;
import seedance.sdk.IdempotencyConflictException;
import seedance.sdk.InsufficientCreditsException;
import seedance.sdk.InternalErrorException;
import seedance.sdk.InvalidRequestException;
import seedance.sdk.NotFoundException;
import seedance.sdk.RateLimitedException;
import seedance.sdk.SeedanceException;
import seedance.sdk.ServiceBusyException;
import seedance.sdk.UnauthorizedException;
import seedance.sdk.WaitTimeoutException;

/** The process exit code of each kind of failure, so scripts can branch on it (see --help). */
final class ExitCodes {

  static final int OK = 0;
  static final int INTERNAL = 1;
  static final int USAGE = 2;
  static final int UNAUTHORIZED = 3;
  static final int INVALID_REQUEST = 4;
  static final int INSUFFICIENT_CREDITS = 5;
  static final int RATE_LIMITED = 6;
  static final int IDEMPOTENCY_CONFLICT = 7;
  static final int SERVICE_BUSY = 8;
  static final int NOT_FOUND = 9;
  static final int CONNECTION = 10;
  static final int TASK_FAILED = 11;
  static final int WAIT_TIMEOUT = 12;

  private ExitCodes() {}

  static int of(Throwable error) {
    return switch (error) {
      case UnauthorizedException e -> UNAUTHORIZED;
      case InvalidRequestException e -> INVALID_REQUEST;
      case InsufficientCreditsException e -> INSUFFICIENT_CREDITS;
      case RateLimitedException e -> RATE_LIMITED;
      case IdempotencyConflictException e -> IDEMPOTENCY_CONFLICT;
      case ServiceBusyException e -> SERVICE_BUSY;
      case NotFoundException e -> NOT_FOUND;
      case ApiConnectionException e -> CONNECTION;
      case WaitTimeoutException e -> WAIT_TIMEOUT;
      case InternalErrorException e -> INTERNAL;
      case CommandLine.ParameterException e -> USAGE;
      case UsageException e -> USAGE;
      default -> INTERNAL;
    };
  }

  /** One line on stderr a person can act on, never a stack trace. */
  static int handle(Exception error, CommandLine commandLine, ParseResult parsed) {
    var err = commandLine.getErr();
    switch (error) {
      case SeedanceException e when e.httpStatus() > 0 ->
          err.println(
              "error: "
                  + e.code()
                  + ": "
                  + e.getMessage()
                  + (e.param() == null ? "" : " (" + e.param() + ")")
                  + (e.requestId() == null ? "" : " [request " + e.requestId() + "]"));
      case UsageException e -> err.println("error: " + e.getMessage());
      case UncheckedIOException e -> err.println("error: " + e.getMessage());
      default -> err.println("error: " + error.getMessage());
    }
    err.flush();
    return of(error);
  }

  /** A wrong combination of options that picocli cannot see (such as no API key). */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
