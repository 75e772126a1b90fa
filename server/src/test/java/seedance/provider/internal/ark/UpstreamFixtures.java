package seedance.provider.internal.ark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import seedance.media.MediaTestServer;
import seedance.provider.internal.local.LocalRenderer;
import seedance.provider.internal.local.RenderSpec;
import seedance.testing.Ffprobe;

/** The fake Ark and the HTTPS host its output links point to, wired into a test server. */
final class UpstreamFixtures {

  private UpstreamFixtures() {}

  static ArkFakeServer ark() {
    try {
      return new ArkFakeServer();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The upstream's storage: every .mp4 is a real rendered clip, every .png a real frame. */
  static MediaTestServer outputs() {
    try {
      Path dir = Files.createTempDirectory("ark-outputs");
      var rendered =
          new LocalRenderer()
              .render(new RenderSpec(640, 360, 4, true, 3, "upstream", true, null, null), dir);
      Ffprobe.probe(rendered.video());
      var server = MediaTestServer.start(dir);
      server.serveEverySuffix(".mp4", Files.readAllBytes(rendered.video()));
      server.serveEverySuffix(".png", Files.readAllBytes(rendered.lastFrame()));
      return server;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void register(
      DynamicPropertyRegistry registry, ArkFakeServer ark, MediaTestServer outputs) {
    registry.add("seedance.ark.base-url", ark::baseUrl);
    registry.add("seedance.test-hooks.trust-store", () -> outputs.trustStore().toString());
    registry.add("seedance.test-hooks.trust-store-password", () -> MediaTestServer.PASSWORD);
    registry.add("seedance.test-hooks.https-port-override", outputs::port);
  }
}
