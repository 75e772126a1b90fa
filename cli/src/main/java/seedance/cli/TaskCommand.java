package seedance.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "task",
    description = "Tasks.",
    mixinStandardHelpOptions = true,
    subcommands = {TaskCommand.Get.class, TaskCommand.Wait.class})
final class TaskCommand {

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Show a task (GET /api/v1/tasks/ID).")
  static final class Get implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ID", description = "The task id, sd2_...")
    String id;

    @Option(names = "--json", description = "Print the task as JSON.")
    boolean json;

    @Override
    public Integer call() {
      var task = api.client().tasks().get(id);
      Output.task(spec.commandLine().getOut(), task, json);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "wait",
      mixinStandardHelpOptions = true,
      description = "Wait until a task is completed or failed, showing progress on stderr.")
  static final class Wait implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ID", description = "The task id, sd2_...")
    String id;

    @Option(
        names = "--timeout",
        defaultValue = "10m",
        converter = Durations.class,
        description = "How long to wait: 90s, 10m, 1h (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--download", paramLabel = "FILE", description = "Save the video to FILE.")
    Path download;

    @Option(names = "--json", description = "Print the task as JSON.")
    boolean json;

    @Override
    public Integer call() {
      var client = api.client();
      var err = spec.commandLine().getErr();
      var task = client.tasks().waitFor(id, timeout, new Progress(err));
      if (task.isCompleted() && download != null) {
        err.println("saved " + client.tasks().download(task, download));
        err.flush();
      }
      Output.task(spec.commandLine().getOut(), task, json);
      return task.isFailed() ? ExitCodes.TASK_FAILED : ExitCodes.OK;
    }
  }
}
