package seedance.video.internal;

import org.springframework.stereotype.Component;

/** What a request costs: ceil(credits per second x duration x channel percent / 100). */
@Component
class Pricing {

  private final PricingSettings settings;

  Pricing(PricingSettings settings) {
    this.settings = settings;
    verifyComplete(settings);
  }

  long price(SubmitRequest request) {
    return price(
        request.qualityTier(), request.resolution(), request.channel(), request.duration());
  }

  long price(String tier, String resolution, String channel, int seconds) {
    long perSecond = settings.creditsPerSecond().get(tier).get(resolution);
    long percent = settings.channelPercent().get(channel);
    return Math.ceilDiv(perSecond * seconds * percent, 100);
  }

  /** A sellable combination without a price would fail at submit; refuse to start instead. */
  private static void verifyComplete(PricingSettings settings) {
    for (String tier : SubmitRequestParser.TIERS) {
      for (String resolution : SubmitRequestParser.RESOLUTIONS) {
        boolean sellable =
            tier.equals("pro") || !SubmitRequestParser.PRO_ONLY_RESOLUTIONS.contains(resolution);
        var row =
            settings.creditsPerSecond() == null ? null : settings.creditsPerSecond().get(tier);
        Integer rate = row == null ? null : row.get(resolution);
        if (sellable && (rate == null || rate <= 0)) {
          throw new IllegalStateException(
              "seedance.pricing.credits-per-second."
                  + tier
                  + "."
                  + resolution
                  + " must be a positive integer");
        }
      }
    }
    for (String channel : SubmitRequestParser.CHANNELS) {
      Integer percent =
          settings.channelPercent() == null ? null : settings.channelPercent().get(channel);
      if (percent == null || percent <= 0) {
        throw new IllegalStateException(
            "seedance.pricing.channel-percent." + channel + " must be a positive integer");
      }
    }
  }
}
