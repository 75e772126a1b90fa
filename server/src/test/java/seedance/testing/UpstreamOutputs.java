package seedance.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import seedance.media.MediaTestServer;
import seedance.provider.internal.local.LocalRenderer;
import seedance.provider.internal.local.RenderResult;
import seedance.provider.internal.local.RenderSpec;

/**
 * The vendors' CDN for the end-to-end upstream tests: a TLS server that answers every {@code .mp4}
 * path with one real clip (and, when asked, every {@code .png} with its last frame), the clip being
 * rendered once per test JVM and checked with ffprobe.
 */
public final class UpstreamOutputs {

  private static RenderResult rendered;

  private UpstreamOutputs() {}

  /** A new CDN serving the clip, and its last frame too when {@code lastFrames}. */
  public static MediaTestServer start(boolean lastFrames) {
    try {
      var server = MediaTestServer.start(Files.createTempDirectory("upstream-outputs"));
      server.serveEverySuffix(".mp4", clip());
      if (lastFrames) {
        server.serveEverySuffix(".png", Files.readAllBytes(render().lastFrame()));
      }
      return server;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The clip's bytes, to serve again after a test expired the vendor's link. */
  public static byte[] clip() {
    try {
      return Files.readAllBytes(render().video());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized RenderResult render() throws Exception {
    if (rendered == null) {
      Path dir = Files.createTempDirectory("upstream-clip");
      rendered =
          new LocalRenderer()
              .render(new RenderSpec(640, 360, 4, true, 3, "upstream", true, null, null), dir);
      Ffprobe.probe(rendered.video());
    }
    return rendered;
  }
}
