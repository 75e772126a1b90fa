import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The load generator's command line: {@code --name value} or {@code --name=value}. */
record LoadOptions(
    String base,
    String adminToken,
    int accounts,
    int requests,
    int concurrency,
    int warmup,
    String label,
    int maxPerAccount,
    int setupConcurrency,
    long serverPid) {

  static LoadOptions parse(String[] args) {
    var values = new LinkedHashMap<String, String>();
    var known =
        List.of(
            "base",
            "admin-token",
            "accounts",
            "requests",
            "concurrency",
            "warmup",
            "label",
            "max-per-account",
            "setup-concurrency",
            "server-pid");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        SubmitLoad.fail("unexpected argument " + arg);
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else {
        if (i + 1 >= args.length) {
          SubmitLoad.fail("missing value for --" + name);
        }
        value = args[++i];
      }
      if (!known.contains(name)) {
        SubmitLoad.fail("unknown option --" + name + "; known: " + known);
      }
      values.put(name, value);
    }
    if (!values.containsKey("base") || !values.containsKey("admin-token")) {
      SubmitLoad.fail(
          "usage: scripts/bench (or java SubmitLoad) --base http://127.0.0.1:PORT --admin-token T"
              + " [--accounts 1000] [--requests 20000] [--concurrency 32] [--warmup 2000]"
              + " [--label db] [--max-per-account 25] [--setup-concurrency 8] [--server-pid PID]");
    }
    var options =
        new LoadOptions(
            values.get("base"),
            values.get("admin-token"),
            positive(values, "accounts", 1000),
            positive(values, "requests", 20000),
            positive(values, "concurrency", 32),
            nonNegative(values, "warmup", 2000),
            values.getOrDefault("label", "unknown"),
            positive(values, "max-per-account", 25),
            positive(values, "setup-concurrency", 8),
            nonNegative(values, "server-pid", 0));
    return options;
  }

  static int positive(Map<String, String> values, String name, int fallback) {
    int v = nonNegative(values, name, fallback);
    if (v == 0) {
      SubmitLoad.fail("--" + name + " must be positive");
    }
    return v;
  }

  static int nonNegative(Map<String, String> values, String name, int fallback) {
    String s = values.get(name);
    if (s == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(s);
      if (v < 0) {
        SubmitLoad.fail("--" + name + " must not be negative");
      }
      return v;
    } catch (NumberFormatException e) {
      SubmitLoad.fail("--" + name + " must be an integer: " + s);
      return 0;
    }
  }
}
