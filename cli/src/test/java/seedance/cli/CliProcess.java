package seedance.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged CLI jar run as a user would: a child process with its own environment. */
final class CliProcess {

  record Result(int exit, String stdout, String stderr) {}

  private CliProcess() {}

  static String jar() {
    String jar = System.getProperty("seedance.cli.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("no CLI jar at " + jar + ": run the package phase first");
    }
    return jar;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static Result run(Map<String, String> env, String... args) throws IOException {
    var command = new ArrayList<>(List.of(java(), "-jar", jar()));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command);
    builder.environment().remove("SEEDANCE_API_KEY");
    builder.environment().remove("SEEDANCE_BASE_URL");
    builder.environment().putAll(env);
    Path out = Files.createTempFile("cli-out", ".txt");
    Path err = Files.createTempFile("cli-err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    var process = builder.start();
    try {
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("seedance " + String.join(" ", args) + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
