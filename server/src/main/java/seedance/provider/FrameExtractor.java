package seedance.provider;

import java.nio.file.Path;

/** Writes the last frame of a local video as a PNG, for upstreams that return none. */
public interface FrameExtractor {

  void lastFrame(Path video, Path png);
}
