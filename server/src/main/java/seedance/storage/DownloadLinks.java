package seedance.storage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.InstantSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import seedance.config.ServerSecret;
import seedance.config.ServerSettings;

/**
 * Signed, expiring download URLs under SEEDANCE_PUBLIC_URL. A task read signs its links anew, so a
 * client holding an expired link only has to read the task again.
 */
@Component
public class DownloadLinks {

  static final String PATH = "/v1/files/";

  private final ServerSecret secret;
  private final InstantSource clock;
  private final String publicUrl;
  private final StorageSettings settings;

  DownloadLinks(
      ServerSecret secret, InstantSource clock, ServerSettings server, StorageSettings settings) {
    this.secret = secret;
    this.clock = clock;
    this.settings = settings;
    String base = server.publicUrl();
    this.publicUrl = base == null || base.isBlank() ? null : base.replaceAll("/+$", "");
  }

  /**
   * A fresh link to {@code key}; must be called while serving a request when no public URL is set.
   */
  public String url(String key) {
    long expires = clock.millis() / 1000 + settings.linkTtl().toSeconds();
    // Without SEEDANCE_PUBLIC_URL, links point back at the address the client used.
    String base =
        publicUrl != null
            ? publicUrl
            : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    return base
        + PATH
        + key
        + "?expires="
        + expires
        + "&signature="
        + URLEncoder.encode(signature(key, expires), StandardCharsets.UTF_8);
  }

  /** True when the signature is ours for this key and the link has not expired. */
  public boolean verify(String key, long expires, String signature) {
    if (expires < clock.millis() / 1000 || signature == null) {
      return false;
    }
    byte[] expected = signature(key, expires).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }

  private String signature(String key, long expires) {
    return secret.hmacHex("download", key + "\n" + expires);
  }
}
