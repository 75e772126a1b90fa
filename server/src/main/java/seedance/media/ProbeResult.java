package seedance.media;

/**
 * What probing a local media file found.
 *
 * @param durationSeconds null for still images
 */
public record ProbeResult(int width, int height, Double durationSeconds) {}
