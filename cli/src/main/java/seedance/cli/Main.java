package seedance.cli;

import picocli.CommandLine;

/** {@code seedance}: the Seedance video API from a terminal, a script or an agent (MCP). */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    var commandLine = new CommandLine(new SeedanceCommand());
    commandLine.setExecutionExceptionHandler(ExitCodes::handle);
    commandLine.setExitCodeExceptionMapper(ExitCodes::of);
    return commandLine;
  }
}
