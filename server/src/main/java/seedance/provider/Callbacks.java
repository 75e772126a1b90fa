package seedance.provider;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.stereotype.Component;
import seedance.config.ServerSecret;
import seedance.config.ServerSettings;

/**
 * The URLs upstreams call when a generation changes: {@code
 * <SEEDANCE_PUBLIC_URL>/v1/callbacks/<provider>/<task id>?token=<HMAC>}. Only with a public URL,
 * since the upstream must reach us. The token proves only that we made the URL; what a callback
 * says is never trusted, it only makes the task's next poll due now.
 */
@Component
public class Callbacks {

  public static final String PATH = "/v1/callbacks/";
  private static final String PURPOSE = "upstream-callback";

  private final String base;
  private final ServerSecret secret;

  public Callbacks(ServerSettings settings, ServerSecret secret) {
    String url = settings.publicUrl();
    this.base = url == null || url.isBlank() ? null : url.replaceAll("/+$", "");
    this.secret = secret;
  }

  /** Whether upstreams are given a callback URL (SEEDANCE_PUBLIC_URL is set). */
  public boolean enabled() {
    return base != null;
  }

  /** The URL {@code provider} should call about {@code taskId}, if callbacks are enabled. */
  public Optional<String> url(String provider, String taskId) {
    if (base == null) {
      return Optional.empty();
    }
    return Optional.of(
        base
            + PATH
            + encode(provider)
            + "/"
            + encode(taskId)
            + "?token="
            + token(provider, taskId));
  }

  /** Whether {@code token} is the one we put in this task's callback URL (constant time). */
  public boolean verify(String provider, String taskId, String token) {
    if (token == null || provider == null || taskId == null) {
      return false;
    }
    return MessageDigest.isEqual(
        token(provider, taskId).getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }

  private String token(String provider, String taskId) {
    return secret.hmacHex(PURPOSE, provider + "/" + taskId);
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8);
  }
}
