package seedance.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;
import seedance.sdk.Task;

/**
 * The progress of a wait, on stderr so stdout stays clean for --json: a line rewritten in place on
 * a terminal, else one line per change of status.
 */
final class Progress implements Consumer<Task> {

  private static final String SPINNER = "|/-\\";

  private final PrintWriter err;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private String lastStatus;
  private int ticks;

  Progress(PrintWriter err) {
    this.err = err;
    this.terminal = isTerminal();
  }

  /**
   * From JDK 22 on, {@code System.console()} exists even when stderr is redirected and {@code
   * Console.isTerminal()} tells; the SDK targets 21, so it is looked up rather than called.
   */
  private static boolean isTerminal() {
    var console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException olderJdk) {
      return true;
    }
  }

  @Override
  public void accept(Task task) {
    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
    if (terminal) {
      char spin = task.isDone() ? ' ' : SPINNER.charAt(ticks++ % SPINNER.length());
      err.print("\r" + spin + " " + task.id() + " " + task.status() + " " + seconds + "s   ");
      if (task.isDone()) {
        err.println();
      }
    } else if (!task.status().equals(lastStatus)) {
      err.println(task.id() + " " + task.status() + " after " + seconds + "s");
    }
    lastStatus = task.status();
    err.flush();
  }
}
