package seedance.video.internal;

import java.util.List;

/** A validated submit request with every default filled in. {@code seed} is null when not given. */
record SubmitRequest(
    String mode,
    String qualityTier,
    String channel,
    String prompt,
    String aspectRatio,
    int duration,
    String resolution,
    String imageUrl,
    String endImageUrl,
    List<String> mediaUrls,
    boolean generateAudio,
    boolean fixedLens,
    Long seed) {}
