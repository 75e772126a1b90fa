package seedance.cli;

import picocli.CommandLine.Command;

@Command(
    name = "seedance",
    mixinStandardHelpOptions = true,
    version = "seedance 0.1.0",
    description = "Generate videos with the Seedance 2.0 API.",
    subcommands = {VideoCommand.class, TaskCommand.class, McpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:internal_error, or an unexpected failure",
      "2:usage error (bad option, no API key)",
      "3:unauthorized",
      "4:invalid_request",
      "5:insufficient_credits",
      "6:rate_limited (after retries)",
      "7:idempotency_conflict",
      "8:service_busy (after retries)",
      "9:not_found",
      "10:the server could not be reached",
      "11:the task failed",
      "12:--wait timed out (the task is still processing)",
    })
final class SeedanceCommand {}
