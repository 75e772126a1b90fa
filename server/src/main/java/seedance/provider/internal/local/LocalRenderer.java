package seedance.provider.internal.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Draws a video without any account or network: a procedural picture and tune chosen by the seed,
 * with the prompt written over it and the start and end images as first and last frames. It stands
 * in for a real model wherever one is not configured, so the whole API can be used and tested.
 *
 * <p>Thread-safe: concurrent renders use separate scratch directories.
 */
public final class LocalRenderer {

  private static final String FONT_RESOURCE = "DejaVuSans-Bold.ttf";

  private final Supplier<FfmpegBinaries> binaries;

  public LocalRenderer() {
    this(FfmpegBinaries::get);
  }

  LocalRenderer(Supplier<FfmpegBinaries> binaries) {
    this.binaries = binaries;
  }

  /**
   * Renders {@code spec} into {@code outputDir} as {@code video.mp4} and {@code last_frame.png},
   * replacing earlier ones. The files appear only when both are complete.
   *
   * @throws FfmpegException when ffmpeg cannot be loaded, fails or overruns its time
   * @throws IllegalArgumentException when a start or end image cannot be read
   * @throws UncheckedIOException when the output directory cannot be written
   */
  public RenderResult render(RenderSpec spec, Path outputDir) {
    requireReadable(spec.startImage(), "start image");
    requireReadable(spec.endImage(), "end image");
    try {
      Files.createDirectories(outputDir);
      Path scratch = Files.createTempDirectory(outputDir, ".render-");
      try {
        var text = PromptText.layout(spec.prompt(), spec.width(), spec.height());
        copyFont(scratch.resolve(RenderCommand.FONT));
        Files.writeString(
            scratch.resolve(RenderCommand.PROMPT), text.text(), StandardCharsets.UTF_8);
        binaries.get().runFfmpeg(RenderCommand.arguments(spec, text), scratch, timeout(spec));
        Path video = scratch.resolve(RenderCommand.VIDEO);
        Path lastFrame = scratch.resolve(RenderCommand.LAST_FRAME);
        if (!Files.isRegularFile(video) || !Files.isRegularFile(lastFrame)) {
          throw new FfmpegException(
              "ffmpeg finished without writing both "
                  + video.getFileName()
                  + " and "
                  + lastFrame.getFileName());
        }
        Path movedFrame = moveInto(lastFrame, outputDir.resolve(RenderCommand.LAST_FRAME));
        Path movedVideo = moveInto(video, outputDir.resolve(RenderCommand.VIDEO));
        return new RenderResult(movedVideo, movedFrame);
      } finally {
        deleteRecursively(scratch);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Generous room for a machine busy with other work: two minutes plus three seconds per
   * megapixel-second, so about eight minutes for 15 s of 4K, which takes about one when idle.
   */
  static Duration timeout(RenderSpec spec) {
    double megapixelSeconds = spec.width() * (double) spec.height() / 1e6 * spec.durationSeconds();
    return Duration.ofSeconds(120 + Math.round(megapixelSeconds * 3));
  }

  private static void requireReadable(Path image, String what) {
    if (image != null && !Files.isReadable(image)) {
      throw new IllegalArgumentException(what + " cannot be read: " + image);
    }
  }

  private static void copyFont(Path target) throws IOException {
    try (InputStream font = LocalRenderer.class.getResourceAsStream(FONT_RESOURCE)) {
      if (font == null) {
        throw new IllegalStateException("font resource missing: " + FONT_RESOURCE);
      }
      Files.copy(font, target);
    }
  }

  private static Path moveInto(Path source, Path target) throws IOException {
    return Files.move(
        source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
