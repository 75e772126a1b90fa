package seedance.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import seedance.media.MediaKind;
import seedance.media.TestMedia;

class MediaTypeDetectorTest {

  @Test
  void recognisesImagesByTheirMagicBytes() {
    assertThat(detect(TestMedia.png())).contains(MediaFormat.PNG);
    assertThat(detect(TestMedia.jpeg())).contains(MediaFormat.JPEG);
    assertThat(detect(TestMedia.gif())).contains(MediaFormat.GIF);
    byte[] webp = TestMedia.ascii("RIFF\u0024\0\0\0WEBPVP8 \u0018\0\0\0");
    assertThat(detect(webp)).contains(MediaFormat.WEBP);
  }

  @Test
  void recognisesMp4AndQuickTimeByTheirFtypBrand() {
    assertThat(detect(TestMedia.mp4())).contains(MediaFormat.MP4);
    assertThat(detect(TestMedia.mov())).contains(MediaFormat.QUICKTIME);
    assertThat(detect(TestMedia.isoMedia("M4V ", "isom"))).contains(MediaFormat.MP4);
    assertThat(detect(TestMedia.isoMedia("xxxx", "mp42"))).contains(MediaFormat.MP4);
  }

  @Test
  void refusesIsoFilesThatAreNotVideoSuchAsHeifStills() {
    assertThat(detect(TestMedia.heic())).isEmpty();
    assertThat(detect(TestMedia.isoMedia("avif", "mif1"))).isEmpty();
  }

  @Test
  void recognisesWebmAndMatroskaByTheirEbmlDocType() {
    assertThat(detect(TestMedia.webm("webm"))).contains(MediaFormat.WEBM);
    assertThat(detect(TestMedia.webm("matroska"))).contains(MediaFormat.MATROSKA);
    assertThat(detect(TestMedia.webm("other"))).isEmpty();
  }

  @Test
  void refusesEverythingElseWhateverItClaimsToBe() {
    assertThat(detect(TestMedia.html())).isEmpty();
    assertThat(detect(TestMedia.hlsPlaylist())).isEmpty();
    assertThat(detect(TestMedia.gzip(TestMedia.png()))).isEmpty();
    assertThat(detect(TestMedia.ascii("PK\u0003\u0004zip"))).isEmpty();
    assertThat(detect(new byte[0])).isEmpty();
  }

  @Test
  void refusesFilesCutOffBeforeTheirSignatureEnds() {
    assertThat(detect(Arrays.copyOf(TestMedia.png(), 7))).isEmpty();
    assertThat(detect(Arrays.copyOf(TestMedia.mp4(), 12))).isEmpty();
    assertThat(detect(Arrays.copyOf(TestMedia.webm("webm"), 10))).isEmpty();
  }

  @Test
  void looksOnlyAtTheGivenLengthOfTheBuffer() {
    byte[] buffer = Arrays.copyOf(TestMedia.png(), 600);
    assertThat(MediaTypeDetector.detect(buffer, 4)).isEmpty();
    assertThat(MediaTypeDetector.detect(buffer, 8)).contains(MediaFormat.PNG);
  }

  @Test
  void formatsFitTheKindTheyBelongTo() {
    assertThat(MediaFormat.PNG.fits(MediaKind.IMAGE)).isTrue();
    assertThat(MediaFormat.PNG.fits(MediaKind.VIDEO)).isFalse();
    assertThat(MediaFormat.WEBM.fits(MediaKind.VIDEO)).isTrue();
    assertThat(MediaFormat.MP4.fits(MediaKind.IMAGE)).isFalse();
    assertThat(MediaFormat.MP4.fits(MediaKind.IMAGE_OR_VIDEO)).isTrue();
  }

  private static Optional<MediaFormat> detect(byte[] file) {
    return MediaTypeDetector.detect(file, file.length);
  }
}
