package seedance.sdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of {@code POST /api/v1/video/seedance2}. Null fields are left out, so the server applies
 * the contract's defaults; the server validates every value (the SDK does not second-guess it).
 *
 * <pre>{@code
 * var request = VideoRequest.builder("a red fox running through fresh snow")
 *     .duration(5).resolution("1080p").aspectRatio("9:16").build();
 * }</pre>
 *
 * @param mode {@code text-to-video} (default), {@code image-to-video} or {@code media-to-video}
 * @param qualityTier {@code mini}, {@code standard} (default) or {@code pro}
 * @param channel {@code standard} (default), {@code real} or {@code wild}
 * @param prompt 3 to 10000 characters
 * @param aspectRatio {@code 16:9} (default), {@code 1:1}, {@code 21:9}, {@code 4:3}, {@code 3:4},
 *     {@code 9:16}, {@code adaptive}
 * @param duration seconds as the contract's string, {@code "4"} to {@code "15"} (default {@code
 *     "5"})
 * @param resolution {@code 720p} (default), {@code 1080p}, {@code 1080p-plus} or {@code 4k} (the
 *     last two on {@code pro} only)
 * @param imageUrl start frame (required for image-to-video)
 * @param endImageUrl end frame (image-to-video only)
 * @param mediaUrls 1 to 12 reference images or videos (media-to-video)
 * @param generateAudio default true
 * @param fixedLens default false
 * @param seed -1 to 4294967295; not on the {@code real} channel or the {@code mini} tier
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VideoRequest(
    String mode,
    String qualityTier,
    String channel,
    String prompt,
    String aspectRatio,
    String duration,
    String resolution,
    String imageUrl,
    String endImageUrl,
    List<String> mediaUrls,
    Boolean generateAudio,
    Boolean fixedLens,
    Long seed) {

  public VideoRequest {
    mediaUrls = mediaUrls == null ? null : List.copyOf(mediaUrls);
  }

  public static Builder builder(String prompt) {
    return new Builder().prompt(prompt);
  }

  /** A builder with every field of this request. */
  public Builder toBuilder() {
    var b = new Builder();
    b.mode = mode;
    b.qualityTier = qualityTier;
    b.channel = channel;
    b.prompt = prompt;
    b.aspectRatio = aspectRatio;
    b.duration = duration;
    b.resolution = resolution;
    b.imageUrl = imageUrl;
    b.endImageUrl = endImageUrl;
    b.mediaUrls = mediaUrls;
    b.generateAudio = generateAudio;
    b.fixedLens = fixedLens;
    b.seed = seed;
    return b;
  }

  /** Fluent construction of a {@link VideoRequest}; unset fields take the server's defaults. */
  public static final class Builder {
    private String mode;
    private String qualityTier;
    private String channel;
    private String prompt;
    private String aspectRatio;
    private String duration;
    private String resolution;
    private String imageUrl;
    private String endImageUrl;
    private List<String> mediaUrls;
    private Boolean generateAudio;
    private Boolean fixedLens;
    private Long seed;

    private Builder() {}

    public Builder mode(String mode) {
      this.mode = mode;
      return this;
    }

    public Builder qualityTier(String qualityTier) {
      this.qualityTier = qualityTier;
      return this;
    }

    public Builder channel(String channel) {
      this.channel = channel;
      return this;
    }

    public Builder prompt(String prompt) {
      this.prompt = prompt;
      return this;
    }

    public Builder aspectRatio(String aspectRatio) {
      this.aspectRatio = aspectRatio;
      return this;
    }

    /** Seconds, 4 to 15. */
    public Builder duration(int seconds) {
      this.duration = Integer.toString(seconds);
      return this;
    }

    public Builder resolution(String resolution) {
      this.resolution = resolution;
      return this;
    }

    public Builder imageUrl(String imageUrl) {
      this.imageUrl = imageUrl;
      return this;
    }

    public Builder endImageUrl(String endImageUrl) {
      this.endImageUrl = endImageUrl;
      return this;
    }

    public Builder mediaUrls(List<String> mediaUrls) {
      this.mediaUrls = mediaUrls;
      return this;
    }

    public Builder generateAudio(Boolean generateAudio) {
      this.generateAudio = generateAudio;
      return this;
    }

    public Builder fixedLens(Boolean fixedLens) {
      this.fixedLens = fixedLens;
      return this;
    }

    public Builder seed(Long seed) {
      this.seed = seed;
      return this;
    }

    public VideoRequest build() {
      return new VideoRequest(
          mode,
          qualityTier,
          channel,
          prompt,
          aspectRatio,
          duration,
          resolution,
          imageUrl,
          endImageUrl,
          mediaUrls,
          generateAudio,
          fixedLens,
          seed);
    }
  }
}
