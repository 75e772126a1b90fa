package seedance.provider.internal.local;

import java.nio.file.Path;

/**
 * The files a render wrote.
 *
 * @param video H.264/AAC MP4 with the index at the front
 * @param lastFrame PNG of the clip's last frame, at the clip's size
 */
public record RenderResult(Path video, Path lastFrame) {}
