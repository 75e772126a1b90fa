package seedance.docs.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import seedance.config.ServerSettings;

/** The base of absolute URLs in the docs: SEEDANCE_PUBLIC_URL, else the address the client used. */
@Component
class PublicBase {

  private final String publicUrl;

  PublicBase(ServerSettings settings) {
    String base = settings.publicUrl();
    this.publicUrl = base == null || base.isBlank() ? null : base.replaceAll("/+$", "");
  }

  String of(HttpServletRequest request) {
    return publicUrl != null
        ? publicUrl
        : ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
  }
}
