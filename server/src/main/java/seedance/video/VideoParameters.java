package seedance.video;

import java.util.List;

/** The choices and defaults of the submit contract, for forms that offer them. */
public final class VideoParameters {

  public static final List<String> MODES =
      List.of("text-to-video", "image-to-video", "media-to-video");
  public static final List<String> TIERS = List.of("mini", "standard", "pro");
  public static final List<String> CHANNELS = List.of("standard", "real", "wild");
  public static final List<String> ASPECT_RATIOS =
      List.of("1:1", "21:9", "4:3", "3:4", "16:9", "9:16", "adaptive");
  public static final List<String> RESOLUTIONS = List.of("720p", "1080p", "1080p-plus", "4k");
  public static final int MIN_DURATION = 4;
  public static final int MAX_DURATION = 15;

  public static final String DEFAULT_MODE = "text-to-video";
  public static final String DEFAULT_TIER = "standard";
  public static final String DEFAULT_CHANNEL = "standard";
  public static final String DEFAULT_ASPECT_RATIO = "16:9";
  public static final String DEFAULT_DURATION = "5";
  public static final String DEFAULT_RESOLUTION = "720p";
  public static final boolean DEFAULT_GENERATE_AUDIO = true;
  public static final boolean DEFAULT_FIXED_LENS = false;

  private VideoParameters() {}
}
