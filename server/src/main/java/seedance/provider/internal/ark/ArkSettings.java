package seedance.provider.internal.ark;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One Ark account: BytePlus ({@code https://ark.ap-southeast.bytepluses.com/api/v3}) or Volcengine
 * ({@code https://ark.cn-beijing.volces.com/api/v3}) differ only in host and model ids. Model ids
 * are configuration because both clouds rename them with every release.
 *
 * @param modelsByTier model (or {@code ep-...} endpoint) id per quality tier: pro, standard, mini
 * @param allow4k whether the pro model accepts {@code resolution: 4k} on this account; Ark added it
 *     months after launch and not every region has it
 * @param readTimeout how long to wait for an answer once the request is sent; a create that runs
 *     past it is ambiguous, so keep it generous
 */
record ArkSettings(
    String baseUrl,
    String apiKey,
    Map<String, String> modelsByTier,
    boolean allow4k,
    Duration connectTimeout,
    Duration readTimeout) {

  ArkSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    modelsByTier = Map.copyOf(modelsByTier);
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
  }

  /** BytePlus ModelArk defaults (the research's model table; check them against the console). */
  static ArkSettings byteplus(String apiKey) {
    return new ArkSettings(
        "https://ark.ap-southeast.bytepluses.com/api/v3",
        apiKey,
        Map.of(
            "pro", "dreamina-seedance-2-0-260128",
            "standard", "dreamina-seedance-2-0-fast-260128",
            "mini", "dreamina-seedance-2-0-mini-260615"),
        false,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60));
  }

  /** The key must never reach logs, even through a record's generated toString. */
  @Override
  public String toString() {
    return "ArkSettings[baseUrl="
        + baseUrl
        + ", models="
        + modelsByTier
        + ", allow4k="
        + allow4k
        + "]";
  }
}
