package seedance.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** What the end-to-end upstream tests check and serve, once for every vendor. */
public final class UpstreamChecks {

  private UpstreamChecks() {}

  /** A plain 640×480 PNG, for the image and reference inputs the fake CDN serves. */
  public static byte[] png() throws IOException {
    var image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** The link answers 200 with a file ffprobe reads as a video. */
  public static void assertDownloadsAVideo(String url) throws Exception {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    Path file = Files.createTempFile("rehosted", ".mp4");
    Files.write(file, response.body());
    assertThat(Ffprobe.probe(file).path("streams").size()).isGreaterThan(0);
  }
}
