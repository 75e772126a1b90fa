package seedance.provider.internal.ark;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import seedance.provider.GenerationRequest;
import seedance.provider.GenerationRequest.InputMedia;
import seedance.provider.ProviderException;

/** Requests and providers shared by the Ark tests. */
final class ArkFixtures {

  static final Map<String, String> MODELS =
      Map.of(
          "pro", "dreamina-seedance-2-0-260128",
          "standard", "dreamina-seedance-2-0-fast-260128",
          "mini", "dreamina-seedance-2-0-mini-260615");

  private ArkFixtures() {}

  static ProviderException submitFails(ArkProvider target) {
    return catchThrowableOfType(
        ProviderException.class,
        () -> target.submit(request("text-to-video", null, null, List.of(), false, "720p")));
  }

  static ArkProvider provider(
      String baseUrl, String key, Map<String, String> models, boolean allow4k, Duration read) {
    return new ArkProvider(
        new ArkSettings(baseUrl, key, models, allow4k, Duration.ofSeconds(2), read));
  }

  static InputMedia media(String url, String type) {
    return new InputMedia(url, Path.of("/tmp/unused"), type);
  }

  static GenerationRequest request(String taskId, String mode) {
    return new GenerationRequest(
        taskId,
        mode,
        "pro",
        "standard",
        "a fox",
        "16:9",
        5,
        "720p",
        false,
        false,
        7,
        null,
        null,
        List.of(),
        Path.of("/tmp"));
  }

  static GenerationRequest request(
      String mode,
      InputMedia start,
      InputMedia end,
      List<InputMedia> media,
      boolean fixedLens,
      String resolution) {
    return new GenerationRequest(
        "task_0001",
        mode,
        "pro",
        "standard",
        "a red fox runs through snow",
        "adaptive",
        5,
        resolution,
        true,
        fixedLens,
        4242,
        start,
        end,
        media,
        Path.of("/tmp"));
  }
}
