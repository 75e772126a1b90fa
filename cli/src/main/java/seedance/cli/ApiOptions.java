package seedance.cli;

import picocli.CommandLine.Option;
import seedance.sdk.SeedanceClient;

/** Where the API is and who calls it: flags first, then the environment. */
final class ApiOptions {

  @Option(
      names = "--api-key",
      description = "API key (default: $SEEDANCE_API_KEY). Prefer the variable: flags show in ps.")
  String apiKey;

  @Option(
      names = "--base-url",
      description = "API base URL (default: $SEEDANCE_BASE_URL, else http://localhost:8080).")
  String baseUrl;

  SeedanceClient client() {
    String key = apiKey != null ? apiKey : System.getenv("SEEDANCE_API_KEY");
    if (key == null || key.isBlank()) {
      throw new ExitCodes.UsageException("no API key: set SEEDANCE_API_KEY or pass --api-key");
    }
    String base = baseUrl != null ? baseUrl : System.getenv("SEEDANCE_BASE_URL");
    var builder = SeedanceClient.builder().apiKey(key);
    if (base != null && !base.isBlank()) {
      builder.baseUrl(base);
    }
    return builder.build();
  }
}
